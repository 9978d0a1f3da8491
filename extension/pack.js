// A page in the packed form the WASM core reads fastest (see Page::from_packed
// in src/page.rs): every string of the page joined into one, and their
// lengths (UTF-16 code units) and the page's numbers in one Uint32Array.
// Handing the core the page as an object costs a call back into JavaScript
// for every field of every block; this costs two copies.

/** Layout version: the first number. */
const PACKED_VERSION = 1;

/** `{text, nums}` for `core.analyzePacked(text, nums, opts)`. */
export function pack(page) {
  const parts = [];
  const nums = [PACKED_VERSION];
  const list = (v) => (Array.isArray(v) ? v : []);
  const str = (v) => {
    const s = typeof v === 'string' ? v : '';
    parts.push(s);
    nums.push(s.length);
  };
  const dates = list(page.dates);
  const elements = list(page.elements);
  const blocks = list(page.blocks);
  nums.push(dates.length, elements.length, blocks.length);
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
    nums.push(b.visible === true ? 1 : 0, b.link_chars >>> 0, path.length);
    for (const p of path) nums.push(p >>> 0);
  }
  return { text: parts.join(''), nums: Uint32Array.from(nums) };
}
