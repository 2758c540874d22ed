/* wirecoder web UI: one page, routes in the URL hash, data from the JSON API described in docs/api.md.
   Plain ES2020, no build step. All article text goes through textContent / d3 .text(), never innerHTML. */
'use strict';

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
// Fixed colours so a type looks the same in every chart: cool colours cooperate, warm ones conflict.
const TYPE_COLORS = {
  AGREE: '#1f77b4', CONSULT: '#6baed6', SUPPORT: '#17becf', CONCEDE: '#9edae5', COOPERATE: '#2ca02c',
  AID: '#98df8a', RETREAT: '#bcbd22', REQUEST: '#8c8c8c', ACCUSE: '#ffbb78', REJECT: '#ff7f0e',
  THREATEN: '#e377c2', PROTEST: '#9467bd', SANCTION: '#8c564b', MOBILIZE: '#c49c94', COERCE: '#ff9896',
  ASSAULT: '#d62728',
};
const FACTUALITY = ['asserted', 'negated', 'hypothetical', 'future'];
const FILTERS = ['type', 'mode', 'factuality', 'actor', 'country', 'place', 'since', 'until'];
const PAGE_SIZE = 50;
const ARTICLES_PAGE_SIZE = 20;
const HIGHLIGHTS = [
  ['hl-event', 'event evidence'], ['hl-trigger', 'trigger'], ['hl-quote', 'quote'],
  ['hl-actor', 'actor'], ['hl-place', 'place'], ['hl-time', 'date / time'],
];

/* ---------- small helpers ---------- */

// Builds an element; string children become text nodes, so nothing is ever parsed as HTML.
function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'value') node.value = v;
    else if (k === 'style') node.style.cssText = v;  // through the DOM: the CSP forbids style attributes
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

const qs = (params) => { const s = params.toString(); return s ? '?' + s : ''; };
const enc = encodeURIComponent;
const isSpan = (s) => s != null && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const typeColor = (t) => TYPE_COLORS[t] || '#999';
const typeRank = (t) => { const i = PLOVER.indexOf(t); return i < 0 ? 99 : i; };

const truncate = (text, max) => (!text ? '' : text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text);
const safeDecode = (s) => { try { return decodeURIComponent(s); } catch (e) { return s; } };

// Navigates, re-rendering even when the hash is unchanged (e.g. "Apply" twice).
function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

/* ---------- API and errors ---------- */

class ApiError extends Error { constructor(status, message) { super(message); this.status = status; } }

// Fetches JSON; a non-2xx answer throws with the API's {"error": {"message"}} text.
async function api(path, options) {
  let res;
  try {
    res = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
  } catch (err) {
    throw new ApiError(0, `Cannot reach the API (${path}): ${err.message}`);
  }
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON: reported below */ }
  if (!res.ok) {
    let msg = body && body.error && body.error.message;
    if (!msg && body && body.detail) msg = typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail);
    throw new ApiError(res.status, `${res.status}: ${msg || res.statusText || 'request failed'}`);
  }
  if (body === null) throw new ApiError(res.status, `${path}: the answer is not JSON`);
  return body;
}

function showError(err) {
  const box = document.getElementById('error');
  box.replaceChildren(
    h('span', { class: 'error-text' }, err && err.message ? err.message : String(err)),
    h('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss', onclick: clearError }, '×'));
  box.hidden = false;
}

function clearError() {
  const box = document.getElementById('error');
  box.hidden = true; box.replaceChildren();
}

// Reports a failure of one block of a page, unless the user has already moved to another page.
function report(view, err, box) {
  console.error(err);
  if (!view.isConnected) return;
  showError(err);
  if (box) box.replaceChildren(h('p', { class: 'empty' }, 'Could not load: ' + err.message));
}

/* ---------- router ---------- */

function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const i = raw.indexOf('?');
  const path = (i < 0 ? raw : raw.slice(0, i)) || '/events';
  return { path: path === '/' ? '/events' : path, params: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)) };
}

const ROUTES = [
  [/^\/events\/?$/, renderEvents],
  [/^\/articles\/?$/, renderArticles],
  [/^\/article\/(.+)$/, renderArticle],
  [/^\/actor\/(.+)$/, renderActor],
  [/^\/paste\/?$/, renderPaste],
];

async function route() {
  clearError();
  const { path, params } = parseHash();
  // Each visit renders into a fresh section; late answers for a page already left land in a detached node.
  const view = h('section', { class: 'page' });
  document.getElementById('view').replaceChildren(view);
  for (const a of document.querySelectorAll('.nav a')) {
    const target = a.getAttribute('href').slice(1).replace(/s$/, '');  // "#/articles" also covers "#/article/ID"
    a.classList.toggle('active', path.startsWith(target));
  }
  const match = ROUTES.map(([re, fn]) => [path.match(re), fn]).find(([m]) => m);
  if (!match) return view.append(h('h1', {}, 'Page not found'), h('a', { href: '#/events' }, 'Go to the events'));
  const [m, render] = match;
  try {
    await render(view, params, ...m.slice(1).map(safeDecode));
  } catch (err) {
    report(view, err);
    if (view.isConnected && !view.querySelector('.page-failed')) {
      view.append(h('p', { class: 'empty page-failed' }, 'This page could not be loaded.'));
    }
  }
}

/* ---------- shared pieces ---------- */

function typeBadge(type, mode) {
  return h('span', { class: 'type-badge' },
    h('span', { class: 'dot', style: `background:${typeColor(type)}` }),
    h('span', { class: 'type' }, type || '?'),
    mode ? h('span', { class: 'mode' }, ' / ' + mode) : null);
}

function factBadge(f) {
  return f ? h('span', { class: `fact fact-${f}` }, f) : null;
}

// Name of an actor, recipient or location, with its country; several locations are joined.
function roleName(r) {
  if (!r) return '';
  if (Array.isArray(r)) return r.map(roleName).filter(Boolean).join('; ');
  const name = r.name || r.text || (r.unidentified ? 'unidentified' : '');
  if (!name) return r.country || '';
  return r.country && r.country !== name ? `${name} (${r.country})` : name;
}

function roleCell(r) {
  const text = roleName(r);
  if (!text) return h('span', { class: 'muted' }, '—');
  const inferred = r && !Array.isArray(r) && r.inferred;
  return h('span', { class: inferred ? 'inferred' : null, title: inferred ? 'inferred' : null }, text);
}

function figures(e) {
  return ['count', 'killed', 'injured'].filter((k) => e[k] != null).map((k) => `${k} ${e[k]}`).join(' · ');
}

function articleHref(id, eventId) {
  return `#/article/${enc(id)}` + (eventId != null ? `?event=${enc(eventId)}` : '');
}

function pager(page, pageSize, total, onPage) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  return h('div', { class: 'pager' },
    h('button', { id: 'prev-page', type: 'button', disabled: page <= 1, onclick: () => onPage(page - 1) }, '‹ Previous'),
    h('span', { class: 'muted' }, `page ${page} of ${last}`),
    h('button', { id: 'next-page', type: 'button', disabled: page >= last, onclick: () => onPage(page + 1) }, 'Next ›'));
}

function pageParam(params) {
  return Math.max(1, parseInt(params.get('page'), 10) || 1);
}

// The event table of the events and actor pages; a row opens its article at the event.
function eventsTable(id, items) {
  return h('div', { class: 'table-wrap' }, h('table', { id, class: 'events' },
    h('thead', {}, h('tr', {}, ['Date', 'Type / mode', 'Actor', 'Recipient', 'Location', 'Figures', 'Evidence']
      .map((c) => h('th', {}, c)))),
    h('tbody', {}, (items || []).map(eventRow))));
}

function eventRow(e) {
  const open = () => go(articleHref(e.article_id, e.id));
  return h('tr', {
    class: 'clickable', tabindex: 0, dataset: { eventId: e.id, articleId: e.article_id },
    title: e.article_title || e.article_id, onclick: open,
    onkeydown: (ev) => { if (ev.key === 'Enter') open(); },
  },
  h('td', { class: 'nowrap' }, e.date || h('span', { class: 'muted' }, 'undated')),
  h('td', { class: 'nowrap' }, typeBadge(e.type, e.mode), e.factuality && e.factuality !== 'asserted' ? factBadge(e.factuality) : null),
  h('td', {}, roleCell(e.actor)),
  h('td', {}, roleCell(e.recipient)),
  h('td', {}, roleCell(e.location)),
  h('td', { class: 'nowrap' }, figures(e)),
  h('td', { class: 'evidence', title: e.evidence ? e.evidence.text : null }, truncate(e.evidence && e.evidence.text, 150)));
}

/* ---------- #/events ---------- */

// Only the event filters of the hash (repeated values kept), for the API and for links.
function filterParams(params) {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (FILTERS.includes(k) && v.trim()) out.append(k, v.trim());
  return out;
}

function withParam(params, key, value) {
  const out = new URLSearchParams(params);
  out.set(key, value);
  return out;
}

function filterForm(params) {
  const select = (name, values) => h('select', { name },
    values.map((v) => h('option', { value: v, selected: params.get(name) === v }, v || 'any')));
  const text = (name, placeholder) => h('input', { name, type: 'text', placeholder, value: params.get(name) || '' });
  const field = (label, input) => h('label', { class: 'filter' }, h('span', {}, label), input);
  const onsubmit = (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(ev.target)) if (String(v).trim()) q.append(k, String(v).trim());
    go('#/events' + qs(q));
  };
  return h('form', { id: 'filters', class: 'filters card', onsubmit },
    field('Type', select('type', ['', ...PLOVER])),
    field('Mode', text('mode', 'drone')),
    field('Factuality', select('factuality', ['', ...FACTUALITY])),
    field('Actor', text('actor', 'id or name')),
    field('Country', text('country', 'IRQ')),
    field('Place', text('place', 'Gaza')),
    field('Since', text('since', '2023-10')),
    field('Until', text('until', '2024-06')),
    h('div', { class: 'filter-actions' },
      h('button', { id: 'apply-filters', type: 'submit', class: 'primary' }, 'Apply'),
      h('a', { href: '#/events', class: 'button' }, 'Reset')));
}

async function renderEvents(view, params) {
  const filters = filterParams(params);
  const page = pageParam(params);
  const card = (title, id) => h('section', { class: 'card' }, h('h2', {}, title), h('div', { id, class: 'chart' }, h('p', { class: 'loading' }, 'Loading…')));
  view.append(
    filterForm(params),
    h('div', { class: 'grid-2' }, card('Events by month and type', 'timeline'), card('Where', 'map')),
    h('section', { class: 'card' },
      h('div', { class: 'card-head' },
        h('h2', { id: 'events-total' }, 'Loading…'),
        h('span', { class: 'api-link' }, 'Download: ',
          h('a', { id: 'download-csv', href: '/api/export' + qs(withParam(filters, 'format', 'csv')), download: true }, 'CSV'), ' · ',
          h('a', { href: '/api/events' + qs(withParam(filters, 'page_size', 500)), target: '_blank' }, 'JSON'))),
      eventsTable('events-table', []),
      h('div', { id: 'events-pager' })));
  // The three blocks load in parallel, and each one reports its own failure.
  await Promise.all([
    loadTimeline(view, filters).catch((err) => report(view, err, view.querySelector('#timeline'))),
    loadMap(view, filters).catch((err) => report(view, err, view.querySelector('#map'))),
    loadEventTable(view, filters, page).catch((err) => {
      view.querySelector('#events-total').textContent = 'Events';
      report(view, err, view.querySelector('#events-pager'));
    }),
  ]);
}

async function loadEventTable(view, filters, page) {
  const q = withParam(withParam(filters, 'page', page), 'page_size', PAGE_SIZE);
  const data = await api('/api/events' + qs(q));
  view.querySelector('#events-total').textContent = plural(data.total, 'event');
  const tbody = view.querySelector('#events-table tbody');
  tbody.replaceChildren(...data.items.map(eventRow));
  // The empty message stays out of the table: every body row stands for an event.
  view.querySelector('#events-pager').replaceChildren(
    data.items.length ? '' : h('p', { class: 'empty' }, 'No event matches these filters.'),
    pager(page, PAGE_SIZE, data.total, (p) => go('#/events' + qs(withParam(filters, 'page', p)))));
}

async function loadTimeline(view, filters) {
  const q = withParam(withParam(filters, 'by', 'month'), 'group', 'type');
  const data = await api('/api/aggregates' + qs(q));
  drawTimeline(view.querySelector('#timeline'), data, filters);
}

// Stacked bars: one bar per month, one segment per event type.
function drawTimeline(box, data, filters) {
  box.replaceChildren();
  const buckets = data.buckets || [];
  // An empty note rather than null: Node.append(null) would print "null".
  const undated = h('p', { class: 'note' }, data.undated ? `${plural(data.undated, 'undated event')} not shown.` : '');
  if (!buckets.length) {
    box.append(h('p', { class: 'empty' }, 'No dated event matches these filters.'), undated);
    return;
  }
  const periods = fillMonths([...new Set(buckets.map((b) => b.period))].sort());
  const keys = [...new Set(buckets.map((b) => b.key))].sort((a, b) => typeRank(a) - typeRank(b) || a.localeCompare(b));
  const rows = new Map(periods.map((p) => [p, Object.fromEntries([['period', p], ...keys.map((k) => [k, 0])])]));
  for (const b of buckets) rows.get(b.period)[b.key] += b.count;
  const series = d3.stack().keys(keys)([...rows.values()]);

  const W = Math.max(320, box.clientWidth || 600), H = 250;
  const m = { top: 10, right: 8, bottom: 26, left: 34 };
  const x = d3.scaleBand(periods, [m.left, W - m.right]).padding(0.2);
  const y = d3.scaleLinear([0, d3.max(series[series.length - 1], (d) => d[1]) || 1], [H - m.bottom, m.top]).nice();
  const every = Math.ceil(periods.length / Math.max(1, Math.floor((W - m.left) / 64)));

  const svg = d3.select(box).append('svg')
    .attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img').attr('aria-label', 'Event counts by month and type');
  svg.append('g').selectAll('g').data(series).join('g')
    .attr('fill', (s) => typeColor(s.key))
    .selectAll('rect').data((s) => s.map((d) => ({ d, key: s.key }))).join('rect')
    .attr('class', 'bar')
    .attr('x', ({ d }) => x(d.data.period)).attr('width', x.bandwidth())
    .attr('y', ({ d }) => y(d[1])).attr('height', ({ d }) => Math.max(0, y(d[0]) - y(d[1])))
    // A click narrows the filters to that month and type.
    .on('click', (ev, { d, key }) => go('#/events' + qs(withParam(withParam(withParam(filters, 'type', key), 'since', d.data.period), 'until', d.data.period))))
    .append('title').text(({ d, key }) => `${d.data.period} ${key}: ${d.data[key]}`);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`)
    .call(d3.axisBottom(x).tickValues(periods.filter((p, i) => i % every === 0)).tickSizeOuter(0));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('d')));

  box.append(h('div', { class: 'legend' }, keys.map((k) => h('span', { class: 'legend-item' },
    h('span', { class: 'dot', style: `background:${typeColor(k)}` }), k))), undated);
}

// Adds the months without events, so bar spacing is time, unless the span is too long to read.
function fillMonths(periods) {
  const toIndex = (p) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  if (!periods.every((p) => /^\d{4}-\d{2}$/.test(p))) return periods;
  const first = toIndex(periods[0]), last = toIndex(periods[periods.length - 1]);
  if (last - first > 48) return periods;
  return d3.range(first, last + 1).map((i) => `${Math.floor(i / 12)}-${String(i % 12 + 1).padStart(2, '0')}`);
}

let worldPromise = null;
// The country shapes are fetched once per page load; a failure is retried on the next visit.
function loadWorld() {
  if (!worldPromise) {
    worldPromise = fetch('/static/vendor/countries-110m.json').then((r) => {
      if (!r.ok) throw new Error(`world map: HTTP ${r.status}`);
      return r.json();
    }).catch((err) => { worldPromise = null; throw err; });
  }
  return worldPromise;
}

async function loadMap(view, filters) {
  const [world, data] = await Promise.all([loadWorld(), api('/api/event-points' + qs(filters))]);
  drawMap(view.querySelector('#map'), world, data.points || [], filters);
}

function drawMap(box, world, points, filters) {
  box.replaceChildren();
  const W = Math.max(320, box.clientWidth || 600), H = Math.round(W * 0.5);
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const svg = d3.select(box).append('svg')
    .attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img').attr('aria-label', 'Map of event locations');
  const g = svg.append('g');
  g.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  g.append('path').attr('class', 'graticule').attr('d', path(d3.geoGraticule10()));
  g.append('g').selectAll('path').data(topojson.feature(world, world.objects.countries).features).join('path')
    .attr('class', 'country').attr('d', path);

  // Big circles first so the small ones stay clickable on top.
  const located = points.filter((p) => p.lat != null && p.lon != null).sort((a, b) => b.count - a.count);
  const r = d3.scaleSqrt([0, d3.max(located, (p) => p.count) || 1], [0, 18]);
  const radius = (p, k) => Math.max(3, r(p.count)) / k;
  const circles = g.append('g').selectAll('circle').data(located).join('circle')
    .attr('class', 'point')
    .attr('cx', (p) => projection([p.lon, p.lat])[0]).attr('cy', (p) => projection([p.lon, p.lat])[1])
    .attr('r', (p) => radius(p, 1))
    .on('click', (ev, p) => go('#/events' + qs(withParam(filters, 'place', p.name))));
  circles.append('title').text((p) => `${p.name} (${p.country || '?'}): ${p.count}`);
  // Zooming keeps the circles at their screen size.
  svg.call(d3.zoom().scaleExtent([1, 12]).on('zoom', (ev) => {
    g.attr('transform', ev.transform);
    circles.attr('r', (p) => radius(p, ev.transform.k));
  }));
  box.append(h('p', { class: 'note' }, located.length
    ? `${plural(located.length, 'place')}; circle area by event count. Scroll to zoom, click a circle to filter.`
    : 'No geocoded event matches these filters.'));
}

/* ---------- documents: highlighted text and annotation lists (article and paste pages) ---------- */

// Every annotated range of a Document, each with the class it highlights with.
// "hl-field" ranges are not coloured: they only split the text so that every clickable field has its own marks.
function collectSpans(doc) {
  const spans = [];
  const add = (s, cls) => { if (isSpan(s)) spans.push({ start: s.start, end: s.end, cls }); };
  for (const e of doc.events || []) {
    add(e.evidence, 'hl-event');
    add(e.trigger, 'hl-trigger');
    for (const m of e.mentions || []) { add(m.evidence, 'hl-event'); add(m.trigger, 'hl-trigger'); }
    for (const role of ['actor', 'recipient', 'location', 'date_source']) {
      for (const r of [].concat(e[role] || [])) add(r, 'hl-field');
    }
  }
  for (const q of doc.quotes || []) { add(q, 'hl-quote'); add(q.speaker, 'hl-field'); add(q.cue, 'hl-field'); }
  for (const a of doc.actors || []) for (const m of a.mentions || []) add(m, 'hl-actor');
  for (const p of doc.places || []) {
    const ms = p.mentions && p.mentions.length ? p.mentions : [[p.start, p.end]];
    for (const [start, end] of ms) add({ start, end }, 'hl-place');
  }
  for (const t of doc.timexes || []) add(t, 'hl-time');
  return spans;
}

// Splits the text at every span boundary; each piece gets the classes of all spans covering it.
// Offsets count Unicode code points (Python's str), so the text is indexed by code point, not UTF-16 unit.
function highlightedText(text, spans) {
  const chars = Array.from(text);
  const n = chars.length;
  const cuts = new Set([0, n]);
  for (const s of spans) { cuts.add(Math.min(s.start, n)); cuts.add(Math.min(s.end, n)); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = chars.slice(a, b).join('');
    const classes = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.cls))];
    frag.append(classes.length ? h('mark', { class: classes.join(' '), dataset: { start: a, end: b } }, piece) : piece);
  }
  return frag;
}

// Selects the marks overlapping any of the ranges, and scrolls the first one into view.
function selectRanges(root, ranges, smooth) {
  let first = null;
  for (const m of root.querySelectorAll('#article-text mark')) {
    const s = Number(m.dataset.start), e = Number(m.dataset.end);
    const hit = ranges.some(([a, b]) => s < b && e > a);
    m.classList.toggle('selected', hit);
    if (hit && !first) first = m;
  }
  for (const b of root.querySelectorAll('button.field.active')) b.classList.remove('active');
  if (first) first.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
}

function selectFromButton(root, btn, smooth) {
  const ranges = btn.dataset.ranges
    ? btn.dataset.ranges.split(' ').map((r) => r.split('-').map(Number))
    : [[Number(btn.dataset.start), Number(btn.dataset.end)]];
  selectRanges(root, ranges, smooth);
  btn.classList.add('active');
}

// A labelled value; clickable (button.field) when it has offsets in the text.
function field(name, value, span, extraClass) {
  const content = [h('span', { class: 'k' }, name), ' ', value === '' || value == null ? '—' : value];
  const cls = extraClass ? ' ' + extraClass : '';
  if (isSpan(span)) {
    return h('button', {
      type: 'button', class: 'field' + cls, dataset: { start: span.start, end: span.end, field: name },
      title: span.text ? `“${span.text}”` : null,
    }, content);
  }
  return h('span', { class: 'field static' + cls }, content);
}

function actorLink(id) {
  return id ? h('a', { class: 'actor-link', href: '#/actor/' + enc(id), title: 'actor page: ' + id }, '↗') : null;
}

function eventItem(e, id) {
  const role = (name, r) => {
    const one = Array.isArray(r) ? r[0] : r;
    return [field(name, roleName(r), one), actorLink(one && one.actor)];
  };
  const figs = figures(e);
  return h('li', { class: 'event', dataset: id != null ? { eventId: id } : null },
    h('div', { class: 'event-head' }, typeBadge(e.type, e.mode), factBadge(e.factuality),
      id != null ? h('span', { class: 'muted small' }, '#' + id) : null),
    h('div', { class: 'event-fields' },
      field('date', e.date || 'undated', e.date_source),
      h('span', { class: 'roles' }, role('actor', e.actor), h('span', { class: 'arrow' }, '→'), role('recipient', e.recipient)),
      role('location', e.location),
      figs ? h('span', { class: 'field static' }, h('span', { class: 'k' }, 'figures'), ' ', figs) : null,
      field('trigger', e.trigger && e.trigger.text, e.trigger)),
    field('evidence', truncate(e.evidence && e.evidence.text, 240), e.evidence, 'evidence'));
}

function quoteItem(q) {
  const sp = q.speaker || {};
  return h('li', { class: 'quote' },
    h('div', { class: 'event-head' }, field('speaker', sp.name || sp.text || 'unknown', sp),
      h('span', { class: 'kind' }, q.kind), actorLink(sp.actor)),
    field('quote', truncate(q.text, 280), q, 'quote-text'));
}

function actorItem(a) {
  const ms = (a.mentions || []).filter(isSpan);
  return h('li', { class: 'actor' },
    h('a', { href: '#/actor/' + enc(a.id) }, a.name || a.id),
    h('span', { class: 'muted small' }, [a.type, a.country].filter(Boolean).join(' · ')),
    ms.length ? h('button', {
      type: 'button', class: 'field', title: 'select every mention',
      dataset: { start: ms[0].start, end: ms[0].end, ranges: ms.map((m) => `${m.start}-${m.end}`).join(' ') },
    }, plural(ms.length, 'mention')) : null);
}

function hlLegend(textBox) {
  return h('div', { class: 'hl-legend' }, HIGHLIGHTS.map(([cls, label]) => h('label', {},
    h('input', { type: 'checkbox', checked: true, value: cls, onchange: (ev) => textBox.classList.toggle('hide-' + cls, !ev.target.checked) }),
    h('span', { class: 'swatch ' + cls }, label))));
}

// The Document's events carry no database ids: pair them with /api/events items by offsets.
function matchEventIds(docEvents, apiEvents) {
  const pool = [...(apiEvents || [])];
  const start = (s) => (s ? s.start : null);
  const take = (pred) => { const i = pool.findIndex(pred); return i < 0 ? null : pool.splice(i, 1)[0].id; };
  return docEvents.map((e) => {
    const exact = take((a) => a.type === e.type && start(a.evidence) === start(e.evidence) && start(a.trigger) === start(e.trigger));
    return exact != null ? exact : take((a) => a.type === e.type && start(a.evidence) === start(e.evidence));
  });
}

function renderDocument(doc, apiEvents) {
  const events = doc.events || [], quotes = doc.quotes || [], actors = doc.actors || [];
  const text = h('div', { id: 'article-text', class: 'doc-text' }, highlightedText(doc.text || '', collectSpans(doc)));
  const ids = matchEventIds(events, apiEvents);
  const list = (id, items, empty) => h('ul', { id, class: 'items' }, items.length ? items : h('li', { class: 'empty' }, empty));
  const root = h('div', { class: 'doc' },
    h('div', { class: 'doc-main card' }, hlLegend(text), text),
    h('aside', { class: 'doc-side' },
      h('section', { class: 'card' }, h('h2', {}, `Events (${events.length})`),
        list('article-events', events.map((e, i) => eventItem(e, ids[i])), 'No event found.')),
      h('section', { class: 'card' }, h('h2', {}, `Quotes (${quotes.length})`),
        list('article-quotes', quotes.map(quoteItem), 'No quote found.')),
      h('section', { class: 'card' }, h('h2', {}, `Actors (${actors.length})`),
        list('article-actors', actors.map(actorItem), 'No actor found.'))));
  root.addEventListener('click', (ev) => {
    const btn = ev.target.closest('button.field');
    if (btn && root.contains(btn)) selectFromButton(root, btn, true);
  });
  return root;
}

/* ---------- #/article/ID ---------- */

async function renderArticle(view, params, id) {
  const eventId = params.get('event');
  view.append(h('p', { class: 'loading' }, 'Loading article…'));
  // The event list only supplies database ids: the article still shows if it fails.
  const listed = api(`/api/events?article=${enc(id)}&page_size=500`).catch((err) => { console.warn(err); return null; });
  const doc = await api(`/api/articles/${enc(id)}`);
  const events = await listed;
  view.replaceChildren(articleHeader(doc), renderDocument(doc, events ? events.items : []));
  if (eventId != null) focusEvent(view, eventId);
}

function articleHeader(doc) {
  const url = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : null;
  return h('div', { class: 'page-head' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/articles' }, 'Articles'), ' / ', doc.id),
    h('h1', { id: 'article-title' }, doc.title || doc.id || 'Untitled article'),
    h('p', { class: 'meta' },
      h('span', { id: 'article-date' }, doc.date || 'undated'),
      doc.source ? h('span', { id: 'article-source' }, doc.source) : null,
      url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'original') : null));
}

function focusEvent(view, eventId) {
  const li = [...view.querySelectorAll('li.event')].find((x) => x.dataset.eventId === String(eventId));
  if (!li) {
    view.querySelector('#article-events').before(h('p', { class: 'note' }, `Event #${eventId} could not be located in this article.`));
    return;
  }
  li.classList.add('current');
  li.scrollIntoView({ block: 'nearest' });
  const evidence = li.querySelector('button.field.evidence') || li.querySelector('button.field');
  if (evidence) selectFromButton(view, evidence, false);
}

/* ---------- #/actor/ID ---------- */

async function renderActor(view, params, id) {
  const a = await api('/api/actors/' + enc(id));
  const events = a.events || [], quotes = a.quotes || [], articles = a.article_list || [];
  view.append(
    h('div', { class: 'page-head' },
      h('p', { class: 'crumbs' }, 'Actor / ', a.id),
      h('h1', { id: 'actor-name' }, a.name || a.id),
      h('p', { class: 'meta' },
        h('span', { id: 'actor-type' }, a.type || 'unknown type'),
        h('span', { id: 'actor-country' }, a.country || 'no country'),
        a.articles != null ? h('span', {}, plural(a.articles, 'article')) : null,
        h('a', { href: '#/events?' + new URLSearchParams({ actor: a.id }) }, 'filter events'))),
    h('section', { class: 'card' }, h('h2', {}, `Latest events (${events.length})`),
      events.length ? eventsTable('actor-events', events) : h('p', { id: 'actor-events', class: 'empty' }, 'No event.')),
    h('div', { class: 'grid-2' },
      h('section', { class: 'card' }, h('h2', {}, `Quotes (${quotes.length})`),
        h('ul', { id: 'actor-quotes', class: 'items' }, quotes.length ? quotes.map(actorQuote) : h('li', { class: 'empty' }, 'No quote.'))),
      h('section', { class: 'card' }, h('h2', {}, `Articles (${articles.length})`),
        h('ul', { id: 'actor-articles', class: 'items' }, articles.length
          ? articles.map((x) => h('li', {}, h('a', { href: articleHref(x.id) }, x.title || x.id), ' ', h('span', { class: 'muted small' }, x.date || '')))
          : h('li', { class: 'empty' }, 'No article.')))));
}

function actorQuote(q) {
  return h('li', { class: 'quote' },
    h('blockquote', {}, truncate(q.text, 400)),
    h('div', { class: 'muted small' }, q.kind, ' · ',
      h('a', { href: articleHref(q.article_id) }, q.article_title || q.article_id), ' ', q.article_date || ''));
}

/* ---------- #/articles ---------- */

async function renderArticles(view, params) {
  const q = params.get('q') || '';
  const page = pageParam(params);
  const onsubmit = (ev) => {
    ev.preventDefault();
    const value = String(new FormData(ev.target).get('q') || '').trim();
    go('#/articles' + (value ? qs(new URLSearchParams({ q: value })) : ''));
  };
  view.append(
    h('form', { id: 'article-search', class: 'search card', onsubmit },
      h('input', { name: 'q', type: 'search', value: q, placeholder: 'Search titles and text (words are ANDed, "a phrase" in quotes)', 'aria-label': 'Search' }),
      h('button', { type: 'submit', class: 'primary' }, 'Search')),
    h('p', { id: 'articles-total', class: 'muted' }, 'Loading…'),
    h('ul', { id: 'articles-list', class: 'article-list' }),
    h('div', { id: 'articles-pager' }));
  const search = new URLSearchParams({ page, page_size: ARTICLES_PAGE_SIZE });
  if (q) search.set('q', q);
  const data = await api('/api/articles' + qs(search));
  view.querySelector('#articles-total').textContent = plural(data.total, 'article') + (q ? ` matching “${q}”` : '');
  view.querySelector('#articles-list').replaceChildren(...data.items.map(articleItem));
  view.querySelector('#articles-pager').replaceChildren(pager(page, ARTICLES_PAGE_SIZE, data.total, (p) => {
    const next = new URLSearchParams(q ? { q } : {});
    next.set('page', p);
    go('#/articles' + qs(next));
  }));
}

function articleItem(a) {
  return h('li', { class: 'card article' },
    h('a', { class: 'title', href: articleHref(a.id) }, a.title || a.id),
    h('div', { class: 'meta' },
      h('span', { class: 'date' }, a.date || 'undated'),
      a.source ? h('span', {}, a.source) : null,
      h('span', { class: 'counts' }, `${plural(a.events || 0, 'event')} · ${plural(a.quotes || 0, 'quote')}`)),
    a.snippet ? h('p', { class: 'snippet' }, a.snippet) : null);
}

/* ---------- #/paste ---------- */

function renderPaste(view) {
  const status = h('p', { id: 'paste-status', class: 'status', 'aria-live': 'polite' });
  const result = h('div', { id: 'paste-result' });
  const form = h('form', { id: 'paste-form', class: 'paste card', onsubmit: (ev) => { ev.preventDefault(); runExtract(form, status, result); } },
    h('label', { class: 'block' }, h('span', {}, 'Article text (French)'),
      h('textarea', { name: 'text', rows: 12, placeholder: 'KIEV, 12 mars 2024 (AFP) - …' })),
    h('div', { class: 'row' },
      h('label', {}, h('span', {}, 'Date'), h('input', { name: 'date', type: 'text', placeholder: '2023-12' })),
      h('label', { class: 'grow' }, h('span', {}, 'Title'), h('input', { name: 'title', type: 'text', placeholder: 'optional' })),
      h('button', { type: 'submit', class: 'primary' }, 'Extract')));
  view.append(h('div', { class: 'page-head' }, h('h1', {}, 'Paste an article'),
    h('p', { class: 'muted' }, 'The text is annotated by the server and not stored.')), form, status, result);
}

async function runExtract(form, status, result) {
  const fd = new FormData(form);
  const opt = (name) => String(fd.get(name) || '').trim() || null;
  const body = { text: String(fd.get('text') || ''), date: opt('date'), title: opt('title') };
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  status.className = 'status busy';
  status.textContent = 'extracting…';
  result.replaceChildren();
  clearError();
  try {
    const doc = await api('/api/extract', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
    });
    status.className = 'status ok';
    status.textContent = `${plural((doc.events || []).length, 'event')}, ${plural((doc.quotes || []).length, 'quote')}, ` +
      `${plural((doc.actors || []).length, 'actor')} found.`;
    result.append(renderDocument(doc, []));
  } catch (err) {
    status.className = 'status error';
    status.textContent = err.message;
    if (form.isConnected) showError(err);
  } finally {
    button.disabled = false;
  }
}

/* ---------- start ---------- */

// The header shows what the database holds; a failure here is shown by the page itself.
async function showHealth() {
  const box = document.getElementById('health');
  try {
    const hth = await api('/api/health');
    box.textContent = `${plural(hth.articles, 'article')} · ${plural(hth.events, 'event')} · v${hth.version}`;
  } catch (err) { box.textContent = 'API unavailable'; }
}

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', () => { route(); showHealth(); });
