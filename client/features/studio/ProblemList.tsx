// The problems under the editor: each at its path:line:col (a click jumps there), worded in the
// page's language; the English the engine and the CLI print stays on the item as its tooltip, so a
// trainer can search for it.
import { useMemo } from 'react';
import type { Diagnostic } from '../../../server/engine/index.ts';
import { formatDiagnostic } from '../../../server/engine/index.ts';
import { useDiagnosticWords } from './diagnosticWords.ts';
import { useStudioT } from './strings.ts';

export function ProblemList({ diagnostics, onJump }: { diagnostics: readonly Diagnostic[]; onJump(line: number, col: number): void }) {
  const d = useStudioT();
  const words = useDiagnosticWords();
  // Worded once per check, not on every keystroke the editor re-renders for.
  const lines = useMemo(
    () =>
      diagnostics.map((diag) => {
        const english = formatDiagnostic(diag);
        return { diag, english, worded: words.line(english) };
      }),
    [diagnostics, words],
  );
  if (diagnostics.length === 0) return <p className="studio-ok" data-testid="studio-problems">{d('editor.ok')}</p>;
  return (
    <div data-testid="studio-problems">
      <p className="studio-error">{d('editor.problems', { count: diagnostics.length })}</p>
      <ul className="studio-diagnostics">
        {lines.map(({ diag, english, worded }) => (
          <li key={english}>
            <button type="button" className="linkish" title={english} onClick={() => onJump(diag.line, diag.col)}>
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
        <li key={line} title={line}>
          {words.line(line)}
        </li>
      ))}
    </ul>
  );
}
