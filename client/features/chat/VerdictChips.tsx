// Practice mode: the rubric's verdicts on one reply, misses first; a chip opens its feedback and,
// for a miss, the model reply.
import { useEffect, useId, useRef, useState } from 'react';
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Lang, Verdict } from '../../store/types.ts';
import './verdicts.css';

/**
 * A verdict's name comes from its rule's texts. A rule may have no title (a scenario's own rule,
 * verdicts stored before rules had titles): then its id is its name.
 */
export function ruleName(v: Verdict, lang: Lang): string {
  return v.title ? local(v.title, lang) : v.rule;
}

/**
 * Whether a verdict has its rule's texts joined in. Every rule has feedback (the schema asks for it),
 * so a verdict without a title and with empty feedback is a mark whose texts have not arrived yet
 * (a chat's chips until its rule texts are loaded) — not an untitled rule.
 */
export function hasRuleText(v: Verdict): boolean {
  return v.title !== undefined || v.feedback['zh-CN'] !== '' || v.feedback.en !== '';
}

/**
 * A chip whose rule texts are on their way, as read out: its verdict, and that its rule is still
 * loading (there is nothing to open yet). Kept here until the app's dictionary has the key.
 */
const PENDING: Record<Lang, (verdict: string, redLine: string | undefined) => string> = {
  'zh-CN': (verdict, redLine) => `${verdict}${redLine ? `，${redLine}` : ''}（规则说明加载中）`,
  en: (verdict, redLine) => `${verdict}${redLine ? `, ${redLine}` : ''} (rule details loading)`,
};

export function VerdictChips({ verdicts }: { verdicts: readonly Verdict[] }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  const detail = useRef<HTMLDivElement>(null);
  // The feedback opens under the chips: on the last reply that is below the visible part of the
  // message list, so bring it into view (jsdom, for one, has no scrollIntoView).
  useEffect(() => {
    const el = detail.current;
    if (open !== null && el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const shown = verdicts.filter((v) => v.verdict !== 'n/a').sort((a, b) => Number(a.verdict === 'pass') - Number(b.verdict === 'pass'));
  if (shown.length === 0) return null;
  // Only a chip with its rule's texts opens: a pending one has nothing to show.
  const opened = shown.find((v) => v.rule === open && hasRuleText(v));
  return (
    <div className="verdicts" role="group" aria-label={t('verdict.list')}>
      <ul className="chips">
        {shown.map((v) => {
          const word = t(v.verdict === 'pass' ? 'verdict.pass' : 'verdict.fail');
          const className = `chip chip-${v.verdict}${v.redLine ? ' chip-redline' : ''}`;
          const mark = <span aria-hidden="true">{v.verdict === 'pass' ? '✓' : '✗'}</span>;
          const tag = v.redLine && v.verdict === 'fail' ? <span className="chip-tag">{t('verdict.redLine')}</span> : null;
          // Until the rule texts arrive a chip says only passed/missed (no rule id in place of a
          // name) and is no button: there is no feedback to open yet. Read out as one image.
          if (!hasRuleText(v)) {
            return (
              <li key={v.rule}>
                <span className={`${className} chip-pending`} role="img" aria-label={PENDING[lang](word, tag ? t('verdict.redLine') : undefined)}>
                  {mark}
                  {word}
                  {tag}
                </span>
              </li>
            );
          }
          return (
            <li key={v.rule}>
              <button
                type="button"
                className={className}
                aria-expanded={open === v.rule}
                aria-controls={`${id}-detail`}
                title={local(v.feedback, lang) || undefined}
                onClick={() => setOpen(open === v.rule ? null : v.rule)}
              >
                {mark}
                {ruleName(v, lang)}
                <span className="visually-hidden">{word}</span>
                {tag}
              </button>
            </li>
          );
        })}
      </ul>
      <div ref={detail} id={`${id}-detail`} className={opened ? `verdict-detail verdict-detail-${opened.verdict}` : 'verdict-detail'} hidden={!opened}>
        {opened && <VerdictAdvice verdict={opened} withModel={opened.verdict === 'fail'} />}
      </div>
    </div>
  );
}

/** A verdict's coaching: the feedback, and the model reply when there is one to show. */
export function VerdictAdvice({ verdict, withModel = true }: { verdict: Verdict; withModel?: boolean }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  // Empty while a chat's rule texts are on their way.
  const feedback = local(verdict.feedback, lang);
  return (
    <>
      {feedback && <p>{feedback}</p>}
      {withModel && verdict.modelReply && (
        <p className="verdict-model">
          <strong>{t('verdict.model')}</strong>
          {local(verdict.modelReply, lang)}
        </p>
      )}
    </>
  );
}
