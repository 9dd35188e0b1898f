// Browser end-to-end test of the web UI (run by tests/serve_browser.sh): starts `witness serve`
// over a database of the sample corpus, drives Debian's chromium with playwright-core, and
// checks what a person sees. Screenshots go to $ARTIFACTS.
//   WITNESS_BINARY=... DB=... ARTIFACTS=... CHROMIUM=/usr/bin/chromium node tests/browser/ui.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

const binary = process.env.WITNESS_BINARY;
const db = process.env.DB;
const artifacts = process.env.ARTIFACTS;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });

let checks = 0;
function ok(what) {
  checks += 1;
  console.log(`ok: ${what}`);
}

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--db', db, '--port', '0', '--threads', '16'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = / on (http:\S+) /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

async function api(base, p) {
  const res = await fetch(base + p);
  return res.json();
}

const { child, base } = await startServer();
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A reload or a navigation cancels what was in flight: not a failure.
    if (!/ERR_ABORTED/.test(r.failure()?.errorText || '')) problems.push(`request failed: ${r.url()}`);
  });

  // ---- The story list ----
  const listed = await api(base, '/api/stories?limit=50');
  await page.goto(base + '/');
  await page.locator('.story-row').first().waitFor();
  assert.equal(await page.locator('.story-row').count(), listed.stories.length);
  ok(`story list shows all ${listed.stories.length} stories`);
  const labels = await page.locator('.story-row .story-label').allTextContents();
  assert.deepEqual(labels, listed.stories.map((s) => s.label || '(no headline)'));
  ok('newest first, in the order the API gives');
  const strike = listed.stories.find((s) => s.articles === 10);
  const row = page.locator(`.story-row[data-id="${strike.id}"]`);
  assert.match(await row.locator('.count').textContent(), /10 articles from \d outlets/);
  assert.ok(await row.locator('.chip').count() >= 3);
  ok('a row shows its article count and source chips');
  await page.screenshot({ path: path.join(artifacts, 'stories.png'), fullPage: true });

  // Search box and date filter.
  await page.fill('input[name=q]', 'scooter');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('q=scooter'));
  await page.waitForFunction(() => document.querySelectorAll('.story-row').length > 0 &&
    [...document.querySelectorAll('.story-label')].every((a) => /scooter/i.test(a.textContent)));
  ok('the search box filters by label');
  await page.goto(base + '/#/');
  await page.waitForFunction((n) => document.querySelectorAll('.story-row').length === n, listed.stories.length);
  await page.fill('input[name=since]', '2025-03-14');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('since=2025-03-14'));
  const since = await api(base, '/api/stories?since=2025-03-14');
  await page.waitForFunction((n) => document.querySelectorAll('.story-row').length === n, since.stories.length);
  assert.ok(since.stories.length < listed.stories.length);
  ok(`the date filter keeps ${since.stories.length} stories active since 14 March`);

  // ---- The story page ----
  await page.goto(base + '/#/');
  await page.waitForFunction((n) => document.querySelectorAll('.story-row').length === n, listed.stories.length);
  await page.locator(`.story-row[data-id="${strike.id}"] .story-label`).click();
  await page.locator('.story-title').waitFor();
  const detail = await api(base, `/api/stories/${strike.id}`);
  assert.equal(await page.locator('.story-title').textContent(), detail.story.label);
  ok(`story page titled "${detail.story.label}"`);
  assert.equal(await page.locator('.source-card').count(), 10);
  const outlets = new Set(await page.locator('.source-card .outlet').allTextContents());
  assert.ok(outlets.size >= 4, [...outlets].join(','));
  ok(`the 10 sources side by side, from ${outlets.size} outlets`);
  assert.equal(await page.locator('svg.graph circle.node').count(), 10);
  assert.equal(await page.locator('svg.graph path.edge').count(), detail.graph.edges.length);
  assert.ok(detail.graph.edges.length > 0);
  assert.ok(await page.locator('svg.graph circle.node.likely').count() >= 1);
  assert.ok(await page.locator('svg.graph path[marker-end]').count() >= 1);
  ok(`the syndication graph: 10 nodes, ${detail.graph.edges.length} edges, arrows, a likely source`);
  const figureRows = page.locator('table.figures tbody tr');
  assert.equal(await figureRows.count(), detail.figures.groups.length);
  assert.ok(detail.figures.groups.length > 0);
  const divergent = detail.figures.groups.filter((g) => ['differ', 'diverge', 'conflict'].includes(g.verdict));
  assert.equal(await page.locator('table.figures.divergent tbody tr').count(), divergent.length);
  const detained = page.locator('table.figures.divergent tbody tr', { hasText: 'detained' });
  assert.match(await detained.textContent(), /58 people had been detained.*19 people were held/s);
  assert.match(await detained.locator('.verdict').textContent(), /conflict|diverge|differ/);
  assert.equal(await page.locator('details.agreed-figures table.figures.agreed').isVisible(), false);
  ok(`figures: ${divergent.length} divergent quantities in a table (detained: 58 against 19), ` +
     `${detail.figures.groups.length - divergent.length} agreeing ones folded`);
  assert.ok(await page.locator('.quote-group').count() >= 1);
  const quotesText = await page.locator('.quotes-section').textContent();
  assert.match(quotesText, /Marit Solveng/);
  assert.ok(await page.locator('li.variant:not(.reference) del, li.variant:not(.reference) ins').count() >= 1);
  ok('collated quotes, variant words highlighted');
  // The digest the API computed: its brief summary, each sentence with numbered citations.
  await page.locator('.digest .brief').waitFor();
  const briefText = await page.locator('.digest .brief').textContent();
  assert.ok(detail.digest.brief.sentences.length > 0);
  assert.ok(briefText.includes(detail.digest.brief.sentences[0].text.slice(0, 40)), briefText);
  assert.ok(await page.locator('.digest a.cite').count() >= detail.digest.brief.sentences.length);
  ok(`digest: ${detail.digest.brief.sentences.length} cited sentences in the brief summary`);
  await page.screenshot({ path: path.join(artifacts, 'story.png'), fullPage: true });

  // The digest as the UI shows it once the API has one (injected into the response).
  const cited = detail.members[1];
  await page.route(`**/api/stories/${strike.id}`, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.digest = {
      title: body.story.label,
      brief: { sentences: [{ text: 'Police cleared the blockade at Gate 4.', article: cited.article, source: cited.source,
        begin: 0, end: 40, citations: [{ article: cited.article, source: cited.source, begin: 0, end: 40, copy: false }] }] },
      full: { sentences: [] },
    };
    await route.fulfill({ response, json: body });
  });
  await page.reload();
  await page.locator('.digest .brief').waitFor();
  assert.match(await page.locator('.digest .brief').textContent(), /Police cleared the blockade/);
  assert.equal(await page.locator('.digest a.cite').textContent(), '2');
  ok('a digest is shown with numbered citations');
  await page.screenshot({ path: path.join(artifacts, 'story-with-digest.png'), fullPage: false });
  await page.locator('.digest a.cite').click();
  await page.locator('section.article').waitFor();
  assert.ok(await page.locator('#article-text mark').count() >= 1);
  ok('a citation opens the article with the cited sentence marked');
  await page.unroute(`**/api/stories/${strike.id}`);

  // ---- The article view: removed boilerplate struck through ----
  const copy = detail.members.find((m) => m.source === 'coastwatch-daily');
  await page.goto(`${base}/#/story/${strike.id}`);
  await page.locator(`.source-card[data-article="${copy.article}"] h3 a`).click();
  await page.locator('section.article h1').waitFor();
  const article = await api(base, `/api/articles/${copy.article}`);
  assert.equal(await page.locator('section.article h1').textContent(), article.title);
  const removed = page.locator('#article-text .removed del');
  assert.equal(await removed.count(), article.boilerplate.length);
  assert.ok(article.boilerplate.length > 0);
  const decoration = await removed.first().evaluate((el) => getComputedStyle(el).textDecorationLine);
  assert.match(decoration, /line-through/);
  ok(`article view: ${article.boilerplate.length} removed blocks shown struck through`);
  const order = await page.locator('#article-text > *').evaluateAll((els) => els.map((e) => e.className));
  assert.ok(order.indexOf('para') > 0 && order.includes('removed'), order.join(' '));
  assert.ok(order.lastIndexOf('removed') > order.indexOf('para'));
  ok('removed blocks stand where they were, before and after the text');
  assert.match(await page.locator('section.article').textContent(), /Likely copied from/);
  ok('the likely source is named');
  await page.screenshot({ path: path.join(artifacts, 'article.png'), fullPage: true });
  await page.check('#hide-removed');
  assert.equal(await page.locator('#article-text .removed').first().isVisible(), false);
  ok('removed blocks can be hidden');

  assert.deepEqual(problems, []);
  ok('no console error, page error or failed request (the CSP allowed everything the UI does)');
  // ---- Errors ----
  await page.goto(`${base}/#/story/s99999`);
  await page.locator('.error').waitFor();
  assert.match(await page.locator('.error').textContent(), /Not found/);
  ok('an unknown story shows "Not found"');

} finally {
  await browser.close();
  child.kill('SIGTERM');
}
console.log(`${checks} checks passed; screenshots in ${artifacts}`);
