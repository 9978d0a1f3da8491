// A page in the packed form the WASM core reads fastest (see Page::from_packed
// in src/page.rs): every string of the page joined into one, and their
// lengths (UTF-16 code units) and the page's numbers in one Uint32Array.
// Handing the core the page as an object costs a call back into JavaScript
// for every field of every block; this costs two copies. The report comes
// back packed the same way (Report::to_packed in src/report.rs) and
// unpackReport builds the object here: analyzePage does both.

/** Layout version: the first number. */
const PACKED_VERSION = 1;

/** `{text, nums}` for `core.analyzePacked(text, nums, opts)`. */
export function pack(page) {
  const list = (v) => (Array.isArray(v) ? v : []);
  const dates = list(page.dates);
  const elements = list(page.elements);
  const blocks = list(page.blocks);
  // Sized up front: filling a typed array is a third cheaper than growing
  // an array and copying it.
  let size = 7 + dates.length + 2 * elements.length;
  for (const b of blocks) size += 6 + list(b.path).length;
  const nums = new Uint32Array(size);
  let n = 0;
  const parts = [];
  const str = (v) => {
    const s = typeof v === 'string' ? v : '';
    parts.push(s);
    nums[n++] = s.length;
  };
  nums[n++] = PACKED_VERSION;
  nums[n++] = dates.length;
  nums[n++] = elements.length;
  nums[n++] = blocks.length;
  str(page.url);
  str(page.title);
  str(page.lang);
  for (const d of dates) str(d);
  for (const e of elements) {
    str(e.tag);
    str(e.hints);
  }
  for (const b of blocks) {
    str(b.tag);
    str(b.hints);
    str(b.text);
    const path = list(b.path);
    nums[n++] = b.visible === true ? 1 : 0;
    nums[n++] = b.link_chars >>> 0;
    nums[n++] = path.length;
    for (const p of path) nums[n++] = p >>> 0;
  }
  return { text: parts.join(''), nums };
}

/** Layout version of a packed report: the first number. */
const PACKED_REPORT_VERSION = 5;

/**
 * The report object from `core.analyzePackedRaw`'s `[text, nums, floats]`
 * (the layout is documented at `PackedReport` in src/report.rs): the same
 * object, key for key, that `core.analyzePacked` returns, built here with
 * object literals instead of a call out of the WASM for every field.
 */
export function unpackReport([text, nums, floats]) {
  let n = 0;
  let f = 0;
  let at = 0;
  const atoms = [];
  const num = () => nums[n++];
  const str = () => {
    const s = text.slice(at, at + nums[n]);
    at += nums[n++];
    return s;
  };
  const atom = () => {
    const i = nums[n++];
    if (i === atoms.length) atoms.push(str());
    return atoms[i];
  };
  const optStr = () => (num() ? str() : null);
  const optIndex = () => {
    const i = num();
    return i ? i - 1 : null;
  };
  const span = () => ({ block: nums[n++], start: nums[n++], end: nums[n++] });
  const times = (make) => {
    const count = num();
    const out = [];
    for (let i = 0; i < count; i++) out.push(make(i));
    return out;
  };
  const list = () => times(num);

  if (num() !== PACKED_REPORT_VERSION) throw new Error('unknown packed report layout');
  const version = num();
  const title = str();
  const blocks = times((index) => {
    const tag = atom();
    const flags = num();
    return { index, tag, text: str(), article: (flags & 1) !== 0, folded: (flags & 2) !== 0, in_sidebar: (flags & 4) !== 0 };
  });
  const repeats = times(() => ({
    kind: atom(),
    original: list(),
    copies: list(),
    action: atom(),
    role: atom(),
    similarity: floats[f++],
    spans: times(span),
  }));
  const entities = times(() => ({
    name: str(),
    type: atom(),
    aliases: times(str),
    roles: times(str),
    mentions: times(span),
    salience: floats[f++],
  }));
  const published = optStr();
  const language = { code: atom(), source: atom(), declared: atom() };
  {
    const flags = num();
    language.entities = (flags & 1) !== 0;
    language.facts = (flags & 2) !== 0;
  }
  const dates = times(() => ({ text: str(), value: optStr(), kind: atom(), event: atom(), mention: span(), same_as: optIndex() }));
  const quantities = times(() => ({
    text: str(),
    value: floats[f++],
    of: num() ? floats[f++] : null,
    range_to: num() ? floats[f++] : null,
    unit: atom(),
    approx: num() !== 0,
    entity: optIndex(),
    mention: span(),
  }));
  const quotes = times(() => ({ text: str(), speaker: optIndex(), speaker_name: optStr(), mention: span() }));
  const stats = { blocks: num(), article_blocks: num(), folded: num(), article_words: num() };
  if (n !== nums.length || f !== floats.length || at !== text.length) throw new Error('bad packed report');
  return { version, title, blocks, repeats, entities, published, language, dates, quantities, quotes, stats };
}

/** `core.analyzePacked(…pack(page), opts)`, the same report for less work: page and report cross packed. */
export function analyzePage(core, page, opts) {
  const { text, nums } = pack(page);
  return unpackReport(core.analyzePackedRaw(text, nums, opts));
}
