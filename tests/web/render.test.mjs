// Unit tests of the web UI's renderers (web/render.js, web/graph.js): pure functions from API
// JSON to HTML strings. Run by tests/web_render.sh with `node --test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { layoutGraph, renderGraphSvg } from '../../web/graph.js';
import {
  renderArticle, renderDiff, renderDigest, renderFigures, renderQuotes, renderStory, renderStoryList,
} from '../../web/render.js';
import { dateSpan, esc, hashLink, shortDate } from '../../web/util.js';

const evil = '<img src=x onerror=alert(1)>"\'&';

function story(overrides = {}) {
  return {
    story: { id: 's1', label: 'Dockworkers strike', first: '2025-03-10T12:00:00Z', last: '2025-03-11T12:00:00Z',
      articles: 3, sources: [{ source: 'wire', articles: 2 }, { source: 'daily', articles: 1 }], aliases: [] },
    members: [
      { article: 'a1', source: 'wire', published: '2025-03-10', headline: 'Walkout', analysed: true, lede: 'Lede one', word_count: 300 },
      { article: 'a2', source: 'wire', published: '2025-03-11', headline: 'Clashes', analysed: true, lede: 'Lede two' },
      { article: 'a3', source: 'daily', published: '2025-03-11', headline: 'Clashes (copy)', analysed: true },
    ],
    analysed: 3, truncated: false,
    graph: {
      nodes: [
        { id: 'a1', source: 'wire', published: '2025-03-10', headline: 'Walkout' },
        { id: 'a2', source: 'wire', published: '2025-03-11', headline: 'Clashes' },
        { id: 'a3', source: 'daily', published: '2025-03-11', headline: 'Clashes (copy)' },
      ],
      edges: [{ a: 'a3', b: 'a2', kind: 'near-copy', shared_a: 0.95, shared_b: 0.9, origin: 'b', agency: '', reasons: ['earlier'] }],
      copy_groups: [{ members: ['a2', 'a3'], likely_source: 'a2' }],
    },
    quotes: { groups: [] }, figures: { groups: [] }, digest: null, comparison: null,
    ...overrides,
  };
}

test('esc escapes every character that matters in HTML', () => {
  assert.equal(esc(evil), '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
  assert.equal(esc(null), '');
  assert.equal(esc(3), '3');
});

test('dates', () => {
  assert.equal(shortDate('2025-03-11T08:00:00Z'), '11 Mar 2025');
  assert.equal(shortDate(''), 'undated');
  assert.equal(dateSpan('2025-03-10', '2025-03-13'), '10 – 13 Mar 2025');
  assert.equal(dateSpan('2025-02-27', '2025-03-02'), '27 Feb – 2 Mar 2025');
  assert.equal(dateSpan('2025-03-10', '2025-03-10'), '10 Mar 2025');
  assert.equal(hashLink('/', { q: 'a b', offset: 0, since: '' }), '#/?q=a+b');
});

test('story list: rows, source counts, paging, escaped labels', () => {
  const html = renderStoryList({
    stories: [{ id: 's2', label: evil, first: '2025-03-12', last: '2025-03-13', articles: 4,
      sources: [{ source: 'wire', articles: 3 }, { source: 'daily', articles: 1 }] }],
    offset: 50, limit: 50, more: true, total: 120,
  }, { q: 'strike' });
  assert.match(html, /href="#\/story\/s2"/);
  assert.ok(!html.includes('<img'), 'a label is text, never markup');
  assert.match(html, /wire <b>×3<\/b>/);
  assert.match(html, /Stories 51–51 of 120/);
  assert.match(html, /class="older" href="#\/\?q=strike&amp;offset=100"|class="older" href="#\/\?q=strike&offset=100"/);
  assert.match(html, /class="newer" href="#\/\?q=strike"/);
  assert.match(html, /value="strike"/);
});

test('graph: one row per outlet, arrows from the origin, likely source ringed', () => {
  const g = layoutGraph(story().graph);
  assert.deepEqual(g.rows, ['wire', 'daily']);
  assert.equal(g.nodes[0].y, g.nodes[1].y);
  assert.notEqual(g.nodes[0].y, g.nodes[2].y);
  assert.ok(g.nodes[0].x < g.nodes[1].x && g.nodes[1].x < g.nodes[2].x);
  assert.equal(g.edges[0].from.id, 'a2');
  assert.equal(g.edges[0].to.id, 'a3');
  const svg = renderGraphSvg(story().graph, (id) => ({ a1: '1', a2: '2', a3: '3' })[id]);
  assert.equal((svg.match(/<circle /g) || []).length, 3);
  assert.equal((svg.match(/class="node likely"/g) || []).length, 1);
  assert.match(svg, /class="edge copy" d="M[^"]+" marker-end="url\(#arrow\)"/);
  const unknown = renderGraphSvg({ ...story().graph, edges: [{ ...story().graph.edges[0], origin: 'unknown', kind: 'shares-passages' }] });
  assert.ok(!unknown.includes('marker-end'), 'no arrow without a known origin');
  assert.match(unknown, /class="edge shares"/);
});

test('diff: deletions struck, insertions marked, replacements both', () => {
  const html = renderDiff([
    { op: 'equal', from: 'We will not', to: 'We will not' },
    { op: 'replace', from: 'let', to: 'allow' },
    { op: 'delete', from: 'the port of', to: '' },
    { op: 'insert', from: '', to: evil },
  ]);
  assert.match(html, /<span class="same">We will not<\/span>/);
  assert.match(html, /<del>let<\/del> <ins>allow<\/ins>/);
  assert.match(html, /<del>the port of<\/del>/);
  assert.ok(html.includes('<ins>&lt;img'));
});

test('quotes: reference wording, variants with their differences and who carries them', () => {
  const quotes = { groups: [{ speaker: 'Marit Solveng', articles: 2, variants: [
    { text: 'We will not let', reference: true, articles: ['a1'], sources: ['wire'], diff: [{ op: 'equal', from: 'We will not let', to: 'We will not let' }] },
    { text: 'Nobody will let', reference: false, articles: ['a3'], sources: ['daily'],
      diff: [{ op: 'replace', from: 'We', to: 'Nobody' }, { op: 'equal', from: 'will not let', to: 'will let' }] },
  ] }] };
  const html = renderQuotes(quotes, new Map([['a1', 1], ['a3', 3]]));
  assert.match(html, /Marit Solveng/);
  assert.match(html, /most common wording/);
  assert.match(html, /<del>We<\/del> <ins>Nobody<\/ins>/);
  assert.match(html, /href="#\/article\/a3">3<\/a>/);
  assert.match(renderQuotes({ groups: [] }, new Map()), /No quotation/);
  // No named speaker: the description the articles give, else "Unattributed".
  const unnamed = (phrase) => renderQuotes({ groups: [{ speaker: '', speaker_phrase: phrase, articles: 1, variants: [
    { text: 'Turnout was 41.7%', reference: true, articles: ['a1'], sources: ['wire'], diff: [] }] }] }, new Map([['a1', 1]]));
  assert.match(unnamed('the regional electoral office'), /<h3>the regional electoral office /);
  assert.match(unnamed(''), /<h3>Unattributed /);
});

test('figures: diverging quantities in a table, one line per wording, agreeing ones folded', () => {
  const figures = { groups: [
    { key: 'k1', label: 'people injured', verdict: 'agree', summary: 's1', sources: 2, claims: [
      { article: 'a1', source: 'wire', text: '40', claim: '40 injured', begin: 1, end: 3 },
      { article: 'a3', source: 'daily', text: '40', claim: '40 injured', begin: 4, end: 6 }] },
    { key: 'k2', label: 'people detained', verdict: 'conflict', summary: 's2', sources: 3, claims: [
      { article: 'a1', source: 'wire', text: '58', claim: '58 were detained', begin: 1, end: 3, retracted: true, status: 'superseded' },
      { article: 'a2', source: 'wire', text: '58', claim: '58 were detained', begin: 8, end: 10, retracted: true },
      { article: 'a3', source: 'daily', text: '19', claim: '19 were detained', begin: 5, end: 7, status: 'corrected' },
    ] },
  ] };
  const html = renderFigures(figures, new Map([['a1', 1], ['a2', 2], ['a3', 3]]));
  assert.ok(html.startsWith('<table class="figures divergent">'));
  const divergent = html.slice(0, html.indexOf('</table>'));
  assert.match(divergent, /people detained/);
  assert.ok(!divergent.includes('people injured'));
  assert.equal((divergent.match(/<li class="claim/g) || []).length, 2, 'one line per wording');
  assert.match(divergent, /<li class="claim retracted"><q>58 were detained<\/q> <a class="cite" href="#\/article\/a1\?hl=1-3"[^>]*>1<\/a><a class="cite" href="#\/article\/a2\?hl=8-10"/);
  assert.match(divergent, /revised away/);
  assert.match(divergent, /corrected/);
  assert.match(html, /<details class="agreed-figures"><summary>1 figure the sources agree on<\/summary>/);
  assert.match(html, /<td>40<\/td>/);
  const allAgree = renderFigures({ groups: [figures.groups[0]] }, new Map());
  assert.match(allAgree, /agree on every figure/);
  assert.match(allAgree, /<details class="agreed-figures" open>/);
});

test('a copy is shown as a copy of its group\'s likely source', () => {
  const base = story();
  const graph = { ...base.graph, edges: [
    { a: 'a3', b: 'a1', kind: 'near-copy', shared_a: 0.99, shared_b: 0.99, origin: 'b' },
    ...base.graph.edges,
  ] };
  const html = renderStory({ ...base, graph });
  assert.match(html, /copy of 2/);
  assert.ok(!html.includes('copy of 1'));
});

test('story page: sections, numbered sources, copy badges', () => {
  const html = renderStory(story());
  assert.match(html, /<h1 class="story-title">Dockworkers strike<\/h1>/);
  assert.equal((html.match(/class="source-card"/g) || []).length, 3);
  assert.match(html, /likely source/);
  assert.match(html, /copy of 2/);
  assert.match(html, /<svg class="graph"/);
  assert.match(html, /No figure is given by more than one source/);
  assert.ok(!html.includes('What happened'), 'no digest section without a digest');
});

test('digest: sentences with citations linking to the cited spans', () => {
  const digest = {
    brief: { sentences: [{ text: 'Police cleared the gate.', article: 'a2', citations: [
      { article: 'a2', source: 'wire', begin: 10, end: 34, copy: false },
      { article: 'a3', source: 'daily', begin: 12, end: 36, copy: true }] }] },
    full: { sentences: [{ text: 'Police cleared the gate.', citations: [] }, { text: 'More.', citations: [] }] },
  };
  const html = renderStory(story({ digest }));
  assert.match(html, /What happened/);
  assert.match(html, /Police cleared the gate\./);
  assert.match(html, /href="#\/article\/a2\?hl=10-34"[^>]*>2<\/a>/);
  assert.match(html, /href="#\/article\/a3\?hl=12-36"[^>]*>3<\/a>/);
  assert.match(html, /In more detail/);
  assert.match(renderDigest({ error: 'failed' }, new Map()), /failed/);
});

test('comparison: agreed facts and what one account alone says', () => {
  const comparison = {
    articles: [{ id: 'a1', source: 'wire' }, { id: 'a3', source: 'daily' }],
    facts: [{ text: 'Police used tear gas.', independent: 2, carriers: [{ article: 0 }, { article: 1 }] }],
    agreed: [0],
    coverage: [{ article: 1, unique: [{ text: 'Only the daily says this.' }], omitted: [0] }],
  };
  const html = renderStory(story({ comparison }));
  assert.match(html, /What most accounts agree on/);
  assert.match(html, /Police used tear gas\./);
  assert.match(html, /Only the daily says this\./);
  assert.match(html, /leaves out 1 fact/);
});

test('article: removed boilerplate struck through in place, citation marked', () => {
  const a = {
    id: 'a3', title: 'Clashes', source: 'daily', published: '2025-03-11', word_count: 9, origin: 'x.txt',
    paragraphs: [
      { begin: 0, end: 20, sentences: [{ begin: 0, end: 10, text: 'First one.' }, { begin: 11, end: 20, text: 'Second.' }] },
      { begin: 22, end: 30, sentences: [{ begin: 22, end: 30, text: 'Third.' }] },
    ],
    boilerplate: [{ rule: 'share', reason: 'share bar', text: 'Share on X' }],
    reading: [
      { kind: 'text', paragraph: 0, begin: 0, end: 20 },
      { kind: 'removed', rule: 'share', reason: 'share bar', text: evil, placed: true },
      { kind: 'text', paragraph: 1, begin: 22, end: 30 },
    ],
    relations: [{ other: 'a2', relation: 'near-copy', shared_this: 0.9, shared_other: 0.95, origin: 'other', other_title: 'Clashes', other_source: 'wire' }],
    likely_source: 'a2', likely_source_article: { id: 'a2', source: 'wire', title: 'Clashes at the gate', published: '2025-03-11' },
    story: { id: 's1', label: 'Dockworkers strike', articles: 3 },
  };
  const html = renderArticle(a, [11, 15]);
  const removedAt = html.indexOf('class="removed"');
  assert.ok(html.indexOf('First one.') < removedAt && removedAt < html.indexOf('Third.'));
  assert.match(html, /<del>&lt;img/);
  assert.match(html, /removed: share — share bar/);
  assert.match(html, /<mark>Second\.<\/mark>/);
  assert.ok(!html.includes('<mark>First'));
  assert.match(html, /Likely copied from <a href="#\/article\/a2">Clashes at the gate<\/a> <span class="outlet">wire<\/span>/);
  assert.match(renderArticle({ ...a, likely_source_article: null }), /Likely copied from <a href="#\/article\/a2">a2<\/a>/);
  assert.match(renderArticle({ ...a, likely_source: 'a3' }), /The likely source of its copies/);
  assert.match(html, /id="hide-removed"/);
});
