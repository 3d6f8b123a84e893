// A practice chat's rule texts, which its verdict marks are shown with: loaded once per rubric key
// (as soon as the key is known), shared by every chat of that rubric. A failed load is asked again
// while the chat is on screen: after 2 s, 4 s, 8 s… (at most 30 s apart), and at once when the
// connection comes back.
import { useEffect, useMemo, useRef } from 'react';
import { verdictWithText } from '../../../server/protocol/ruleTexts.ts';
import { useApp } from '../../store/index.ts';
import type { ChatSession, RuleText, Verdict } from '../../store/types.ts';

const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/** How long to wait before asking again after the `failures`-th failure in a row (1, 2, …). */
export function ruleTextsRetryDelay(failures: number): number {
  return Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS);
}

export function useRuleTexts(session: ChatSession): ReadonlyMap<string, RuleText> | undefined {
  const rubric = session.mode === 'practice' ? session.rubric : undefined;
  const texts = useApp((s) => (rubric ? s.ruleTexts[rubric] : undefined));
  const load = useApp((s) => s.loadRuleTexts);
  const backend = useApp((s) => s.backend);
  const online = useApp((s) => s.connection === 'online');
  const { id, token } = session;
  // Failures in a row for this rubric, each error counted once (an effect may run twice for one).
  const failures = useRef<{ rubric: string | undefined; last: object | undefined; count: number }>({ rubric, last: undefined, count: 0 });
  const failed = texts?.state === 'error' ? texts : undefined;
  // After an error, ask again later: only while the texts are needed (a practice chat with a known
  // rubric on screen). Leaving the chat (unmount) or a load in flight clears the timer.
  useEffect(() => {
    if (!backend || !rubric || !failed) return;
    const f = failures.current;
    if (f.rubric !== rubric || f.last !== failed) failures.current = { rubric, last: failed, count: (f.rubric === rubric ? f.count : 0) + 1 };
    const timer = setTimeout(() => void load({ id, token, rubric }), ruleTextsRetryDelay(failures.current.count));
    return () => clearTimeout(timer);
  }, [backend, id, token, rubric, failed, load]);
  // Ask as soon as the texts are needed, and at once when the connection comes back (the back-off
  // starts over). Loading or loaded: a no-op.
  useEffect(() => {
    if (!backend || !rubric) return;
    if (online) failures.current = { rubric, last: undefined, count: 0 };
    void load({ id, token, rubric });
  }, [online, backend, id, token, rubric, load]);
  return texts?.state === 'ready' ? texts.data : undefined;
}

/**
 * The chat's practice verdicts by message, each with its rule's texts. Until they arrive a verdict
 * has no title and empty feedback, and its chip says only passed/missed (see hasRuleText).
 */
export function usePracticeVerdicts(session: ChatSession): Record<string, Verdict[]> | undefined {
  const texts = useRuleTexts(session);
  const practice = session.mode === 'practice';
  const { verdicts } = session;
  return useMemo(() => {
    if (!practice) return undefined;
    const out: Record<string, Verdict[]> = {};
    for (const [messageId, marks] of Object.entries(verdicts)) out[messageId] = marks.map((m) => verdictWithText(m, texts?.get(m.rule)));
    return out;
  }, [practice, verdicts, texts]);
}
