// The chat again, each verdict beside the reply it concerns: misses with their feedback and model
// reply, passes as chips; verdicts on the chat as a whole at the end.
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Message, Report, Shop, Verdict } from '../../store/types.ts';
import { clockTime } from '../../ui/format.ts';
import { AttachmentView } from '../chat/Attachments.tsx';
import { RichText } from '../chat/RichText.tsx';
import { ruleName, VerdictAdvice } from '../chat/VerdictChips.tsx';

function VerdictNotes({ verdicts }: { verdicts: readonly Verdict[] }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const fails = verdicts.filter((v) => v.verdict === 'fail');
  const passes = verdicts.filter((v) => v.verdict === 'pass');
  return (
    <div className="report-verdicts">
      {fails.map((v) => (
        <div key={v.rule} className={v.redLine ? 'report-verdict fail redline' : 'report-verdict fail'}>
          <p>
            <span aria-hidden="true">✗ </span>
            <strong>{ruleName(v, lang)}</strong> <span className="visually-hidden">{t('verdict.fail')}</span>
            {v.redLine && <span className="chip-tag">{t('verdict.redLine')}</span>}
          </p>
          <VerdictAdvice verdict={v} />
        </div>
      ))}
      {passes.length > 0 && (
        <ul className="chips">
          {passes.map((v) => (
            <li key={v.rule} className="chip chip-pass" title={local(v.feedback, lang)}>
              <span aria-hidden="true">✓</span> {ruleName(v, lang)} <span className="visually-hidden">{t('verdict.pass')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface Props {
  transcript: Message[];
  report: Report;
  shop: Shop | undefined;
  nickname: string;
  traineeName: string;
  /** a drill chat's lines as the trainee's clock saw them appear (ChatSession.wallAt), when known */
  wallAt?: Record<string, number> | undefined;
}

export function ReportTranscript({ transcript, report, shop, nickname, traineeName, wallAt }: Props) {
  const t = useT();
  const byMessage = new Map<string, Verdict[]>();
  const chatWide: Verdict[] = [];
  for (const v of report.rules) {
    if (v.verdict === 'n/a') continue;
    if (v.messageId) byMessage.set(v.messageId, [...(byMessage.get(v.messageId) ?? []), v]);
    else chatWide.push(v);
  }
  return (
    <section className="report-card report-transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">{t('report.transcript')}</h2>
      <ol>
        {transcript.map((m) => {
          const verdicts = byMessage.get(m.id);
          const who = m.from === 'buyer' ? nickname || t('side.buyer') : traineeName;
          return (
            // tabIndex -1: 「查看这条消息」 moves the focus here, so the next Tab and a screen reader go on from it.
            <li key={m.id} id={`msg-${m.id}`} className={`report-line from-${m.from}`} tabIndex={-1}>
              <div className="report-line-meta">
                <strong>{who}</strong> <time>{clockTime(wallAt?.[m.id] ?? m.at)}</time>
              </div>
              {m.action ? (
                <p className="report-action">{t(`chat.action.${m.action.kind}`)}</p>
              ) : (
                <>
                  {m.text && (
                    <p className="report-text">
                      <RichText text={m.text} />
                    </p>
                  )}
                  {m.attachment && <AttachmentView attachment={m.attachment} shop={shop} />}
                </>
              )}
              {verdicts && <VerdictNotes verdicts={verdicts} />}
            </li>
          );
        })}
      </ol>
      {chatWide.length > 0 && (
        <>
          <h3>{t('report.chatWide')}</h3>
          <VerdictNotes verdicts={chatWide} />
        </>
      )}
    </section>
  );
}
