// A buyer move as the forms name it where a trainer picks one (a rule's scope, where a reaction
// goes): its label in the page's language, with the id the YAML uses beside it, as the play-test
// does; a move without a label (or without its Chinese) by its id.
import { useCallback } from 'react';
import { useApp } from '../../../store/index.ts';
import type { StateForm } from './formModel.ts';
import { useFormT } from './strings.ts';

export type MoveName = (id: string) => string;

export function useMoveNames(states: readonly Pick<StateForm, 'id' | 'labelZh' | 'labelEn'>[]): MoveName {
  const d = useFormT();
  const lang = useApp((s) => s.lang);
  return useCallback(
    (id) => {
      const state = states.find((s) => s.id === id);
      // Without an English name the English UI shows the Chinese one, as the engine does.
      const en = state?.labelEn.value;
      const label = state && (lang === 'en' && typeof en === 'string' && en.trim() !== '' ? en : state.labelZh.value);
      return typeof label === 'string' && label.trim() !== '' ? d('move.named', { label: label.trim(), id }) : id;
    },
    [states, lang, d],
  );
}
