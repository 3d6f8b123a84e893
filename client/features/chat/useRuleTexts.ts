// A practice chat's rule texts, which its verdict marks are shown with: loaded once per rubric key
// (as soon as the key is known), shared by every chat of that rubric.
import { useEffect, useMemo } from 'react';
import { verdictWithText } from '../../../server/protocol/ruleTexts.ts';
import { useApp } from '../../store/index.ts';
import type { ChatSession, RuleText, Verdict } from '../../store/types.ts';

export function useRuleTexts(session: ChatSession): ReadonlyMap<string, RuleText> | undefined {
  const rubric = session.mode === 'practice' ? session.rubric : undefined;
  const texts = useApp((s) => (rubric ? s.ruleTexts[rubric] : undefined));
  const load = useApp((s) => s.loadRuleTexts);
  const backend = useApp((s) => s.backend);
  const { id, token } = session;
  // A failed load is asked again when the next verdict arrives (loading or loaded: a no-op).
  const marked = Object.keys(session.verdicts).length;
  useEffect(() => {
    if (backend && rubric) void load({ id, token, rubric });
  }, [backend, id, token, rubric, marked, load]);
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
