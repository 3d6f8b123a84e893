// Buyer pacing like a person: a moment to read, typing time that grows with the line, a pause
// between consecutive lines. `speed` scales it all (0 = instant, for tests and benchmarks).
import { codePointLength } from './codePoints.ts';

export const READ_MS = 900;
export const PAUSE_MS = 700;
const MS_PER_CHAR = 160;
const MIN_TYPING_MS = 800;
const MAX_TYPING_MS = 6000;

export function typingMs(text: string, speed: number): number {
  const chars = codePointLength(text);
  return Math.round(Math.min(MAX_TYPING_MS, Math.max(MIN_TYPING_MS, chars * MS_PER_CHAR)) * speed);
}
