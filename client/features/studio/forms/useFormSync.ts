// Keeps the forms and the YAML editor on one text. A form edit becomes a text change applied to the
// editor as a transaction (so Ctrl+Z undoes it there) and the forms re-read the new text at once;
// typing in the YAML reaches the forms after a pause, like the checks.
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { applyChange } from './yamlEdit.ts';
import type { TextChange } from './yamlEdit.ts';

export interface TextTarget {
  text(): string;
  apply(change: TextChange): void;
}

export function useFormSync(target: RefObject<TextTarget | null>, text: string, delayMs: number) {
  const [formSource, setFormSource] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setFormSource(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);

  /** `make` sees the editor's text as it is now, never a debounced copy. */
  const edit = useCallback(
    (make: (source: string) => TextChange | null) => {
      const handle = target.current;
      if (!handle) return;
      const current = handle.text();
      const change = make(current);
      if (!change || (change.from === change.to && change.insert === '')) return;
      handle.apply(change);
      setFormSource(applyChange(current, change));
    },
    [target],
  );
  return { formSource, edit };
}
