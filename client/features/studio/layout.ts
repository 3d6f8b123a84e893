// A small layered layout for the state graph: layers by breadth-first distance from the initial
// state (cycles need no special care: a back edge just points left), states never reached go in a
// last layer, and each layer is ordered by the mean position of its predecessors to keep edges
// short. Pure, so it is tested without a browser.
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

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export const NODE_W = 150;
export const NODE_H = 40;
const GAP_X = 70;
const GAP_Y = 24;
const MARGIN = 16;

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

export function layoutGraph(s: Scenario, diagnostics: readonly Diagnostic[]): Graph {
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
  const nodes: GraphNode[] = ids.map((id) => ({
    id,
    x: MARGIN + (layerOf.get(id) ?? 0) * (NODE_W + GAP_X),
    y: MARGIN + (row.get(id) ?? 0) * (NODE_H + GAP_Y),
    initial: id === s.initial,
    outcome: s.states[id]?.outcome?.kind,
    unreachable: flagged(diagnostics, [`state "${id}" is never reached`]),
    deadEnd: flagged(diagnostics, [`state "${id}" has no way out`, `no outcome can be reached from state "${id}"`]),
  }));
  const tallest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  return {
    nodes,
    edges,
    width: MARGIN * 2 + layers.length * (NODE_W + GAP_X) - GAP_X,
    height: MARGIN * 2 + tallest * (NODE_H + GAP_Y) - GAP_Y,
  };
}
