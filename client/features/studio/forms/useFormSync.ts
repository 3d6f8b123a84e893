// Keeps the forms and the YAML editor on one text. A form edit becomes a text change applied to the
// editor as a transaction (so Ctrl+Z undoes it there) and the forms re-read the new text at once;
// typing in the YAML reaches the forms through `show`, which the editor calls after a pause, in the
// same debounce as the checks (so fields and their diagnostics change together).
import { useCallback, useState } from 'react';
import type { RefObject } from 'react';
import { applyChange } from './yamlEdit.ts';
import type { TextChange } from './yamlEdit.ts';

export interface TextTarget {
  text(): string;
  apply(change: TextChange): void;
}

export function useFormSync(target: RefObject<TextTarget | null>, initial: string) {
  const [formSource, setFormSource] = useState(initial);

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
  return { formSource, edit, show: setFormSource };
}
