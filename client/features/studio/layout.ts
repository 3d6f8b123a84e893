// A small layered layout for the state graph: layers by breadth-first distance from the initial
// state (cycles need no special care: a back edge just points back), the endings in a layer after
// those, states never reached in a last layer, and each layer is ordered by the mean position of its predecessors to keep edges
// short. Layers run left to right or top to bottom, a wide layer wrapping onto several rows, in the
// arrangement that shows the whole graph largest in its box (fitGraph). Pure, so it is tested without a browser.
import type { Diagnostic, Scenario } from '../../../server/engine/index.ts';

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  initial: boolean;
  outcome: string | undefined;
  unreachable: boolean;
  deadEnd: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** on / always / silence */
  kind: string;
}

/** `right`: layers are columns, left to right; `down`: layers are rows, top to bottom. */
export type Direction = 'right' | 'down';

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  direction: Direction;
}

export interface LayoutOptions {
  direction?: Direction;
  /** `down` only: at most this many moves side by side; a wider layer wraps onto more rows */
  perRow?: number;
}

export const NODE_W = 168;
export const NODE_H = 56;
const GAP_X = 70;
const GAP_Y = 24;
/** between the rows of the top-to-bottom layout, where edges run from a node's bottom to the next row's top */
const ROW_GAP = 40;
const COL_GAP = 20;
const MARGIN = 16;
const BACK_ROOM = 40;
/** Below this the labels get too small to read: the graph scrolls instead of shrinking further. */
export const MIN_SCALE = 0.8;

export function edgesOf(s: Scenario): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const leaveDefault = s.silence && typeof s.silence === 'object' ? s.silence.leave : undefined;
  for (const [id, state] of Object.entries(s.states)) {
    for (const t of state.on ?? []) if (t.goto !== undefined) edges.push({ from: id, to: t.goto, kind: 'on' });
    for (const t of state.always ?? []) edges.push({ from: id, to: t.goto, kind: 'always' });
    if (state.outcome || state.silence === false) continue;
    const leave = (typeof state.silence === 'object' ? state.silence.leave : undefined) ?? leaveDefault;
    if (leave !== undefined) edges.push({ from: id, to: leave, kind: 'silence' });
  }
  // A goto to a missing state is the checker's to report; the graph just leaves it out.
  return edges.filter((e) => e.to in s.states);
}

/** Which states the checker calls unreachable or stuck: its messages name the state in set phrases. */
function flagged(diagnostics: readonly Diagnostic[], phrases: readonly string[]): boolean {
  return diagnostics.some((d) => phrases.some((p) => d.message.includes(p)));
}

export function layoutGraph(s: Scenario, diagnostics: readonly Diagnostic[], options: LayoutOptions = {}): Graph {
  const ids = Object.keys(s.states);
  const edges = edgesOf(s);
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const layerOf = new Map<string, number>();
  if (s.initial in s.states) {
    layerOf.set(s.initial, 0);
    const queue = [s.initial];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i] as string;
      for (const to of next.get(id) ?? []) {
        if (layerOf.has(to)) continue;
        layerOf.set(to, (layerOf.get(id) ?? 0) + 1);
        queue.push(to);
      }
    }
  }
  // Endings go in a layer of their own after every other move: nothing leaves an ending, so every
  // edge into one runs forward (a buyer leaving on silence can happen from the first move on).
  const ending = (id: string) => s.states[id]?.outcome !== undefined;
  const middle = Math.max(-1, ...[...layerOf].filter(([id]) => !ending(id)).map(([, l]) => l));
  const endings = [...layerOf.keys()].filter(ending);
  for (const id of endings) layerOf.set(id, middle + 1);
  const deepest = Math.max(-1, ...layerOf.values());
  for (const id of ids) if (!layerOf.has(id)) layerOf.set(id, deepest + 1);
  const layers: string[][] = [];
  for (const id of ids) (layers[layerOf.get(id) ?? 0] ??= []).push(id);
  const row = new Map<string, number>();
  layers.forEach((layer, l) => {
    if (l > 0) {
      const mean = (id: string) => {
        const from = edges.filter((e) => e.to === id && (layerOf.get(e.from) ?? 0) < l).map((e) => row.get(e.from) ?? 0);
        return from.length > 0 ? from.reduce((a, b) => a + b, 0) / from.length : Number.MAX_SAFE_INTEGER;
      };
      const keys = new Map(layer.map((id) => [id, mean(id)]));
      layer.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0));
    }
    layer.forEach((id, i) => row.set(id, i));
  });
  const place = options.direction === 'down' ? placeDown(layers.filter(Boolean), Math.max(1, options.perRow ?? Number.MAX_SAFE_INTEGER)) : placeRight(layers, layerOf, row);
  const nodes: GraphNode[] = ids.map((id) => ({
    id,
    ...(place.at.get(id) ?? { x: MARGIN, y: MARGIN }),
    initial: id === s.initial,
    outcome: s.states[id]?.outcome?.kind,
    unreachable: flagged(diagnostics, [`state "${id}" is never reached`]),
    deadEnd: flagged(diagnostics, [`state "${id}" has no way out`, `no outcome can be reached from state "${id}"`]),
  }));
  return { nodes, edges, width: place.width, height: place.height, direction: options.direction ?? 'right' };
}

interface Placement {
  at: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

function placeRight(layers: string[][], layerOf: ReadonlyMap<string, number>, row: ReadonlyMap<string, number>): Placement {
  const at = new Map<string, { x: number; y: number }>();
  for (const [id, l] of layerOf) at.set(id, { x: MARGIN + l * (NODE_W + GAP_X), y: MARGIN + (row.get(id) ?? 0) * (NODE_H + GAP_Y) });
  const tallest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  return { at, width: MARGIN * 2 + layers.length * (NODE_W + GAP_X) - GAP_X, height: MARGIN * 2 + tallest * (NODE_H + GAP_Y) - GAP_Y };
}

/** Layers as rows, each centred; a layer wider than `perRow` wraps onto the rows below it. */
function placeDown(layers: string[][], perRow: number): Placement {
  const rows: string[][] = [];
  for (const layer of layers) for (let i = 0; i < layer.length; i += perRow) rows.push(layer.slice(i, i + perRow));
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const rowWidth = (n: number) => n * (NODE_W + COL_GAP) - COL_GAP;
  const at = new Map<string, { x: number; y: number }>();
  rows.forEach((r, i) => {
    const left = MARGIN + (rowWidth(widest) - rowWidth(r.length)) / 2;
    r.forEach((id, j) => at.set(id, { x: left + j * (NODE_W + COL_GAP), y: MARGIN + i * (NODE_H + ROW_GAP) }));
  });
  // Room on the right for the edges that go back up, around the side of the rows.
  return { at, width: MARGIN * 2 + rowWidth(widest) + BACK_ROOM, height: MARGIN * 2 + Math.max(1, rows.length) * (NODE_H + ROW_GAP) - ROW_GAP };
}

export interface FittedGraph {
  graph: Graph;
  /** drawn at this fraction of its size (at most 1): the whole graph when it stays readable, else the width at MIN_SCALE, and it scrolls */
  scale: number;
}

/**
 * Below this even a whole graph in view is not worth it: the boxes are too small to hold readable
 * text, so the graph keeps MIN_SCALE and scrolls. Above it, seeing every move at once wins (the
 * library's biggest persona, 20 moves, fits a phone's box at 0.55), and the text in a move grows as
 * the graph shrinks so that it stays readable (nodeText.ts).
 */
export const MIN_FIT_SCALE = 0.5;

/**
 * The layout for a box of `available` × `availableHeight` pixels (null: not measured yet, the
 * left-to-right layout at full size; no height: only the width counts). Of left to right and top to
 * bottom with any number of moves side by side, the one drawn largest while it fits the box whole;
 * when none fits at MIN_FIT_SCALE, left to right if that is readable at the width, else top to bottom
 * with as many moves side by side as fit at MIN_SCALE, and the graph scrolls down.
 */
export function fitGraph(s: Scenario, diagnostics: readonly Diagnostic[], available: number | null, availableHeight: number | null = null): FittedGraph {
  const across = layoutGraph(s, diagnostics);
  if (available === null || available <= 0) return { graph: across, scale: 1 };
  if (availableHeight !== null && availableHeight > 0) {
    const whole = fitWhole(s, diagnostics, across, available, availableHeight);
    if (whole) return whole;
  }
  const fits = (g: Graph) => Math.min(1, available / g.width);
  if (fits(across) >= MIN_SCALE) return { graph: across, scale: fits(across) };
  const perRow = Math.max(1, Math.floor((available / MIN_SCALE - MARGIN * 2 - BACK_ROOM + COL_GAP) / (NODE_W + COL_GAP)));
  const down = layoutGraph(s, diagnostics, { direction: 'down', perRow });
  return { graph: down, scale: Math.max(MIN_SCALE, fits(down)) };
}

/** The arrangement drawn largest inside the box, when that is at least MIN_FIT_SCALE. */
function fitWhole(s: Scenario, diagnostics: readonly Diagnostic[], across: Graph, width: number, height: number): FittedGraph | undefined {
  const scaleOf = (g: Graph) => Math.min(1, width / g.width, height / g.height);
  let best: FittedGraph = { graph: across, scale: scaleOf(across) };
  // More moves per row than the scenario has moves changes nothing.
  for (let perRow = 1; perRow <= Object.keys(s.states).length; perRow++) {
    const down = layoutGraph(s, diagnostics, { direction: 'down', perRow });
    if (scaleOf(down) > best.scale) best = { graph: down, scale: scaleOf(down) };
  }
  return best.scale >= MIN_FIT_SCALE ? best : undefined;
}

/** About how wide `text` is at `size` px: CJK and full-width characters take a full em, the rest about 0.58. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.58;
  return w;
}

/**
 * `text` on at most `lines` lines of about `width` px: broken between words (anywhere in CJK text),
 * the last line cut with an ellipsis when the rest does not fit.
 */
export function wrapText(text: string, width: number, size: number, lines = 2): string[] {
  // Words with the space before them, or single CJK characters: the places a line may break.
  const pieces = text.trim().match(/\s*[\u2e80-\uffff]|\s*[^\s\u2e80-\uffff]+/g) ?? [];
  const out: string[] = [];
  let line = '';
  let i = 0;
  for (; i < pieces.length && out.length < lines - 1; i++) {
    const piece = pieces[i] as string;
    const next = line === '' ? piece.trimStart() : line + piece;
    if (line !== '' && textWidth(next, size) > width) {
      out.push(line);
      line = piece.trimStart();
    } else line = next;
  }
  if (out.length === lines - 1 || i < pieces.length) line += pieces.slice(i).join('');
  out.push(clip(line.trimStart(), width, size));
  // A first line too long for its width (one long word) is cut too.
  return out.map((l) => clip(l, width, size)).filter((l) => l !== '');
}

/** `text` cut with an ellipsis to about `width` px at `size` px (the whole text is in the node's tooltip). */
export function clip(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
