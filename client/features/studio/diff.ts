// A line diff of two scenario YAML texts (jsdiff's diffLines), as rows with their line numbers on
// each side, long unchanged stretches folded down to a few lines of context around each change.
import { diffLines } from 'diff';

export type DiffRow =
  | { kind: 'same' | 'added' | 'removed'; text: string; oldLine: number | null; newLine: number | null }
  | { kind: 'fold'; hidden: number };

export interface LineDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
}

/** Unchanged lines kept on each side of a change; the rest of a long unchanged run is folded. */
export const CONTEXT_LINES = 3;

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  // diffLines keeps each line's newline; the last piece after it is empty, not a line.
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function lineDiff(before: string, after: string, context = CONTEXT_LINES): LineDiff {
  const full: Exclude<DiffRow, { kind: 'fold' }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const change of diffLines(before, after)) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        full.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
        added++;
      } else if (change.removed) {
        full.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
        removed++;
      } else {
        full.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  return { rows: fold(full, context), added, removed };
}

/** Keeps `context` unchanged lines next to every change and replaces each longer run by a fold. */
function fold(rows: Exclude<DiffRow, { kind: 'fold' }>[], context: number): DiffRow[] {
  const near = new Array<boolean>(rows.length).fill(false);
  rows.forEach((row, i) => {
    if (row.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) near[j] = true;
  });
  const out: DiffRow[] = [];
  let hidden = 0;
  rows.forEach((row, i) => {
    if (near[i]) {
      if (hidden > 0) out.push({ kind: 'fold', hidden });
      hidden = 0;
      out.push(row);
    } else hidden++;
  });
  if (hidden > 0) out.push({ kind: 'fold', hidden });
  return out;
}
