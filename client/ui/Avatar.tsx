// A buyer's avatar: scenario avatars are ids, not pictures, so a coloured disc with the first
// character of the nickname stands in, the same colour for the same id every time.
import './ui.css';

const COLOURS = ['#ff7a45', '#1677ff', '#13a8a8', '#722ed1', '#eb2f96', '#52c41a', '#fa8c16', '#2f54eb'];

function hue(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COLOURS[h % COLOURS.length] as string;
}

export function Avatar({ id, name, size = 36 }: { id: string; name: string; size?: number }) {
  const first = [...name.trim()][0] ?? '?';
  return (
    <span className="avatar" aria-hidden="true" style={{ background: hue(id), width: size, height: size, fontSize: size * 0.45 }}>
      {first}
    </span>
  );
}
