// The avatar's initial is white on one of eight hues (client/ui/Avatar.tsx, colours set in code,
// so the CSS contrast test cannot see them): each hue must give the initial 4.5:1 (WCAG AA).
import { describe, expect, test } from 'vitest';
import { AVATAR_COLOURS } from '../../client/ui/Avatar.tsx';
import { coloursIn, contrast } from './cssColours.ts';

describe('avatar colours', () => {
  const white = coloursIn('#ffffff')[0];
  test.each(AVATAR_COLOURS)('white on %s reaches 4.5:1', (hex) => {
    const bg = coloursIn(hex)[0];
    if (!white || !bg) throw new Error(`unreadable colour ${hex}`);
    expect(contrast(white, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
