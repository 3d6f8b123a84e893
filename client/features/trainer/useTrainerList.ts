// The admins' list of trainer accounts, loaded when the accounts panel shows and again after a change
// (add, disable, enable). Kept in the panel, not the store: nothing else on the page reads it.
import { useCallback, useEffect, useState } from 'react';
import type { TrainerListItem } from '../../net/api.ts';
import { listTrainers } from '../../net/api.ts';
import type { TrainerFailure } from '../../store/trainerSlice.ts';
import { trainerFailure } from '../../store/trainerSlice.ts';

export interface TrainerList {
  /** null until the first answer */
  trainers: TrainerListItem[] | null;
  /** why the last load failed (the list keeps its last rows) */
  failure: TrainerFailure | null;
  reload(): Promise<void>;
}

export function useTrainerList(): TrainerList {
  const [trainers, setTrainers] = useState<TrainerListItem[] | null>(null);
  const [failure, setFailure] = useState<TrainerFailure | null>(null);
  const reload = useCallback(
    () =>
      listTrainers().then(
        (list) => {
          setTrainers(list);
          setFailure(null);
        },
        (err: unknown) => setFailure(trainerFailure(err)),
      ),
    [],
  );
  useEffect(() => void reload(), [reload]);
  return { trainers, failure, reload };
}
