// The sidebar: who and what the article is about, drawn from the report in
// its own shadow root. Page CSS cannot reach inside (the shadow boundary and
// `:host { all: initial !important }`), its CSS cannot reach the page, and
// every string taken from the page is set with textContent. Sizes are in
// px, not rem, so a page's root font size cannot resize it.
//
// createSidebar(app) draws it for an app that says what the page's state is
// and does what its buttons ask: the content script (content/main.js) and the
// demo page (www/demo.js).
import { adoptStyles, i18n as t, mutating } from '../content/env.js';
import { blockElement, blockText, foldedCount, repeatCount } from '../content/fold.js';
import { clearHighlight, highlight, scrollToRange } from '../content/highlight.js';
import { currentArticle, goToArticle } from '../content/articles.js';
import { exportReport, fileName, toMarkdown } from './export.js';

const WIDTH = 340;
const WIDE = 1000; // narrower viewports get an overlay that can collapse to a tab
// Narrower than this (a phone), the sidebar is a bottom sheet: full width,
// SHEET of the viewport's height, the article readable above it; it closes
// with a swipe down on its header or the × button, and every control is at
// least 44 px tall (and wide).
const NARROW = 600;
const SHEET = 0.45;
const SWIPE = 60; // px down the header that close the sheet
const narrow = () => window.innerWidth < NARROW;

const state = {
  host: null,
  root: null,
  open: false,
  returnFocus: null,
  report: null,
  app: null,
  pushed: null, // {style} of <html> before we pushed the page
  active: null, // {button, mentions, index}
  collapsed: false,
  expanded: {},
  narrow: false, // drawn as a bottom sheet
  media: null, // the MediaQueryList of a narrow viewport, while open
  live: null, // the polite live region that says which article is shown
};

// A page of several articles (report.articles, src/feed.rs): the sidebar
// shows the one the reader is in (content/articles.js follows the scroll),
// its entities and facts in place of the page's.
function view() {
  const r = state.report;
  const arts = r && r.articles;
  if (!arts || arts.length < 2) return r;
  const a = arts[Math.min(currentArticle(), arts.length - 1)];
  const { entities, published, language, dates, quantities, quotes } = a;
  return { ...r, title: a.title, entities, published, language, dates, quantities, quotes, stats: { ...r.stats, article_words: a.stats.article_words } };
}

// The list of the page's articles, the one shown marked: a way to see the others.
function articleSwitcher(arts) {
  const label = t('sectionArticles', [String(arts.length)]);
  const shown = currentArticle();
  const list = el(
    'ol',
    { class: 'articles', 'aria-labelledby': 'h-articles' },
    ...arts.map((a, k) =>
      el(
        'li',
        {},
        el('button', {
          type: 'button',
          class: 'link article',
          'data-article': String(k),
          'aria-current': k === shown ? 'true' : null,
          text: a.title || String(k + 1),
          onclick: () => {
            goToArticle(state.report, k);
            const b = state.root.querySelector(`button[data-article="${k}"]`);
            if (b) b.focus();
          },
        }),
      ),
    ),
  );
  return el('nav', { class: 'sec', 'data-section': 'articles', 'aria-labelledby': 'h-articles' }, el('h2', { id: 'h-articles', text: label }), list);
}

// A phone turned sideways (or a window resized, or zoomed) across NARROW:
// the sheet becomes the side panel or back, and the room made in the page
// follows.
function onWidthChange() {
  if (!state.open || narrow() === state.narrow) return;
  unpushPage();
  pushPage();
  render();
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== false && v != null) e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function fmtDate(v) {
  if (!v) return t('dateUnresolved');
  const one = (s) => {
    const p = s.split('-').map(Number);
    try {
      if (p.length === 3) return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(p[0], p[1] - 1, p[2]));
      if (p.length === 2) return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(p[0], p[1] - 1, 1));
    } catch (_) {
      /* fall through */
    }
    return s;
  };
  return v.split('/').map(one).join(' – ');
}

function fmtNumber(n) {
  try {
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);
  } catch (_) {
    return String(n);
  }
}

function quantityLabel(q, entities) {
  const owner = q.entity != null && entities[q.entity] ? entities[q.entity].name + ' — ' : '';
  let v = fmtNumber(q.value);
  if (q.range_to != null) v += '–' + fmtNumber(q.range_to);
  if (q.of != null) v += ' ' + t('of') + ' ' + fmtNumber(q.of);
  const cur = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' }[q.unit];
  let s = cur ? cur + v : q.unit === '%' ? v + '%' : q.unit ? `${v} ${q.unit}` : v;
  if (q.approx) s = '≈ ' + s;
  return owner + s;
}

// Keeps the page's text out of the sidebar's own layout decisions.
function articleRect() {
  const r = state.report;
  if (!r) return null;
  let right = 0;
  let n = 0;
  for (const b of r.blocks) {
    if (!b.article) continue;
    const e = blockElement(b.index);
    if (!e || !e.isConnected) continue;
    const rect = e.getBoundingClientRect();
    if (rect.width) right = Math.max(right, rect.right + window.scrollX);
    if (++n > 30) break;
  }
  return n ? { right } : null;
}

function pushPage() {
  state.narrow = narrow();
  if (state.narrow) {
    // Room below the article: its last lines can scroll above the sheet.
    const html = document.documentElement;
    state.pushed = { style: html.getAttribute('style') };
    const pad = Math.round(window.innerHeight * SHEET);
    mutating(() => html.style.setProperty('padding-bottom', pad + 'px', 'important'));
    return;
  }
  const rect = articleRect();
  const wide = window.innerWidth >= WIDE;
  if (!wide || !rect || rect.right <= window.innerWidth - WIDTH) return;
  const html = document.documentElement;
  state.pushed = { style: html.getAttribute('style') };
  mutating(() => html.style.setProperty('margin-right', WIDTH + 'px', 'important'));
}

function unpushPage() {
  if (!state.pushed) return;
  const html = document.documentElement;
  mutating(() => {
    html.style.removeProperty('margin-right');
    html.style.removeProperty('padding-bottom');
    html.getAttribute('style'); // NOTE: flush Chromium's lazy style-attribute sync (see fold.js)
    if (state.pushed.style === null) html.removeAttribute('style');
    else html.setAttribute('style', state.pushed.style);
  });
  state.pushed = null;
}

function build() {
  const host = document.createElement('dossier-sidebar');
  host.setAttribute('data-dossier', '');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, SIDEBAR_CSS);
  state.host = host;
  state.root = root;
  root.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      sidebar.close();
    }
  });
}

// Long lists (a live blog's hundreds of numbers) show their first items
// and a button for the rest, so drawing the sidebar stays quick.
const LIMIT = 40;
function section(id, title, makeItems) {
  const all = makeItems.length;
  const shown = state.expanded[id] ? all : Math.min(all, LIMIT);
  const items = makeItems.slice(0, shown).map((f) => f());
  const h = el('h2', { id: `h-${id}`, text: title });
  const list = el('ul', { 'aria-labelledby': `h-${id}` }, ...items);
  const sec = el('section', { class: 'sec', 'data-section': id }, h, all ? list : el('p', { class: 'empty', text: t('sectionEmpty') }));
  if (shown < all) {
    sec.append(
      el('button', {
        type: 'button',
        class: 'link more',
        text: t('showMore', [String(all - shown)]),
        onclick: () => {
          state.expanded[id] = true;
          render();
        },
      }),
    );
  }
  return sec;
}

// One clickable item that highlights its mentions and steps through them.
function item(label, detail, mentions, extraClass = '') {
  const count = mentions.length;
  const nav = el('span', { class: 'nav', hidden: true });
  const pos = el('span', { class: 'pos', 'aria-live': 'polite' });
  const step = (d) => (ev) => {
    ev.stopPropagation();
    if (!state.active || state.active.button !== button) return;
    const a = state.active;
    a.index = (a.index + d + a.mentions.length) % a.mentions.length;
    show(a);
  };
  const prev = el('button', { type: 'button', class: 'step', 'aria-label': t('previousMention'), text: '‹', onclick: step(-1) });
  const next = el('button', { type: 'button', class: 'step', 'aria-label': t('nextMention'), text: '›', onclick: step(1) });
  nav.append(prev, pos, next);
  const button = el(
    'button',
    { type: 'button', class: 'item ' + extraClass, 'aria-pressed': 'false' },
    el('span', { class: 'label', text: label }),
    detail ? el('span', { class: 'detail', text: detail }) : null,
    count > 1 ? el('span', { class: 'count', text: String(count), 'aria-label': t('mentionCount', [String(count)]) }) : null,
  );
  const activate = () => {
    if (state.active && state.active.button === button) return;
    deactivate();
    state.active = { button, mentions, index: 0, nav, pos };
    button.setAttribute('aria-pressed', 'true');
    nav.hidden = count <= 1;
    show(state.active);
  };
  button.addEventListener('click', activate);
  // The <li> is the item's card: the selected item's stepper sits inside it,
  // under the button (a button cannot hold the stepper's own buttons).
  return el('li', { class: 'card' }, button, nav);
}

function show(a) {
  const ranges = highlight(a.mentions, a.index);
  a.pos.textContent = t('mentionPosition', [String(a.index + 1), String(a.mentions.length)]);
  scrollToRange(ranges[a.index]);
  // Above the sheet on a phone: centred in the page, a mention would be under it.
  const r = ranges[a.index];
  if (r && narrow() && state.host && !state.collapsed) {
    const top = r.getBoundingClientRect().top;
    const room = state.host.getBoundingClientRect().top;
    if (top > room * 0.6 || top < 0) window.scrollBy(0, top - room * 0.3);
  }
}

// A swipe down on the sheet's header closes it (pointer events: touch, pen
// or mouse); the sheet follows the finger until it is let go.
function swipeToClose(header, panel) {
  let start = null;
  header.addEventListener('pointerdown', (ev) => {
    if (!narrow() || ev.button > 0 || ev.target.closest('button')) return;
    start = { id: ev.pointerId, y: ev.clientY };
    try {
      header.setPointerCapture(ev.pointerId);
    } catch (_) {
      /* a synthetic pointer cannot be captured: the events still come here */
    }
  });
  header.addEventListener('pointermove', (ev) => {
    if (!start || ev.pointerId !== start.id) return;
    const dy = Math.max(0, ev.clientY - start.y);
    panel.style.transform = dy ? `translateY(${dy}px)` : '';
  });
  const end = (ev) => {
    if (!start || ev.pointerId !== start.id) return;
    const dy = ev.clientY - start.y;
    start = null;
    panel.style.transform = '';
    if (ev.type === 'pointerup' && dy >= SWIPE) sidebar.close();
  };
  header.addEventListener('pointerup', end);
  header.addEventListener('pointercancel', end);
}

function deactivate() {
  if (!state.active) return;
  state.active.button.setAttribute('aria-pressed', 'false');
  state.active.nav.hidden = true;
  state.active = null;
  clearHighlight();
}

function render() {
  const r = view();
  const root = state.root;
  root.replaceChildren();
  // Kept across renders: a live region made anew is not announced.
  if (!state.live) state.live = el('p', { class: 'live', role: 'status', 'aria-live': 'polite' });
  root.append(state.live);
  const aside = el('aside', { class: 'panel' + (state.collapsed ? ' collapsed' : ''), role: 'complementary', 'aria-label': t('sidebarLabel') });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': t('closeSidebar'), text: '×', onclick: () => sidebar.close() });
  const collapse = el('button', {
    type: 'button',
    class: 'collapse',
    'aria-label': state.collapsed ? t('expandSidebar') : narrow() ? t('collapseSheet') : t('collapseSidebar'),
    'aria-expanded': String(!state.collapsed),
    text: narrow() ? (state.collapsed ? '⌃' : '⌄') : state.collapsed ? '‹' : '›',
    onclick: () => {
      state.collapsed = !state.collapsed;
      render();
      root.querySelector('.collapse').focus();
    },
  });
  const header = el('header', {}, el('h1', { class: 'title', text: 'Dossier', tabindex: '-1' }), collapse, close);
  aside.append(header);
  swipeToClose(header, aside);
  mutating(() => state.host.toggleAttribute('data-collapsed', state.collapsed));
  if (state.collapsed) {
    root.append(aside);
    return;
  }
  const body = el('div', { class: 'body' });
  const status = state.app.status();
  if (status.state === 'disabled') {
    body.append(el('p', { class: 'summary', text: t('popupDisabled') }), siteSwitch());
    aside.append(body);
    root.append(aside);
    return;
  }
  if (!r) {
    body.append(el('p', { class: 'summary', text: status.state === 'skipped' ? status.error || '' : status.state === 'error' ? t('popupError', [status.error || '']) : t('working') }));
    aside.append(body);
    root.append(aside);
    return;
  }
  // Summary: repeats, date, reading time.
  const folded = foldedCount();
  const repeats = repeatCount();
  const bits = [];
  if (repeats) bits.push(folded ? t('summaryFolded', [String(folded)]) : t('summaryShown', [String(repeats)]));
  if (r.published) bits.push(fmtDate(r.published));
  const words = r.stats.article_words || 0;
  if (words) bits.push(t('readingTime', [String(Math.max(1, Math.round(words / 230)))]));
  const summary = el('p', { class: 'summary' }, el('span', { text: bits.join(' · ') }));
  if (repeats) {
    summary.append(
      ' ',
      el('button', {
        type: 'button',
        class: 'link',
        text: folded ? t('popupShowAll') : t('popupFold'),
        onclick: () => {
          if (foldedCount()) state.app.showAll();
          else state.app.refold();
          render();
        },
      }),
    );
  }
  body.append(summary, exportBar());
  if (r.articles && r.articles.length >= 2) body.append(articleSwitcher(r.articles));
  // A language the core cannot read (report.language): one clear line, and
  // none of the English rules' guesses below.
  if (r.language && !r.language.entities) {
    body.append(el('p', { class: 'summary language-note', text: t('languageNotRead', [r.language.code || '?']) }));
  }

  const kinds = [
    ['people', 'PER', t('sectionPeople')],
    ['orgs', 'ORG', t('sectionOrganizations')],
    ['places', 'LOC', t('sectionPlaces')],
  ];
  for (const [id, type, title] of kinds) {
    const list = r.entities.filter((e) => e.type === type);
    body.append(
      section(
        id,
        title,
        list.map((e) => () => {
          const label = e.aliases.length ? `${e.name} · ${e.aliases.join(' · ')}` : e.name;
          return item(label, e.roles.join('; '), e.mentions);
        }),
      ),
    );
  }
  // One line per event: a date the core linked to a more precise one
  // (`same_as`: "July" → "July 28") adds its mention to that line.
  const also = r.dates.map(() => []);
  for (const d of r.dates) if (d.same_as != null) also[d.same_as].push(d.mention);
  const dates = r.dates
    .map((d, i) => [d, i])
    .filter(([d]) => d.same_as == null)
    .sort(([a], [b]) => (a.value || '9999').localeCompare(b.value || '9999'));
  body.append(
    section(
      'timeline',
      t('sectionTimeline'),
      dates.map(([d, i]) => () => item(d.value ? fmtDate(d.value) : d.text, d.event ? `${d.event} (${d.text})` : d.text, [d.mention, ...also[i]].sort((a, b) => a.block - b.block || a.start - b.start))),
    ),
  );
  body.append(section('numbers', t('sectionNumbers'), r.quantities.map((q) => () => item(quantityLabel(q, r.entities), q.text, [q.mention]))));
  body.append(
    section(
      'quotes',
      t('sectionQuotes'),
      r.quotes.map((q) => () => item(`“${q.text.length > 240 ? q.text.slice(0, 240) + '…' : q.text}”`, q.speaker_name ? '— ' + q.speaker_name : t('speakerUnknown'), [q.mention], 'quote')),
    ),
  );
  body.append(siteSwitch());
  aside.append(body);
  root.append(aside);
}

// Export: "Copy as Markdown" and "Download JSON" (sidebar/export.js), with
// a polite live region that says what happened.
function exportData() {
  const shown = view();
  const url = state.app.pageUrl ? state.app.pageUrl() : location.href;
  // The page's visible text decides when a passage is unique, and the text
  // of what Dossier folded too: a link opened later finds the page unfolded.
  let visible = '';
  try {
    visible = document.body ? document.body.innerText : '';
  } catch (_) {
    /* no layout: the blocks' text decides uniqueness */
  }
  for (const b of shown.blocks) if (b.folded) visible += '\n' + blockText(b.index);
  return exportReport(shown, { url, textOf: blockText, visible: visible.trim() ? visible : null });
}

function say(text) {
  const s = state.root && state.root.querySelector('.export-status');
  if (s) s.textContent = text;
}

async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (_) {
    /* refused (no user activation, a permissions policy): the old way */
  }
  const back = state.root.activeElement;
  const ta = el('textarea', { class: 'clip', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
  ta.value = text;
  state.root.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (_) {
    ok = false;
  }
  ta.remove();
  if (back && back.focus) back.focus();
  return ok;
}

async function copyMarkdown() {
  const md = toMarkdown(exportData(), {
    people: t('sectionPeople'),
    orgs: t('sectionOrganizations'),
    places: t('sectionPlaces'),
    timeline: t('sectionTimeline'),
    numbers: t('sectionNumbers'),
    quotes: t('sectionQuotes'),
    published: t('exportPublished'),
    source: t('exportSource'),
    unknownSpeaker: t('speakerUnknown'),
  });
  const old = state.root.querySelector('.clip-shown');
  if (old) old.remove();
  if (await copyText(md)) {
    say(t('exportCopied'));
    return;
  }
  // The browser refused both ways: the text, selected, for the reader to copy.
  say(t('exportCopyFailed'));
  const shown = el('textarea', { class: 'clip-shown', readonly: true, 'aria-label': t('exportMarkdown'), rows: '8' });
  shown.value = md;
  state.root.querySelector('.export').after(shown);
  shown.focus();
  shown.select();
}

function downloadJson() {
  const data = exportData();
  const name = fileName(data.title);
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const href = URL.createObjectURL(blob);
  const a = el('a', { href, download: name, hidden: true });
  state.root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60000);
  say(t('exportDownloaded', [name]));
}

function exportBar() {
  return el(
    'div',
    { class: 'export', role: 'group', 'aria-label': t('exportLabel') },
    el('button', { type: 'button', class: 'action', 'data-export': 'markdown', text: t('exportMarkdown'), onclick: () => copyMarkdown() }),
    el('button', { type: 'button', class: 'action', 'data-export': 'json', text: t('exportJson'), onclick: () => downloadJson() }),
    el('p', { class: 'export-status', role: 'status', 'aria-live': 'polite' }),
  );
}

function siteSwitch() {
  const box = el('input', {
    type: 'checkbox',
    id: 'site-off',
    onchange: (ev) => state.app.siteSwitch(ev.target.checked),
  });
  box.checked = state.app.status().state === 'disabled';
  const options = el('button', { type: 'button', class: 'link', text: t('openOptions'), onclick: () => state.app.openOptions() });
  return el('footer', {}, el('label', { for: 'site-off' }, box, ' ', t('popupSiteOff')), options, el('p', { class: 'privacy', text: t('popupPrivacy') }));
}

/**
 * The sidebar, for `app`: `{status(), showAll(), refold(), siteSwitch(off),
 * openOptions()}` (status() gives `{state, error}`, as content/main.js keeps it),
 * and optionally `pageUrl()` (the address exports link to; `location.href` else).
 */
export function createSidebar(app) {
  state.app = app;
  return sidebar;
}

const sidebar = {
  isOpen: () => state.open,
  open() {
    if (!state.host) build();
    if (!state.open) {
      state.returnFocus = document.activeElement;
      mutating(() => document.documentElement.appendChild(state.host));
      state.open = true;
      pushPage();
      state.media = window.matchMedia(`(max-width: ${NARROW - 1}px)`);
      state.media.addEventListener('change', onWidthChange);
    }
    render();
    const title = state.root.querySelector('.title');
    if (title) title.focus();
  },
  close() {
    if (!state.open) return;
    deactivate();
    unpushPage();
    if (state.media) state.media.removeEventListener('change', onWidthChange);
    state.media = null;
    mutating(() => state.host.remove());
    state.open = false;
    const back = state.returnFocus;
    state.returnFocus = null;
    if (back && back.isConnected && typeof back.focus === 'function') back.focus();
  },
  toggle() {
    if (state.open) this.close();
    else this.open();
  },
  /** The reader reached article k of a page of several: show its entities and facts, and say so. */
  showArticle(k) {
    const arts = state.report && state.report.articles;
    if (!arts || !arts[k] || !state.open) return;
    const focused = state.root.activeElement;
    const which = focused && focused.dataset ? focused.dataset.article : undefined;
    deactivate();
    render();
    if (state.live) state.live.textContent = t('articleShowing', [arts[k].title]);
    // Focus stays on the switcher's button it was on.
    if (which !== undefined) {
      const b = state.root.querySelector(`button[data-article="${which}"]`);
      if (b) b.focus();
    }
  },
  /** New report (or status): redraw if open. */
  update(report) {
    if (report !== undefined) state.report = report;
    if (state.open) {
      deactivate();
      render();
    }
  },
};

const SIDEBAR_CSS = `
  :host {
    all: initial !important;
    position: fixed !important; top: 0 !important; right: 0 !important; bottom: 0 !important;
    left: auto !important; width: ${WIDTH}px !important; max-width: 100vw !important; height: 100vh !important;
    z-index: 2147483647 !important; display: block !important; visibility: visible !important;
    opacity: 1 !important; transform: none !important; margin: 0 !important; padding: 0 !important;
    border: 0 !important; float: none !important; clip: auto !important; overflow: visible !important;
    color-scheme: light dark;
  }
  * { box-sizing: border-box; }
  .panel {
    --fg: #1f1f1f; --bg: #ffffff; --muted: #595e66; --line: #d9dce1; --accent: #0b57d0; --hover: #eef2fb;
    --hl: #fde293;
    position: absolute; inset: 0; display: flex; flex-direction: column;
    background: var(--bg); color: var(--fg); border-left: 1px solid var(--line);
    box-shadow: -2px 0 12px rgba(0,0,0,.12);
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
    letter-spacing: normal; word-spacing: normal; text-transform: none; font-style: normal; font-weight: 400;
  }
  .panel.collapsed { left: auto; width: 44px; }
  @media (prefers-color-scheme: dark) {
    .panel { --fg: #e3e3e3; --bg: #1f2022; --muted: #b4b8be; --line: #3c3f44; --accent: #a8c7fa; --hover: #2a2e36; }
  }
  header { display: flex; align-items: center; gap: 6px; padding: 10px 12px; border-bottom: 1px solid var(--line); }
  .title { font-size: 16px; font-weight: 650; margin: 0; flex: 1; }
  .collapsed header { flex-direction: column; padding: 8px 4px; }
  .collapsed .title { writing-mode: vertical-rl; font-size: 14px; flex: none; }
  button { font: inherit; color: inherit; cursor: pointer; }
  .close, .collapse { background: none; border: 1px solid transparent; border-radius: 4px; width: 28px; height: 28px;
    font-size: 18px; line-height: 1; padding: 0; color: var(--muted); }
  .close:hover, .collapse:hover { background: var(--hover); color: var(--fg); }
  .body { overflow-y: auto; padding: 4px 12px 16px; flex: 1; }
  .summary { color: var(--muted); margin: 8px 0 4px; font-size: 13px; }
  .sec { margin-top: 12px; }
  h2 { font-size: 12px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--muted);
    margin: 0 0 4px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { margin: 0; padding: 0; }
  .card { margin: 1px 0; border-radius: 4px; }
  .card:has(> .item[aria-pressed="true"]) { background: var(--hover); }
  /* Label and count share the first row (the count on the label's first
     line, right-aligned, however many lines the label takes); the detail
     is the second row. */
  .item { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: baseline; gap: 2px 6px;
    width: 100%; text-align: left; background: none; border: 0; border-radius: 4px; padding: 5px 6px; margin: 0; }
  .item:hover { background: var(--hover); }
  .label { font-weight: 600; grid-area: 1 / 1; overflow-wrap: anywhere; }
  .quote .label { font-weight: 400; font-style: italic; }
  .detail { color: var(--muted); font-size: 12.5px; grid-area: 2 / 1 / 3 / 3; overflow-wrap: anywhere; }
  .count { color: var(--muted); font-size: 12px; grid-area: 1 / 2; }
  .nav { display: flex; align-items: center; gap: 6px; padding: 0 6px 6px; font-size: 12px; color: var(--muted); }
  .nav[hidden] { display: none; }
  .step { background: none; border: 1px solid var(--line); border-radius: 4px; width: 24px; height: 22px; padding: 0; }
  .export { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 8px 0 4px; }
  .action { background: none; border: 1px solid var(--line); border-radius: 4px; padding: 3px 8px; font-size: 12.5px; color: var(--accent); }
  .action:hover { background: var(--hover); }
  .export-status { flex-basis: 100%; margin: 0; min-height: 1em; color: var(--muted); font-size: 12px; }
  .live { position: absolute; width: 1px; height: 1px; margin: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  ol.articles { margin: 4px 0 0; padding-left: 20px; }
  ol.articles li { margin: 2px 0; }
  .link.article { text-align: left; }
  .link.article[aria-current="true"] { font-weight: 700; text-decoration: none; color: inherit; }
  .clip { position: fixed; top: 0; left: -9999px; width: 1px; height: 1px; opacity: 0; }
  .clip-shown { width: 100%; font: 12px/1.4 ui-monospace, monospace; color: var(--fg); background: var(--bg); border: 1px solid var(--line); }
  .empty { color: var(--muted); font-size: 12.5px; margin: 0 6px; }
  .more { margin: 4px 6px; }
  .link { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; font-size: 13px; }
  footer { margin-top: 18px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 13px; }
  footer label { display: block; margin-bottom: 6px; }
  .privacy { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
  button:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
  .title:focus { outline: none; }
  @media (max-width: ${WIDE - 1}px) { :host { width: min(${WIDTH}px, 92vw) !important; } }
  :host([data-collapsed]) { width: 44px !important; }
  /* A phone: a bottom sheet over the lower part of the page, 44-px touch targets. */
  @media (max-width: ${NARROW - 1}px) {
    :host { top: auto !important; left: 0 !important; right: 0 !important; width: 100% !important;
      max-width: 100% !important; height: ${Math.round(SHEET * 100)}vh !important; }
    :host([data-collapsed]) { width: 100% !important; height: 64px !important; }
    .panel, .panel.collapsed { left: 0; width: auto; border-left: 0; border-top: 1px solid var(--line);
      border-radius: 12px 12px 0 0; box-shadow: 0 -2px 12px rgba(0,0,0,.18); font-size: 16px; }
    header, .collapsed header { flex-direction: row; padding: 14px 8px 4px 16px; touch-action: none; position: relative; }
    header::before { content: ""; position: absolute; top: 5px; left: calc(50% - 18px); width: 36px; height: 4px;
      border-radius: 2px; background: var(--line); }
    .collapsed .title { writing-mode: horizontal-tb; font-size: 16px; flex: 1; }
    .close, .collapse { width: 44px; height: 44px; font-size: 22px; }
    .item { min-height: 44px; padding: 8px; }
    .step { width: 44px; height: 44px; }
    .link, .action { min-height: 44px; min-width: 44px; padding: 0 12px; font-size: 15px; }
    .link { text-align: left; }
    footer label { display: flex; align-items: center; gap: 8px; min-height: 44px; }
    footer input { width: 22px; height: 22px; }
  }
`;
