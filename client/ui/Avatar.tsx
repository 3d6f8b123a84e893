// A buyer's avatar: scenario avatars are ids, not pictures, so a coloured disc with the first
// character of the nickname stands in, the same colour for the same id every time.
import './ui.css';

/** Eight hues, each dark enough for its white initial to reach 4.5:1 (WCAG AA for normal text). */
export const AVATAR_COLOURS = ['#d4380d', '#0958d9', '#006d75', '#722ed1', '#c41d7f', '#237804', '#ad4e00', '#2f54eb'];

function hue(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return AVATAR_COLOURS[h % AVATAR_COLOURS.length] as string;
}

export function Avatar({ id, name, size = 36 }: { id: string; name: string; size?: number }) {
  const first = [...name.trim()][0] ?? '?';
  return (
    <span className="avatar" aria-hidden="true" style={{ background: hue(id), width: size, height: size, fontSize: size * 0.45 }}>
      {first}
    </span>
  );
}
