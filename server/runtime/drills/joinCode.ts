// Join codes and their QR codes. A code is 6 random digits (crypto, not a counter: the next
// drill's code cannot be guessed from this one), unique among the drills open now.
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';

const ATTEMPTS = 1000;

export function newJoinCode(inUse: (code: string) => boolean): string {
  for (let i = 0; i < ATTEMPTS; i++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!inUse(code)) return code;
  }
  throw new Error('no free join code: too many drills are open');
}

export function joinUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/join/${code}`;
}

/** A complete SVG document; error correction M survives a projector's glare. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
