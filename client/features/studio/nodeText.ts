// The text inside a move's box, laid out for the scale the graph is drawn at. The graph shrinks to
// show every move at once (fitGraph, down to MIN_FIT_SCALE), and text that shrank with it would be
// too small to read (13 px at 0.5 is 6.5 px): the text grows as the graph shrinks instead, so it is
// never drawn smaller than MIN_TEXT_PX on screen. A bigger font fits fewer lines in the box: the id
// line goes first (the id stays in the move's tooltip and accessible name), then the label is cut
// to the lines that fit. Pure, so it is tested without a browser.
import { clip, NODE_H, NODE_W, textWidth, wrapText } from './layout.ts';

/** The label's size at full scale, in the drawing's units (px at scale 1). */
export const LABEL_PX = 13;
/** The id's size under the label at full scale. */
export const ID_PX = 11;
/** No text of a move is drawn smaller than this on screen, in CSS px. */
export const MIN_TEXT_PX = 10;
/** The room for a line across the box. */
export const TEXT_ROOM = NODE_W - 14;
const PAD_Y = 4;
const LINE_HEIGHT = 1.2;
/** Where a line's baseline sits below its top, as a fraction of the font size. */
const ASCENT = 0.8;

export interface NodeLine {
  text: string;
  kind: 'label' | 'id';
  /** font size in the drawing's units */
  size: number;
  /** baseline, from the top of the box */
  y: number;
}

/** The font size in the drawing's units that shows `base` px at scale 1 and never less than MIN_TEXT_PX on screen. */
export function textSize(base: number, scale: number): number {
  return Math.max(base, MIN_TEXT_PX / Math.max(scale, 0.01));
}

/**
 * The lines of a move's box at `scale`: its label on up to two lines with the id under it, as
 * room allows; a move without a label shows its id alone, in the label's place.
 */
export function nodeLines(label: string | undefined, id: string, scale: number): NodeLine[] {
  const labelSize = textSize(LABEL_PX, scale);
  const idSize = textSize(ID_PX, scale);
  const room = NODE_H - 2 * PAD_Y;
  const labelLine = labelSize * LINE_HEIGHT;
  const idLine = idSize * LINE_HEIGHT;
  const fitting = Math.max(1, Math.min(2, Math.floor(room / labelLine)));
  const lines: Omit<NodeLine, 'y'>[] = label
    ? wrapText(label, TEXT_ROOM, labelSize, fitting).map((text) => ({ text, kind: 'label' as const, size: labelSize }))
    : [{ text: clip(id, TEXT_ROOM, labelSize), kind: 'label', size: labelSize }];
  if (label && lines.length * labelLine + idLine <= room) lines.push({ text: clip(id, TEXT_ROOM, idSize), kind: 'id', size: idSize });
  const height = lines.reduce((h, l) => h + l.size * LINE_HEIGHT, 0);
  let top = (NODE_H - height) / 2;
  return lines.map((line) => {
    const y = top + line.size * ASCENT;
    top += line.size * LINE_HEIGHT;
    return { ...line, y };
  });
}

/** How wide a line is drawn, in the drawing's units (an estimate, as wrapText uses). */
export const lineWidth = (line: NodeLine): number => textWidth(line.text, line.size);
