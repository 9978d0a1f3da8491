// Export of what the sidebar lists: Markdown for pasting into notes, JSON
// for programs. Pure functions (no DOM, no extension API): the sidebar
// (sidebar/sidebar.js) gives them the report, the page's address and title,
// the blocks' text and the page's visible text, and the unit tests
// (tests/js/export.test.mjs) do the same with fixed strings.
//
// Every item links to its first mention with a text fragment
// (https://wicg.github.io/scroll-to-text-fragment/):
//   URL-without-fragment#:~:text=[prefix-,]textStart[,textEnd][,-suffix]
// Each part is percent-encoded, `-`, `,` and `&` included (the directive's
// own syntax), and `(`, `)`, `'`, `!` and `*` too, so that a Markdown link
// `[label](url)` cannot end early. Context words (prefix, suffix) are added,
// one word at a time on each side, until the passage occurs once in the
// page's visible text; a long passage (a quote) is given by its first and
// last words (textStart,textEnd).

/** Whitespace as the browser matches it: runs of it are one space. */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Percent-encodes one part of a text directive. */
export function encodePart(s) {
  return encodeURIComponent(s).replace(/[-!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** How many times `needle` occurs in `hay` (both already squashed and lower-cased), overlaps counted. */
function occurrences(hay, needle) {
  if (!needle) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

// Words of a text with their offsets, for taking context one word at a time.
function wordsBefore(text, end) {
  // Start offsets of the words that end at or before `end`, nearest first.
  const starts = [];
  const re = /\S+/g;
  let m;
  while ((m = re.exec(text)) && m.index < end) {
    if (m.index + m[0].length <= end) starts.push(m.index);
  }
  return starts.reverse();
}
function wordsAfter(text, start) {
  // End offsets of the words that start at or after `start`, nearest first.
  const ends = [];
  const re = /\S+/g;
  re.lastIndex = start;
  let m;
  while ((m = re.exec(text))) ends.push(m.index + m[0].length);
  return ends;
}

const LONG = 80; // characters: a longer passage is linked by its first and last words
const EDGE_WORDS = 4; // words of textStart and textEnd
const MAX_CONTEXT = 8; // words of prefix and of suffix at most

/**
 * The text directive (without `#:~:text=`) for `[start, end)` of `text`
 * (a block's text, UTF-16 offsets), unique in `visible` (the page's visible
 * text) where context words can make it so. Null for an empty passage.
 */
export function textDirective(text, start, end, visible) {
  const target = squash(text.slice(start, end));
  if (!target) return null;
  const hay = squash(visible == null ? text : visible).toLowerCase();
  let textStart = target;
  let textEnd = '';
  const words = target.split(' ');
  if (target.length > LONG && words.length > 2 * EDGE_WORDS) {
    textStart = words.slice(0, EDGE_WORDS).join(' ');
    textEnd = words.slice(-EDGE_WORDS).join(' ');
  }
  // What must occur once: the prefix, the passage's start (a range's end
  // is found after its start, so the start decides), the suffix when
  // there is no end.
  const before = wordsBefore(text, start);
  const after = wordsAfter(text, end);
  let prefix = '';
  let suffix = '';
  const probe = () => {
    const head = [prefix, textStart].filter(Boolean).join(' ');
    return textEnd ? head : [head, suffix].filter(Boolean).join(' ');
  };
  // The shortest context that gives the fewest matches: a paragraph the
  // page prints twice (a repeat Dossier folds) never becomes unique, and
  // then its first print, the one the report points into, is found first.
  let best = { n: occurrences(hay, probe().toLowerCase()), prefix, suffix };
  for (let k = 0; k < MAX_CONTEXT && best.n > 1; k++) {
    const grewBefore = k < before.length;
    if (grewBefore) prefix = squash(text.slice(before[k], start));
    // A range's suffix is checked only after its end: no use for textStart,textEnd.
    const grewAfter = !textEnd && k < after.length;
    if (grewAfter) suffix = squash(text.slice(end, after[k]));
    if (!grewBefore && !grewAfter) break;
    const n = occurrences(hay, probe().toLowerCase());
    if (n < best.n) best = { n, prefix, suffix };
  }
  prefix = best.prefix;
  suffix = best.suffix;
  const parts = [];
  if (prefix) parts.push(encodePart(prefix) + '-');
  parts.push(encodePart(textStart));
  if (textEnd) parts.push(encodePart(textEnd));
  if (suffix) parts.push('-' + encodePart(suffix));
  return parts.join(',');
}

/** `url` with its fragment replaced by a link to `[start, end)` of `text`. */
export function fragmentLink(url, text, start, end, visible) {
  const base = String(url || '').split('#')[0];
  const d = textDirective(text, start, end, visible);
  return d ? `${base}#:~:text=${d}` : base;
}

/**
 * The report as exported: the report with every block's text filled in
 * (`textOf(i)`), the page's `url`, and a `link` on every entity, date,
 * quantity and quote (its first mention's text fragment; null without a
 * mention). The schema is docs/report-schema.md's, plus those fields.
 */
export function exportReport(report, { url, textOf, visible }) {
  const texts = report.blocks.map((b) => (b.text ? b.text : textOf(b.index) || ''));
  const link = (m) => (m ? fragmentLink(url, texts[m.block] || '', m.start, m.end, visible) : null);
  const first = (ms) => ms.slice().sort((a, b) => a.block - b.block || a.start - b.start)[0];
  return {
    ...report,
    url: String(url || ''),
    blocks: report.blocks.map((b, i) => ({ ...b, text: texts[i] })),
    entities: report.entities.map((e) => ({ ...e, link: link(first(e.mentions)) })),
    dates: report.dates.map((d) => ({ ...d, link: link(d.mention) })),
    quantities: report.quantities.map((q) => ({ ...q, link: link(q.mention) })),
    quotes: report.quotes.map((q) => ({ ...q, link: link(q.mention) })),
  };
}

/** Escapes Markdown's inline syntax in a page-derived string (one line). */
export function mdEscape(s) {
  return squash(String(s)).replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^(\d+)\./, '$1\\.').replace(/^-/, '\\-');
}

const linked = (label, url) => (url ? `[${mdEscape(label)}](${url})` : mdEscape(label));

function numberText(n) {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function quantityText(q) {
  let v = numberText(q.value);
  if (q.range_to != null) v += '–' + numberText(q.range_to);
  if (q.of != null) v += ' of ' + numberText(q.of);
  const cur = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' }[q.unit];
  let s = cur ? cur + v : q.unit === '%' ? v + '%' : q.unit ? `${v} ${q.unit}` : v;
  if (q.approx) s = '≈ ' + s;
  return s;
}

/**
 * The dossier as Markdown: title, address, publication date, then people
 * (with roles), organizations (with their other names), places, the
 * timeline, numbers and quotes (with speakers), each linked to its first
 * mention. `data` is what exportReport returns; `labels` the section
 * titles and words (English by default).
 */
export function toMarkdown(data, labels = {}) {
  const L = {
    people: 'People',
    orgs: 'Organizations',
    places: 'Places',
    timeline: 'Timeline',
    numbers: 'Numbers',
    quotes: 'Quotes',
    published: 'Published',
    source: 'Source',
    unknownSpeaker: 'speaker unknown',
    ...labels,
  };
  const out = [`# ${mdEscape(data.title || data.url || 'Dossier')}`, ''];
  out.push(`${L.source}: <${data.url}>  `);
  if (data.published) out.push(`${L.published}: ${data.published}`);
  else out[out.length - 1] = out[out.length - 1].trimEnd();
  const sec = (title, lines) => {
    if (!lines.length) return;
    out.push('', `## ${title}`, '', ...lines);
  };
  const ents = (type) => data.entities.filter((e) => e.type === type);
  sec(L.people, ents('PER').map((e) => `- ${linked(e.name, e.link)}${e.roles.length ? ' — ' + mdEscape(e.roles.join('; ')) : ''}`));
  sec(L.orgs, ents('ORG').map((e) => `- ${linked(e.name, e.link)}${e.aliases.length ? ' (' + mdEscape(e.aliases.join(', ')) + ')' : ''}`));
  sec(L.places, ents('LOC').map((e) => `- ${linked(e.name, e.link)}`));
  const dates = data.dates
    .filter((d) => d.same_as == null)
    .slice()
    .sort((a, b) => (a.value || '9999').localeCompare(b.value || '9999'));
  sec(L.timeline, dates.map((d) => `- ${linked(d.value || d.text, d.link)} — ${mdEscape(d.event ? `${d.event} (${d.text})` : d.text)}`));
  sec(L.numbers, data.quantities.map((q) => {
    const owner = q.entity != null && data.entities[q.entity] ? mdEscape(data.entities[q.entity].name) + ': ' : '';
    return `- ${owner}${linked(quantityText(q), q.link)} — “${mdEscape(q.text)}”`;
  }));
  sec(L.quotes, data.quotes.map((q) => `- ${linked(`“${q.text}”`, q.link)} — ${q.speaker_name ? mdEscape(q.speaker_name) : L.unknownSpeaker}`));
  return out.join('\n') + '\n';
}

/** A file name for the JSON download: the page's title, safe on every system. */
export function fileName(title) {
  const base = squash(String(title || ''))
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `dossier-${base || 'page'}.json`;
}
