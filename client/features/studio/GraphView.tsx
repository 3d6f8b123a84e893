// The buyer's moves as an SVG graph (text only as SVG text nodes, never markup): layered layout,
// endings with a double border, states the checker calls unreachable or stuck outlined, and a click
// (or Enter) on a move jumps to its place in the YAML. A move shows its label in the page's language
// with its id under it (the id alone when it has no label). The whole graph fits its box, width and
// height (fitGraph picks the arrangement drawn largest), and scrolls only when that would be unreadable;
// the text inside a move grows as the graph shrinks, so it stays readable (nodeText.ts).
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Diagnostic, Scenario, SourceMap } from '../../../server/engine/index.ts';
import { useApp } from '../../store/index.ts';
import type { Graph, GraphNode } from './layout.ts';
import { fitGraph, NODE_H, NODE_W } from './layout.ts';
import { nodeLines } from './nodeText.ts';
import { useStudioT } from './strings.ts';

interface Props {
  scenario: Scenario | undefined;
  map: SourceMap | undefined;
  diagnostics: readonly Diagnostic[];
  onJump(line: number, col: number): void;
}

/** The box's room: its content width and the height it may grow to (its max-height), kept up to date; null until measured, or where nothing measures (jsdom). */
function useRoom(el: RefObject<HTMLElement | null>): { width: number | null; height: number | null } {
  const [room, setRoom] = useState<{ width: number | null; height: number | null }>({ width: null, height: null });
  useLayoutEffect(() => {
    const node = el.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const width = Math.floor(node.clientWidth) || null;
      // The box grows with the graph up to its max-height (70vh): that is the height to fit.
      const max = parseFloat(getComputedStyle(node).maxHeight);
      const height = Number.isFinite(max) && max > 0 ? Math.floor(max) : null;
      setRoom((now) => (now.width === width && now.height === height ? now : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    // A taller or shorter window changes the max-height without resizing a box smaller than it.
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [el]);
  return room;
}

export function GraphView({ scenario, map, diagnostics, onJump }: Props) {
  const d = useStudioT();
  const box = useRef<HTMLDivElement>(null);
  const room = useRoom(box);
  return (
    <div className="studio-graph-view">
      {scenario && map && <p className="muted">{d('graph.legend')}</p>}
      <div className="studio-graph" ref={box} data-testid="studio-graph">
        {scenario && map ? <Drawing scenario={scenario} map={map} diagnostics={diagnostics} onJump={onJump} width={room.width} height={room.height} /> : <p className="muted">{d('graph.needParse')}</p>}
      </div>
    </div>
  );
}

function Drawing({ scenario, map, diagnostics, onJump, width, height }: Required<Omit<Props, 'scenario' | 'map'>> & { scenario: Scenario; map: SourceMap; width: number | null; height: number | null }) {
  const d = useStudioT();
  const lang = useApp((s) => s.lang);
  const { graph, scale } = fitGraph(scenario, diagnostics, width, height);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const jump = (id: string) => {
    const pos = (map.locateKey ?? map.locate)(['states', id]);
    onJump(pos.line, pos.col);
  };
  return (
    <svg
      // Rounded down: a pixel over the box would bring a scrollbar for nothing.
      width={Math.floor(graph.width * scale)}
      height={Math.floor(graph.height * scale)}
      viewBox={`0 0 ${graph.width} ${graph.height}`}
      role="group"
      aria-label={d('graph.label')}
      data-direction={graph.direction}
    >
      <defs>
        <marker id="studio-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="studio-arrowhead" />
        </marker>
      </defs>
      {graph.edges.map((e, i) => {
        const a = byId.get(e.from);
        const b = byId.get(e.to);
        if (!a || !b) return null;
        return <path key={i} d={edgePath(graph, a, b)} className={`studio-edge studio-edge-${e.kind}`} markerEnd="url(#studio-arrow)" />;
      })}
      {graph.nodes.map((n) => {
        const label = scenario.states[n.id]?.label?.[lang];
        const name = label ? d('play.move', { label, id: n.id }) : n.id;
        const classes = ['studio-node', n.initial ? 'is-initial' : '', n.outcome ? 'is-outcome' : '', n.unreachable ? 'is-unreachable' : '', n.deadEnd ? 'is-dead-end' : ''];
        return (
          <g
            key={n.id}
            className={classes.filter(Boolean).join(' ')}
            transform={`translate(${n.x} ${n.y})`}
            role="button"
            tabIndex={0}
            aria-label={name}
            data-state={n.id}
            onClick={() => jump(n.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                jump(n.id);
              }
            }}
          >
            <rect width={NODE_W} height={NODE_H} rx={6} />
            {n.outcome && <rect x={3} y={3} width={NODE_W - 6} height={NODE_H - 6} rx={4} className="studio-node-inner" />}
            <NodeText label={label} id={n.id} scale={scale} />
            <title>{n.outcome ? `${name} (${n.outcome})` : name}</title>
          </g>
        );
      })}
    </svg>
  );
}

/** A move's label on one or two lines with its id under it, as big as the scale needs to stay readable. */
function NodeText({ label, id, scale }: { label: string | undefined; id: string; scale: number }) {
  return (
    <>
      {nodeLines(label, id, scale).map((line, i) => (
        <text key={i} x={NODE_W / 2} y={line.y} textAnchor="middle" className={line.kind === 'id' ? 'studio-node-id' : 'studio-node-label'} style={{ fontSize: line.size }}>
          {line.text}
        </text>
      ))}
    </>
  );
}

/** An edge: forward along the layout's direction, a back edge (or one within a row) around the side. */
function edgePath(graph: Graph, a: GraphNode, b: GraphNode): string {
  if (a.id === b.id) return `M ${a.x + NODE_W - 20} ${a.y} C ${a.x + NODE_W} ${a.y - 30}, ${a.x + NODE_W + 20} ${a.y}, ${a.x + NODE_W} ${a.y + NODE_H / 2}`;
  if (graph.direction === 'right') {
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
  }
  if (b.y > a.y) {
    const x1 = a.x + NODE_W / 2;
    const y1 = a.y + NODE_H;
    const x2 = b.x + NODE_W / 2;
    const y2 = b.y;
    const bend = Math.max(20, (y2 - y1) / 2);
    return `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}`;
  }
  // Up the graph or along a row: out of one right side and into the other's, bowing outwards.
  const x1 = a.x + NODE_W;
  const y1 = a.y + NODE_H / 2;
  const x2 = b.x + NODE_W;
  const y2 = b.y + NODE_H / 2;
  const bow = 30 + Math.abs(y2 - y1) / 6;
  return `M ${x1} ${y1} C ${Math.max(x1, x2) + bow} ${y1}, ${Math.max(x1, x2) + bow} ${y2}, ${x2} ${y2}`;
}
