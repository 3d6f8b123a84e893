// What a join code leads to, asked as soon as the code is whole: the page says a cancelled, ended or
// unknown code at once, before the trainee types a name. Only a hint: the join checks again (the
// drill may change in between), and a check that could not be asked leaves it to the join.
import { useEffect, useState } from 'react';
import type { JoinCodeStatus } from '../../../server/protocol/index.ts';
import { useApp } from '../../store/index.ts';
import type { DrillRefusal } from '../../store/drillSlice.ts';

export type CodeCheck =
  /** no whole code to check (or no need: the browser holds a seat for it) */
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'known'; status: JoinCodeStatus }
  /** the server could not be asked, or refused (too many wrong codes): the join tells */
  | { state: 'unchecked'; error: DrillRefusal };

const IDLE: CodeCheck = { state: 'idle' };
const CHECKING: CodeCheck = { state: 'checking' };

/** `code`: a whole 6-digit code to check, or null for none. */
export function useCodeCheck(code: string | null): CodeCheck {
  const check = useApp((s) => s.checkDrillCode);
  const [answer, setAnswer] = useState<{ code: string; check: CodeCheck } | null>(null);
  useEffect(() => {
    if (code === null) return;
    // An answer for a code typed over since is dropped.
    let current = true;
    void check(code).then((ack) => {
      if (current) setAnswer({ code, check: ack.ok ? { state: 'known', status: ack.data.status } : { state: 'unchecked', error: ack.error } });
    });
    return () => {
      current = false;
    };
  }, [check, code]);
  if (code === null) return IDLE;
  return answer?.code === code ? answer.check : CHECKING;
}
