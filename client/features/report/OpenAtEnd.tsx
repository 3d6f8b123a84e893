// What a chat ended unfinished left open: the buyer's move it stopped in (by its label), and whether
// her last line still wanted an answer (quoted) or she had not yet responded to the trainee's. Said
// under the report's 未完成 line, so "not passed" comes with what passing would have taken.
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { BuyerMove, Message } from '../../store/types.ts';

/** Long buyer lines are quoted by their start: the whole line is in the transcript below. */
const QUOTE_MAX = 60;

export function OpenAtEnd({ move, transcript }: { move: BuyerMove; transcript: readonly Message[] }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  // Actions (opening a link, answering a file offer) are not lines anyone waits on.
  const last = transcript.filter((m) => !m.action).at(-1);
  const line = last?.from === 'buyer' ? last.text.trim() : '';
  const quoted = line.length > QUOTE_MAX ? `${[...line].slice(0, QUOTE_MAX).join('')}…` : line;
  return (
    <p className="score-open" data-testid="report-open">
      {t('report.openMove', { move: move.label ? local(move.label, lang) : move.id })}
      {last?.from === 'buyer' && quoted && t('report.openLastLine', { line: quoted })}
      {last?.from === 'trainee' && t('report.openAfterReply')}
    </p>
  );
}
