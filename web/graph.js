// The syndication graph of a story as SVG: one row per outlet, time from left to right,
// an arrow from the likely origin of shared text to the copy.
import { esc, shortDate } from './util.js';

const ROW = 64;       // px between outlet rows
const COL = 96;       // px between articles in time order
const LEFT = 150;     // room for outlet names
const TOP = 28;
const RADIUS = 11;

// Positions: members are already in time order (the API sends them so); each article gets its
// own column, each outlet its own row, in order of first appearance.
export function layoutGraph(graph) {
  const rows = new Map();
  const nodes = graph.nodes.map((n, i) => {
    if (!rows.has(n.source)) rows.set(n.source, rows.size);
    return { ...n, x: LEFT + i * COL, y: TOP + rows.get(n.source) * ROW };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = graph.edges
    .filter((e) => byId.has(e.a) && byId.has(e.b))
    .map((e) => {
      // From the origin to the copy when the origin is known; else from earlier to later.
      const a = byId.get(e.a), b = byId.get(e.b);
      const directed = e.origin === 'a' || e.origin === 'b';
      let from = a.x <= b.x ? a : b;
      if (e.origin === 'a') from = a;
      if (e.origin === 'b') from = b;
      const to = from === a ? b : a;
      return { ...e, from, to, directed };
    });
  const likely = new Set((graph.copy_groups || []).map((g) => g.likely_source).filter(Boolean));
  const width = LEFT + Math.max(1, nodes.length) * COL;
  const height = TOP + Math.max(1, rows.size) * ROW;
  return { nodes, edges, rows: [...rows.keys()], likely, width, height };
}

function edgeClass(kind) {
  if (kind === 'near-copy') return 'edge copy';
  if (kind === 'contains' || kind === 'contained-in') return 'edge contains';
  return 'edge shares';
}

// A curved path from one node to another, stopping at the target's rim (for the arrowhead).
function edgePath(from, to) {
  const dx = to.x - from.x, dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ex = to.x - (dx / len) * (RADIUS + 3), ey = to.y - (dy / len) * (RADIUS + 3);
  const sx = from.x + (dx / len) * RADIUS, sy = from.y + (dy / len) * RADIUS;
  // Bend: edges within a row arc upwards so they do not run through the nodes between.
  const bend = dy === 0 ? -Math.min(40, 12 + len / 8) : 0;
  const mx = (sx + ex) / 2, my = (sy + ey) / 2 + bend;
  return `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

export function renderGraphSvg(graph, numberOf = () => '') {
  if (!graph || !graph.nodes || graph.nodes.length === 0) return '<p class="muted">No articles to draw.</p>';
  const g = layoutGraph(graph);
  const parts = [];
  parts.push(`<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" ` +
    `width="${g.width}" height="${g.height}" role="img" aria-label="Syndication graph: ${g.nodes.length} articles, ${g.edges.length} relations">`);
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
    '<path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>');
  g.rows.forEach((source, i) => {
    const y = TOP + i * ROW;
    parts.push(`<line class="lane" x1="${LEFT - 10}" y1="${y}" x2="${g.width - 10}" y2="${y}"/>`);
    parts.push(`<text class="lane-label" x="${LEFT - 24}" y="${y + 4}" text-anchor="end">${esc(source)}</text>`);
  });
  for (const e of g.edges) {
    const share = Math.round(100 * Math.max(e.shared_a || 0, e.shared_b || 0));
    const who = e.origin === 'common' ? `common source${e.agency ? ' ' + e.agency : ''}` :
      e.directed ? `${e.from.source} → ${e.to.source}` : 'origin unknown';
    parts.push(`<path class="${edgeClass(e.kind)}${e.origin === 'common' ? ' common' : ''}" d="${edgePath(e.from, e.to)}"` +
      `${e.directed ? ' marker-end="url(#arrow)"' : ''} data-a="${esc(e.a)}" data-b="${esc(e.b)}">` +
      `<title>${esc(e.kind)}, ${share}% shared; ${esc(who)}${e.reasons && e.reasons.length ? ': ' + esc(e.reasons[0]) : ''}</title></path>`);
  }
  for (const n of g.nodes) {
    const cls = g.likely.has(n.id) ? 'node likely' : 'node';
    parts.push(`<a href="#/article/${encodeURIComponent(n.id)}" class="node-link">` +
      `<circle class="${cls}" cx="${n.x}" cy="${n.y}" r="${RADIUS}" data-id="${esc(n.id)}">` +
      `<title>${esc(n.source)}, ${esc(shortDate(n.published))}: ${esc(n.headline)}</title></circle>` +
      `<text class="node-number" x="${n.x}" y="${n.y + 4}" text-anchor="middle">${esc(numberOf(n.id))}</text>` +
      `<text class="node-date" x="${n.x}" y="${n.y + RADIUS + 14}" text-anchor="middle">${esc(shortDate(n.published))}</text></a>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
