// Chat text as text: web addresses become link buttons that never navigate, 旺旺表情 tokens become
// faces; everything else is a plain React text node (never HTML).
import type { ReactNode } from 'react';
import { FACE_TOKEN, faceOf } from './emoji.ts';

const TOKENS = new RegExp(`(https?:\\/\\/[^\\s<>"'，。！？、）)]+|${FACE_TOKEN.source})`, 'giu');

interface Props {
  text: string;
  /** called with the address when a link in the text is clicked; without it addresses stay plain */
  onLink?: ((url: string) => void) | undefined;
}

export function RichText({ text, onLink }: Props) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKENS)) {
    const token = match[0];
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    if (token.startsWith('[')) {
      const face = faceOf(token);
      parts.push(
        face ? (
          <span key={at} className="ww-face" role="img" aria-label={token} title={token}>
            {face.glyph}
          </span>
        ) : (
          token
        ),
      );
    } else if (onLink) {
      parts.push(
        <button key={at} type="button" className="link-inline" onClick={() => onLink(token)}>
          {token}
        </button>,
      );
    } else {
      parts.push(token);
    }
    last = at + token.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
