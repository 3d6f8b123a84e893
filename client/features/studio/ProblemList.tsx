// The problems under the editor: each at its path:line:col (a click jumps there), worded in the
// page's language, its tooltip too (a trainer who reads only Chinese met English there). A missing
// colon is pinned to the line that lacks it, read from the source (colonHint.ts).
import { useMemo } from 'react';
import { useApp } from '../../store/index.ts';
import { colonHintZh } from './colonHint.ts';
import type { Diagnostic } from '../../../server/engine/index.ts';
import { formatDiagnostic } from '../../../server/engine/index.ts';
import { useDiagnosticWords } from './diagnosticWords.ts';
import { useStudioT } from './strings.ts';

export function ProblemList({ diagnostics, source, onJump }: { diagnostics: readonly Diagnostic[]; source: string; onJump(line: number, col: number): void }) {
  const d = useStudioT();
  const words = useDiagnosticWords();
  const lang = useApp((s) => s.lang);
  // Worded once per check, not on every keystroke the editor re-renders for.
  const lines = useMemo(
    () =>
      diagnostics.map((diag) => {
        const english = formatDiagnostic(diag);
        const hint = lang === 'zh-CN' ? colonHintZh(diag.message, source, diag.line) : undefined;
        return { diag, english, worded: hint === undefined ? words.line(english) : `${english.slice(0, english.length - diag.message.length)}${hint}` };
      }),
    [diagnostics, words, lang, source],
  );
  if (diagnostics.length === 0) return <p className="studio-ok" data-testid="studio-problems">{d('editor.ok')}</p>;
  return (
    <div data-testid="studio-problems">
      <p className="studio-error">{d('editor.problems', { count: diagnostics.length })}</p>
      <ul className="studio-diagnostics">
        {lines.map(({ diag, english, worded }) => (
          <li key={english}>
            <button type="button" className="linkish" title={worded} onClick={() => onJump(diag.line, diag.col)}>
              {worded}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Publish's refusal: its `path:line:col: message` lines, worded like the live problems. */
export function RefusalList({ lines, label }: { lines: readonly string[]; label: string }) {
  const words = useDiagnosticWords();
  return (
    <ul className="studio-diagnostics" aria-label={label}>
      {lines.map((line) => (
        <li key={line} title={words.line(line)}>
          {words.line(line)}
        </li>
      ))}
    </ul>
  );
}
