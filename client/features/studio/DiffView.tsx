// A line diff of two YAML texts: removed lines marked − on red, added lines + on green, both line
// numbers, unchanged stretches folded. The marks are text too (not colour alone) for screen readers
// and for anyone who cannot tell red from green.
import { useMemo } from 'react';
import { lineDiff } from './diff.ts';
import { useStudioT } from './strings.ts';

interface Props {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}

export function DiffView({ before, after, beforeLabel, afterLabel }: Props) {
  const d = useStudioT();
  const diff = useMemo(() => lineDiff(before, after), [before, after]);
  const caption = d('diff.caption', { before: beforeLabel, after: afterLabel, added: diff.added, removed: diff.removed });
  if (diff.added === 0 && diff.removed === 0) return <p className="muted" data-testid="studio-diff">{d('diff.same', { before: beforeLabel, after: afterLabel })}</p>;
  return (
    <div className="studio-diff" data-testid="studio-diff">
      <table>
        <caption>{caption}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{beforeLabel}</th>
            <th scope="col">{afterLabel}</th>
            <th scope="col">{d('diff.change')}</th>
            <th scope="col">{d('diff.text')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row, i) =>
            row.kind === 'fold' ? (
              <tr key={`fold-${i}`} className="studio-diff-fold">
                <td colSpan={4}>{d('diff.folded', { count: row.hidden })}</td>
              </tr>
            ) : (
              <tr key={`${row.kind}-${row.oldLine ?? ''}-${row.newLine ?? ''}`} className={`studio-diff-${row.kind}`} data-kind={row.kind}>
                <td className="studio-diff-no">{row.oldLine ?? ''}</td>
                <td className="studio-diff-no">{row.newLine ?? ''}</td>
                <td className="studio-diff-mark" aria-label={row.kind === 'same' ? undefined : d(row.kind === 'added' ? 'diff.added' : 'diff.removed')}>
                  {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ''}
                </td>
                <td className="studio-diff-text">{row.text}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
