// A phone or a narrow window: no Shift key to add a line with. A page without matchMedia (a test
// DOM) counts as a desktop.
import { useSyncExternalStore } from 'react';

const TOUCH = '(pointer: coarse), (max-width: 700px)';

const media = (): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia(TOUCH) : null);

export function useTouchScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = media();
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => media()?.matches ?? false,
    () => false,
  );
}
