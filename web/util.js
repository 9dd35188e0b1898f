// Small helpers shared by the renderers: escaping, dates, byte offsets.

// Text for HTML content and attribute values.
export function esc(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// "2025-03-11" or "2025-03-11T08:00:00Z" -> "11 Mar 2025"; "" -> "undated".
export function shortDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  if (!m) return 'undated';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] || m[2]} ${m[1]}`;
}

// "11 Mar 2025" or "11 – 13 Mar 2025" for a story's span.
export function dateSpan(first, last) {
  if (!first) return 'undated';
  const a = shortDate(first), b = shortDate(last || first);
  if (a === b) return a;
  const [da, ma, ya] = a.split(' '), [db, mb, yb] = b.split(' ');
  if (ya === yb && ma === mb) return `${da} – ${db} ${mb} ${yb}`;
  if (ya === yb) return `${da} ${ma} – ${db} ${mb} ${yb}`;
  return `${a} – ${b}`;
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// Builds a "#/..." link with query parameters, leaving out empty ones.
export function hashLink(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== 0) q.set(k, String(v));
  }
  const s = q.toString();
  return `#${path}${s ? '?' + s : ''}`;
}

// The percentage of a share 0..1, rounded.
export function percent(x) {
  return `${Math.round(100 * (x || 0))}%`;
}
