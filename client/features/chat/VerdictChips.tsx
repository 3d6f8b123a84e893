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
  const opened = shown.find((v) => v.rule === open);
  return (
    <div className="verdicts" role="group" aria-label={t('verdict.list')}>
      <ul className="chips">
        {shown.map((v) => {
          const word = t(v.verdict === 'pass' ? 'verdict.pass' : 'verdict.fail');
          // Until the rule texts arrive a chip says only passed/missed: no rule id in place of a name.
          const named = hasRuleText(v);
          return (
            <li key={v.rule}>
              <button
                type="button"
                className={`chip chip-${v.verdict}${v.redLine ? ' chip-redline' : ''}${named ? '' : ' chip-pending'}`}
                aria-expanded={open === v.rule}
                aria-controls={`${id}-detail`}
                aria-busy={named ? undefined : true}
                title={local(v.feedback, lang) || undefined}
                onClick={() => setOpen(open === v.rule ? null : v.rule)}
              >
                <span aria-hidden="true">{v.verdict === 'pass' ? '✓' : '✗'}</span>
                {named ? (
                  <>
                    {ruleName(v, lang)}
                    <span className="visually-hidden">{word}</span>
                  </>
                ) : (
                  word
                )}
                {v.redLine && v.verdict === 'fail' && <span className="chip-tag">{t('verdict.redLine')}</span>}
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
