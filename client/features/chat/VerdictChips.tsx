// Practice mode: the rubric's verdicts on one reply, misses first; a chip opens its feedback and,
// for a miss, the model reply.
import { useId, useState } from 'react';
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Lang, Verdict } from '../../store/types.ts';
import './verdicts.css';

/**
 * A verdict's name comes from its rule's texts. Verdicts stored before rules had titles carry none,
 * and a chat's chips have none until its rule texts arrive; the id is still a readable name.
 */
export function ruleName(v: Verdict, lang: Lang): string {
  return v.title ? local(v.title, lang) : v.rule;
}

export function VerdictChips({ verdicts }: { verdicts: readonly Verdict[] }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  const shown = verdicts.filter((v) => v.verdict !== 'n/a').sort((a, b) => Number(a.verdict === 'pass') - Number(b.verdict === 'pass'));
  if (shown.length === 0) return null;
  const opened = shown.find((v) => v.rule === open);
  return (
    <div className="verdicts" role="group" aria-label={t('verdict.list')}>
      <ul className="chips">
        {shown.map((v) => (
          <li key={v.rule}>
            <button
              type="button"
              className={`chip chip-${v.verdict}${v.redLine ? ' chip-redline' : ''}`}
              aria-expanded={open === v.rule}
              aria-controls={`${id}-detail`}
              title={local(v.feedback, lang) || undefined}
              onClick={() => setOpen(open === v.rule ? null : v.rule)}
            >
              <span aria-hidden="true">{v.verdict === 'pass' ? '✓' : '✗'}</span>
              {ruleName(v, lang)}
              <span className="visually-hidden">{t(v.verdict === 'pass' ? 'verdict.pass' : 'verdict.fail')}</span>
              {v.redLine && v.verdict === 'fail' && <span className="chip-tag">{t('verdict.redLine')}</span>}
            </button>
          </li>
        ))}
      </ul>
      <div id={`${id}-detail`} className={opened ? `verdict-detail verdict-detail-${opened.verdict}` : 'verdict-detail'} hidden={!opened}>
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
