// The buyer's moves as an SVG graph (text only as SVG text nodes, never markup): layered layout,
// endings with a double border, states the checker calls unreachable or stuck outlined, and a click
// (or Enter) on a move jumps to its place in the YAML. A move's label shows in its tooltip.
import type { Diagnostic, Scenario, SourceMap } from '../../../server/engine/index.ts';
import { useApp } from '../../store/index.ts';
import { layoutGraph, NODE_H, NODE_W } from './layout.ts';
import { useStudioT } from './strings.ts';

interface Props {
  scenario: Scenario | undefined;
  map: SourceMap | undefined;
  diagnostics: readonly Diagnostic[];
  onJump(line: number, col: number): void;
}

export function GraphView({ scenario, map, diagnostics, onJump }: Props) {
  const d = useStudioT();
  const lang = useApp((s) => s.lang);
  if (!scenario || !map) return <p className="muted">{d('graph.needParse')}</p>;
  const graph = layoutGraph(scenario, diagnostics);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const jump = (id: string) => {
    const pos = (map.locateKey ?? map.locate)(['states', id]);
    onJump(pos.line, pos.col);
  };
  return (
    <div className="studio-graph">
      <p className="muted">{d('graph.legend')}</p>
      <svg width={graph.width} height={graph.height} viewBox={`0 0 ${graph.width} ${graph.height}`} role="group" aria-label={d('graph.label')}>
        <defs>
          <marker id="studio-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="studio-arrowhead" />
          </marker>
        </defs>
        {graph.edges.map((e, i) => {
          const a = byId.get(e.from);
          const b = byId.get(e.to);
          if (!a || !b) return null;
          const x1 = a.x + NODE_W;
          const y1 = a.y + NODE_H / 2;
          const x2 = b.x;
          const y2 = b.y + NODE_H / 2;
          const bend = Math.max(40, Math.abs(x2 - x1) / 2);
          const path = e.from === e.to
            ? `M ${a.x + NODE_W - 20} ${a.y} C ${a.x + NODE_W} ${a.y - 30}, ${a.x + NODE_W + 20} ${a.y}, ${x1} ${y1}`
            : `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
          return <path key={i} d={path} className={`studio-edge studio-edge-${e.kind}`} markerEnd="url(#studio-arrow)" />;
        })}
        {graph.nodes.map((n) => {
          const label = scenario.states[n.id]?.label;
          const name = label ? `${n.id} · ${label[lang]}` : n.id;
          const classes = ['studio-node', n.initial ? 'is-initial' : '', n.outcome ? 'is-outcome' : '', n.unreachable ? 'is-unreachable' : '', n.deadEnd ? 'is-dead-end' : ''];
          return (
            <g
              key={n.id}
              className={classes.filter(Boolean).join(' ')}
              transform={`translate(${n.x} ${n.y})`}
              role="button"
              tabIndex={0}
              aria-label={n.id}
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
              <text x={NODE_W / 2} y={NODE_H / 2 + 4} textAnchor="middle">{n.id.length > 20 ? `${n.id.slice(0, 19)}…` : n.id}</text>
              <title>{n.outcome ? `${name} (${n.outcome})` : name}</title>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
