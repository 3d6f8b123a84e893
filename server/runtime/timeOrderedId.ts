// Session ids as UUID version 7 (RFC 9562): the first 48 bits are the creation time in milliseconds,
// the other 74 free bits random. Every log row is keyed by its session id, and the sessions being
// played right now were all created recently: with time-ordered ids their index entries sit together
// at the end of the index, so one commit of a hundred replies dirties a few pages, where random ids
// (v4) touch a page per reply all over the index (measured on SQLite: half the writer's time per row).
// Still unguessable enough for what ids are here: names, never capabilities (a session opens only
// with its signed token).
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function timeOrderedId(nowMs: number): string {
  const bytes = randomFillSync(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(nowMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const h = Array.from(bytes, (b) => HEX[b] ?? '00');
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}
