// The pages as HTML strings, from the JSON the API returns. Pure functions (no DOM, no fetch),
// so they run the same in the browser and under `node --test` (tests/web/).
// Every value from the API goes through esc(): article texts are untrusted input.
import { renderGraphSvg } from './graph.js';
import { dateSpan, esc, hashLink, percent, plural, shortDate } from './util.js';

export function renderError(status, message) {
  const what = status === 404 ? 'Not found' : status === 0 ? 'The server did not answer' : `Error ${status}`;
  return `<section class="error" role="alert"><h2>${esc(what)}</h2><p>${esc(message)}</p>` +
    '<p><a href="#/">Back to the stories</a></p></section>';
}

// ---- The story list ----

function sourceChips(sources, limit = 6) {
  const shown = sources.slice(0, limit).map((s) =>
    `<span class="chip" title="${esc(plural(s.articles, 'article', 'articles'))}">${esc(s.source)}` +
    `${s.articles > 1 ? ` <b>×${s.articles}</b>` : ''}</span>`);
  if (sources.length > limit) shown.push(`<span class="chip more">+${sources.length - limit}</span>`);
  return shown.join(' ');
}

export function renderStoryList(data, params = {}) {
  const form = `<form class="filters" id="filters" role="search">
    <label>Search labels <input type="search" name="q" value="${esc(params.q)}" placeholder="words in the story label"></label>
    <label>Since <input type="date" name="since" value="${esc(params.since)}"></label>
    <label>Outlet <input type="text" name="source" value="${esc(params.source)}" placeholder="any" list="outlets"></label>
    <label>Min. articles <input type="number" name="min" min="1" value="${esc(params.min || 1)}"></label>
    <button type="submit">Filter</button>
    ${params.q || params.since || params.source || (params.min && params.min > 1) ? '<a class="reset" href="#/">Clear</a>' : ''}
  </form>`;
  const rows = data.stories.map((s) => `<li class="story-row" data-id="${esc(s.id)}">
      <a class="story-label" href="#/story/${encodeURIComponent(s.id)}">${esc(s.label || '(no headline)')}</a>
      <div class="story-meta"><span class="dates">${esc(dateSpan(s.first, s.last))}</span>
        <span class="count">${esc(plural(s.articles, 'article', 'articles'))} from ${esc(plural(s.sources.length, 'outlet', 'outlets'))}</span>
        <span class="sources">${sourceChips(s.sources)}</span></div>
    </li>`).join('');
  const offset = Number(data.offset) || 0, limit = Number(data.limit) || 50;
  const keep = { q: params.q, since: params.since, source: params.source, min: params.min > 1 ? params.min : '' };
  const pager = [];
  if (offset > 0) pager.push(`<a class="newer" href="${hashLink('/', { ...keep, offset: Math.max(0, offset - limit) })}">← Newer</a>`);
  if (data.more) pager.push(`<a class="older" href="${hashLink('/', { ...keep, offset: offset + limit })}">Older →</a>`);
  const total = data.total !== null && data.total !== undefined ? ` of ${data.total}` : '';
  const heading = data.stories.length === 0 ? '<p class="empty">No story matches.</p>' :
    `<p class="summary">Stories ${offset + 1}–${offset + data.stories.length}${esc(total)}, newest first</p>`;
  return `<section class="story-list"><h1>Stories</h1>${form}${heading}<ol class="stories">${rows}</ol>` +
    `<nav class="pager">${pager.join(' ')}</nav></section>`;
}

// ---- The story page ----

// Sources are numbered 1..N in time order; citations and graph nodes use these numbers.
function numbering(members) {
  const numbers = new Map();
  members.forEach((m, i) => numbers.set(m.article, i + 1));
  return numbers;
}

function citationLinks(citations, numbers) {
  return (citations || []).map((c) => {
    const n = numbers.get(c.article) ?? '?';
    return `<a class="cite" href="${hashLink('/article/' + encodeURIComponent(c.article), { hl: `${c.begin}-${c.end}` })}" ` +
      `title="${esc(c.source)}${c.copy ? ' (same sentence)' : ''}">${esc(n)}</a>`;
  }).join('');
}

export function renderDigest(digest, numbers) {
  if (!digest) return '';
  if (digest.error) return `<section class="digest"><h2>Digest</h2><p class="error">${esc(digest.error)}</p></section>`;
  const summary = (s) => (s && s.sentences ? s.sentences : []).map((x) =>
    `<span class="digest-sentence">${esc(x.text)}<sup class="cites">${citationLinks(x.citations, numbers)}</sup></span>`).join(' ');
  const brief = summary(digest.brief);
  const full = summary(digest.full);
  return `<section class="digest" id="digest"><h2>What happened</h2>
    <p class="brief">${brief || '<span class="muted">The digest is empty.</span>'}</p>
    ${full && full !== brief ? `<details><summary>In more detail</summary><p class="full">${full}</p></details>` : ''}
    <p class="note">Every sentence is printed by the sources cited after it (numbers as in “The sources” below).</p>
  </section>`;
}

function sourceCard(m, n, likely, copyOf) {
  const badges = [];
  if (likely.has(m.article)) badges.push('<span class="badge origin">likely source</span>');
  if (copyOf) badges.push(`<span class="badge copy">${esc(copyOf.kind)} of ${esc(copyOf.number)}</span>`);
  if (m.via_copy) badges.push('<span class="badge">joined as a copy</span>');
  if (!m.analysed) badges.push('<span class="badge muted">not analysed</span>');
  return `<article class="source-card" data-article="${esc(m.article)}">
    <header><span class="num">${n}</span> <span class="outlet">${esc(m.source)}</span>
      <time datetime="${esc(m.published)}">${esc(shortDate(m.published))}</time></header>
    <h3><a href="#/article/${encodeURIComponent(m.article)}">${esc(m.title || m.headline)}</a></h3>
    <div class="badges">${badges.join(' ')}</div>
    ${m.lede ? `<p class="lede">${esc(m.lede)}</p>` : ''}
    ${m.word_count ? `<p class="muted small">${esc(plural(m.word_count, 'word', 'words'))}${m.author ? ' · ' + esc(m.author) : ''}</p>` : ''}
  </article>`;
}

const VERDICTS = {
  single: 'one source', agree: 'agree', differ: 'differ', diverge: 'diverge', conflict: 'conflict',
};

const SEVERITY = { conflict: 0, diverge: 1, differ: 2, agree: 3, single: 4 };

function cites(ids, numbers) {
  return ids.map((c) => `<a class="cite" href="${hashLink('/article/' + encodeURIComponent(c.article), { hl: `${c.begin}-${c.end}` })}" ` +
    `title="${esc(c.source)}">${esc(numbers.get(c.article) ?? '?')}</a>`).join('');
}

// A group's claims, one line per distinct wording, with every source that prints it.
function claimLines(g, numbers) {
  const lines = new Map();
  for (const c of g.claims) {
    const key = (c.claim || c.text).toLowerCase();
    if (!lines.has(key)) lines.set(key, { text: c.claim || c.text, claims: [] });
    lines.get(key).claims.push(c);
  }
  return [...lines.values()].map((line) => {
    const flags = [];
    if (line.claims.some((c) => c.retracted)) flags.push('<span class="badge retracted">revised away</span>');
    if (line.claims.some((c) => c.status === 'corrected')) flags.push('<span class="badge">corrected</span>');
    if (line.claims.some((c) => c.echoes_retracted)) flags.push('<span class="badge warn">repeats a revised figure</span>');
    const outlets = [...new Set(line.claims.map((c) => c.source))].join(', ');
    const retracted = line.claims.every((c) => c.retracted);
    return `<li class="${retracted ? 'claim retracted' : 'claim'}"><q>${esc(line.text)}</q> ${cites(line.claims, numbers)} ` +
      `<span class="outlets">${esc(outlets)}</span> ${flags.join(' ')}</li>`;
  }).join('');
}

// Figures given by several sources: those that differ first, as a table with every wording;
// those the sources agree on folded away below it.
export function renderFigures(figures, numbers) {
  const groups = (figures && figures.groups) || [];
  if (groups.length === 0) {
    return '<p class="muted">No figure is given by more than one source.</p>';
  }
  const bySeverity = (a, b) => (SEVERITY[a.verdict] ?? 5) - (SEVERITY[b.verdict] ?? 5);
  const divergent = groups.filter((g) => SEVERITY[g.verdict] <= 2).sort(bySeverity);
  const agreeing = groups.filter((g) => !(SEVERITY[g.verdict] <= 2));
  const rows = divergent.map((g) => `<tr class="verdict-${esc(g.verdict)}" title="${esc(g.summary)}">` +
    `<th scope="row">${esc(g.label || g.key)}</th>` +
    `<td><span class="verdict ${esc(g.verdict)}">${esc(VERDICTS[g.verdict] || g.verdict)}</span></td>` +
    `<td><ul class="claims">${claimLines(g, numbers)}</ul></td></tr>`).join('');
  const table = divergent.length ?
    `<table class="figures divergent"><thead><tr><th>Quantity</th><th>Verdict</th><th>What the sources say</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>` :
    '<p>The sources agree on every figure they share.</p>';
  const agreedRows = agreeing.map((g) => {
    const values = [...new Set(g.claims.map((c) => c.text))].join(' / ');
    return `<tr class="verdict-${esc(g.verdict)}" title="${esc(g.summary)}"><th scope="row">${esc(g.label || g.key)}</th>` +
      `<td>${esc(values)}</td><td>${cites(g.claims, numbers)}</td></tr>`;
  }).join('');
  const agreed = agreeing.length ?
    `<details class="agreed-figures"${divergent.length ? '' : ' open'}><summary>${esc(plural(agreeing.length, 'figure', 'figures'))} the sources agree on</summary>` +
    `<table class="figures agreed"><thead><tr><th>Quantity</th><th>Value</th><th>Sources</th></tr></thead><tbody>${agreedRows}</tbody></table></details>` : '';
  return table + agreed;
}

// A variant's words against the reference wording: deleted words struck, inserted words marked.
export function renderDiff(diff) {
  return (diff || []).map((op) => {
    switch (op.op) {
      case 'equal': return `<span class="same">${esc(op.from || op.to)}</span>`;
      case 'insert': return `<ins>${esc(op.to)}</ins>`;
      case 'delete': return `<del>${esc(op.from)}</del>`;
      default: return `<del>${esc(op.from)}</del> <ins>${esc(op.to)}</ins>`;
    }
  }).join(' ');
}

export function renderQuotes(quotes, numbers) {
  const groups = ((quotes && quotes.groups) || []).filter((g) => g.variants && g.variants.length > 0);
  if (groups.length === 0) return '<p class="muted">No quotation is carried by more than one article.</p>';
  return groups.map((g) => {
    const variants = g.variants.map((v) => {
      const who = v.articles.map((id) => `<a class="cite" href="#/article/${encodeURIComponent(id)}">${esc(numbers.get(id) ?? '?')}</a>`).join('');
      const changed = (v.diff || []).some((op) => op.op !== 'equal');
      const words = v.reference || !changed ? `<span class="same">${esc(v.text)}</span>` : renderDiff(v.diff);
      return `<li class="${v.reference ? 'variant reference' : 'variant'}"><span class="who">${who}</span> ` +
        `<span class="outlets">${esc(v.sources.join(', '))}</span>${v.reference ? ' <span class="badge">most common wording</span>' : ''}` +
        `<blockquote>“${words}”</blockquote></li>`;
    }).join('');
    return `<div class="quote-group"><h3>${esc(g.speaker || g.speaker_phrase || 'Unattributed')} <span class="muted small">` +
      `${esc(plural(g.articles, 'article', 'articles'))}, ${esc(plural(g.variants.length, 'wording', 'wordings'))}</span></h3>` +
      `<ul class="variants">${variants}</ul></div>`;
  }).join('');
}

export function renderComparison(c, numbers) {
  if (!c) return '';
  if (c.error) return `<section class="comparison"><h2>How the sources compare</h2><p class="error">${esc(c.error)}</p></section>`;
  const articles = c.articles || [];
  const idOf = (i) => (articles[i] ? articles[i].id : '');
  const cite = (i) => `<a class="cite" href="#/article/${encodeURIComponent(idOf(i))}">${esc(numbers.get(idOf(i)) ?? '?')}</a>`;
  const facts = c.facts || [];
  const agreed = (c.agreed || []).map((i) => facts[i]).filter(Boolean).slice(0, 12).map((f) =>
    `<li>${esc(f.text)} <span class="muted small">${esc(plural(f.independent, 'independent account', 'independent accounts'))}</span> ` +
    `${(f.carriers || []).map((x) => cite(x.article)).join('')}</li>`).join('');
  const coverage = (c.coverage || []).map((cov) => {
    const unique = (cov.unique || []).slice(0, 3).map((u) => `<li>${esc(u.text)}</li>`).join('');
    const omitted = (cov.omitted || []).length;
    if (!unique && !omitted) return '';
    return `<li>${cite(cov.article)} <span class="outlet">${esc(articles[cov.article] ? articles[cov.article].source : '')}</span>` +
      `${unique ? `<ul class="unique">${unique}</ul>` : ''}` +
      `${omitted ? `<p class="muted small">leaves out ${esc(plural(omitted, 'fact', 'facts'))} most others report</p>` : ''}</li>`;
  }).join('');
  return `<section class="comparison" id="comparison"><h2>How the sources compare</h2>
    ${agreed ? `<h3>What most accounts agree on</h3><ul class="agreed">${agreed}</ul>` : ''}
    ${coverage ? `<h3>What only one account says</h3><ul class="coverage">${coverage}</ul>` : ''}
  </section>`;
}

export function renderStory(data) {
  const s = data.story;
  const numbers = numbering(data.members);
  const likely = new Set(((data.graph && data.graph.copy_groups) || []).map((g) => g.likely_source).filter(Boolean));
  // What each copy copies: among its copy relations with a known origin, the one from its
  // group's likely source, else the one sharing the most.
  const copyOf = new Map();
  for (const e of (data.graph && data.graph.edges) || []) {
    if (e.kind === 'shares-passages' || (e.origin !== 'a' && e.origin !== 'b')) continue;
    const copy = e.origin === 'a' ? e.b : e.a;
    const origin = copy === e.a ? e.b : e.a;
    const rank = (likely.has(origin) ? 2 : 0) + Math.max(e.shared_a || 0, e.shared_b || 0);
    const seen = copyOf.get(copy);
    if (!seen || rank > seen.rank) {
      copyOf.set(copy, { kind: e.kind === 'near-copy' ? 'copy' : e.kind, number: numbers.get(origin), rank });
    }
  }
  const cards = data.members.map((m, i) => sourceCard(m, i + 1, likely, copyOf.get(m.article))).join('');
  const aliases = s.aliases && s.aliases.length ? ` <span class="muted small">(merged from ${esc(s.aliases.join(', '))})</span>` : '';
  const truncated = data.truncated ? `<p class="note">This story has ${esc(data.members.length)} articles; ` +
    `quotes, figures and the graph cover the first ${esc(data.analysed)}.</p>` : '';
  const edges = (data.graph && data.graph.edges) || [];
  return `<section class="story" data-id="${esc(s.id)}">
    <p class="crumbs"><a href="#/">Stories</a> › ${esc(s.id)}</p>
    <h1 class="story-title">${esc(s.label || '(no headline)')}</h1>
    <p class="story-meta">${esc(dateSpan(s.first, s.last))} · ${esc(plural(s.articles, 'article', 'articles'))} from
      ${esc(plural(s.sources.length, 'outlet', 'outlets'))}${aliases}</p>
    <p class="sources">${sourceChips(s.sources, 12)}</p>
    ${truncated}
    ${renderDigest(data.digest, numbers)}
    <section class="sources-section"><h2>The sources, side by side</h2><div class="source-cards">${cards}</div></section>
    <section class="graph-section"><h2>Who copied whom</h2>
      <div class="graph-wrap">${renderGraphSvg(data.graph, (id) => String(numbers.get(id) ?? ''))}</div>
      <p class="legend"><span class="key copy"></span> near-copy <span class="key contains"></span> contains / contained in
        <span class="key shares"></span> shares passages · arrows point from the likely origin to the copy ·
        <span class="key likely"></span> likely source of a group of copies · ${esc(plural(edges.length, 'relation', 'relations'))}</p>
    </section>
    <section class="figures-section"><h2>Figures the sources give</h2>${renderFigures(data.figures, numbers)}</section>
    <section class="quotes-section"><h2>Quotations, and how each source words them</h2>${renderQuotes(data.quotes, numbers)}</section>
    ${renderComparison(data.comparison, numbers)}
  </section>`;
}

// ---- The article page ----

function relationLine(r) {
  const origin = r.origin === 'this' ? 'this article is the likely origin' :
    r.origin === 'other' ? 'the other is the likely origin' :
    r.origin === 'common source' ? `both come from ${r.agency || 'a common source'}` : '';
  return `<li><span class="badge">${esc(r.relation)}</span> <a href="#/article/${encodeURIComponent(r.other)}">` +
    `${esc(r.other_title || r.other)}</a> <span class="outlet">${esc(r.other_source || '')}</span> ` +
    `<span class="muted small">${esc(percent(r.shared_this))} of this, ${esc(percent(r.shared_other))} of that` +
    `${origin ? '; ' + esc(origin) : ''}</span></li>`;
}

// `highlight` is [begin, end) in bytes of the text (from a citation); sentences overlapping it
// are marked.
export function renderArticle(a, highlight = null) {
  const paragraphs = a.paragraphs || [];
  const sentenceHtml = (s) => {
    const marked = highlight && s.begin < highlight[1] && highlight[0] < s.end;
    return marked ? `<mark>${esc(s.text)}</mark>` : esc(s.text);
  };
  const body = (a.reading || []).map((item) => {
    if (item.kind === 'text') {
      const p = paragraphs[item.paragraph];
      return p ? `<p class="para">${p.sentences.map(sentenceHtml).join(' ')}</p>` : '';
    }
    return `<div class="removed${item.placed ? '' : ' unplaced'}"><del>${esc(item.text)}</del>` +
      `<span class="why">removed: ${esc(item.rule)} — ${esc(item.reason)}</span></div>`;
  }).join('');
  const meta = [
    ['Outlet', esc(a.source)],
    ['Published', esc(a.published || 'undated')],
    a.author ? ['By', esc(a.author)] : null,
    a.url ? ['Address', `<a href="${esc(a.url)}" rel="noopener noreferrer nofollow" target="_blank">${esc(a.url)}</a>`] : null,
    a.agencies && a.agencies.length ? ['Wire credits', esc(a.agencies.join(', '))] : null,
    a.places && a.places.length ? ['Dateline', esc(a.places.join(', '))] : null,
    ['Words', esc(a.word_count)],
    ['Input', esc(a.origin)],
    ['Id', `<code>${esc(a.id)}</code>`],
  ].filter(Boolean).map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('');
  const story = a.story ? `<p class="in-story">In the story <a href="#/story/${encodeURIComponent(a.story.id)}">${esc(a.story.label || a.story.id)}</a>` +
    ` <span class="muted small">(${esc(plural(a.story.articles, 'article', 'articles'))})</span></p>` : '';
  const src = a.likely_source_article;
  const likely = a.likely_source ? (a.likely_source === a.id ?
    '<p><span class="badge origin">The likely source of its copies</span></p>' :
    `<p class="likely-source">Likely copied from <a href="#/article/${encodeURIComponent(a.likely_source)}">` +
    `${esc(src ? src.title || src.id : a.likely_source)}</a>${src ? ` <span class="outlet">${esc(src.source)}</span>` +
    ` <span class="muted small">${esc(shortDate(src.published))}</span>` : ''}</p>`) : '';
  const relations = (a.relations || []).length ?
    `<h2>Related articles</h2><ul class="relations">${a.relations.map(relationLine).join('')}</ul>` : '';
  const removed = (a.boilerplate || []).length;
  return `<section class="article" data-id="${esc(a.id)}">
    <p class="crumbs"><a href="#/">Stories</a>${a.story ? ` › <a href="#/story/${encodeURIComponent(a.story.id)}">${esc(a.story.id)}</a>` : ''} › article</p>
    <h1>${esc(a.title || '(no title)')}</h1>
    ${story}${likely}
    <table class="meta">${meta}</table>
    ${relations}
    <h2>Text</h2>
    <p class="muted small">${removed ? `Cleaning removed ${esc(plural(removed, 'block', 'blocks'))}, shown struck through where they stood. ` +
      '<label><input type="checkbox" id="hide-removed"> hide them</label>' : 'Cleaning removed nothing.'}</p>
    <div class="text" id="article-text">${body || '<p class="muted">(no text)</p>'}</div>
  </section>`;
}
