// The witness web UI: hash routes, fetches from /api, renders with render.js.
//   #/                       the stories (q, since, source, min, offset in the hash's query)
//   #/story/ID               one story
//   #/article/ID?hl=B-E      one article, bytes B..E of its text marked
import { renderArticle, renderError, renderStory, renderStoryList } from './render.js';
import { esc } from './util.js';

const view = document.getElementById('view');
let generation = 0;  // the latest navigation; older responses are dropped

async function getJson(url) {
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    return { status: 0, body: { error: String(e) } };
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = { error: `the server sent no JSON (${res.status})` };
  }
  return { status: res.status, body };
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  return { path, params: Object.fromEntries(new URLSearchParams(query || '')) };
}

async function showList(params, mine) {
  const api = new URLSearchParams();
  for (const k of ['q', 'since', 'source', 'min', 'offset']) if (params[k]) api.set(k, params[k]);
  const { status, body } = await getJson('api/stories?' + api.toString());
  if (mine !== generation) return;
  if (status !== 200) {
    view.innerHTML = renderError(status, body.error);
    return;
  }
  document.title = 'Stories · witness';
  view.innerHTML = renderStoryList(body, { ...params, min: Number(params.min) || 1 });
  document.getElementById('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    const q = new URLSearchParams();
    for (const [k, v] of form.entries()) {
      if (v && !(k === 'min' && Number(v) <= 1)) q.set(k, v);
    }
    location.hash = '#/' + (q.toString() ? '?' + q.toString() : '');
  });
}

async function showStory(id, mine) {
  const { status, body } = await getJson('api/stories/' + encodeURIComponent(id));
  if (mine !== generation) return;
  if (status !== 200) {
    view.innerHTML = renderError(status, body.error);
    return;
  }
  document.title = `${body.story.label || body.story.id} · witness`;
  view.innerHTML = renderStory(body);
}

async function showArticle(id, params, mine) {
  const { status, body } = await getJson('api/articles/' + encodeURIComponent(id));
  if (mine !== generation) return;
  if (status !== 200) {
    view.innerHTML = renderError(status, body.error);
    return;
  }
  let highlight = null;
  const m = /^(\d+)-(\d+)$/.exec(params.hl || '');
  if (m) highlight = [Number(m[1]), Number(m[2])];
  document.title = `${body.title || body.id} · witness`;
  view.innerHTML = renderArticle(body, highlight);
  const toggle = document.getElementById('hide-removed');
  if (toggle) {
    toggle.addEventListener('change', () => {
      document.getElementById('article-text').classList.toggle('hide-removed', toggle.checked);
    });
  }
  const mark = view.querySelector('mark');
  if (mark) mark.scrollIntoView({ block: 'center' });
}

async function route() {
  const mine = ++generation;
  const { path, params } = parseHash();
  view.setAttribute('aria-busy', 'true');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts.length === 0) await showList(params, mine);
    else if (parts[0] === 'story' && parts.length === 2) await showStory(parts[1], mine);
    else if (parts[0] === 'article' && parts.length === 2) await showArticle(parts[1], params, mine);
    else view.innerHTML = renderError(404, `no page ${path}`);
  } catch (e) {
    if (mine === generation) view.innerHTML = renderError(500, String(e && e.stack ? e.message : e));
  }
  if (mine === generation) {
    view.removeAttribute('aria-busy');
    if (!params.hl) window.scrollTo(0, 0);
  }
}

async function showStats() {
  const { status, body } = await getJson('api/health');
  if (status === 200) {
    document.getElementById('stats').innerHTML =
      `${esc(body.articles)} articles · ${esc(body.stories)} stories`;
  }
}

window.addEventListener('hashchange', route);
route();
showStats();
