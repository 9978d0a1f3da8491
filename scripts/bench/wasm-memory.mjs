// The background's WebAssembly memory on the largest pages it analyses, in
// Node (V8, no browser): the built core (dist/<browser>/pkg) reads each page
// from its serialization (`readSerialized`, as from a content script) and
// analyses it as the background does (`analyzePage`, the page packed, no
// text copied back), and prints `memory.buffer.byteLength` after each. The
// memory's size is set by the core's own allocations, so it is what the
// background's instance reaches on the same pages in either browser (less
// what the rest of a session adds: other languages' models, "already read").
//
//   node scripts/bench/wasm-memory.mjs [dist/chrome] [case,case,...]
//
// As the background does, a read that finds the memory past RECYCLE_BYTES
// starts on a fresh instance; the high-water mark is over every instance.
//
// Cases: the hostile pages of tests/e2e/hostile-pages.mjs, and two pages
// just under the background's 2 Mi-unit cap (one paragraph 15,000 times;
// 15,000 different paragraphs full of names and numbers).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist', 'chrome'));
const { CASES } = await import(path.join(root, 'tests', 'e2e', 'hostile-pages.mjs'));
const { analyzePage } = await import(path.join(root, 'extension', 'pack.js'));
const core = await import(path.join(dist, 'pkg', 'dossier.js'));
let exports = await core.default({ module_or_path: fs.readFileSync(path.join(dist, 'pkg', 'dossier_bg.wasm')) });
// English's model is a file of the package, registered as the background does as it starts.
core.registerModel('en', fs.readFileSync(path.join(dist, 'model', 'ner-en.bin')));

const MAX_TEXT_UNITS = 2 * 1024 * 1024; // extension/background.js
// extension/background.js: past this, the next read starts on a fresh instance (as there).
const RECYCLE_BYTES = (() => {
  const m = /RECYCLE_BYTES\s*=\s*([\d\s*]+);/.exec(fs.readFileSync(path.join(root, 'extension', 'background.js'), 'utf8'));
  return m ? m[1].split('*').reduce((a, x) => a * Number(x), 1) : Infinity;
})();
const MAX_BLOCKS = 100000; // extension/content/collect.js
const PARA = 'Officials of the ruling party met the opposition leader Sam Rainsy in Phnom Penh on Tuesday to discuss the results of the election.';
const page = (body) =>
  `<html lang="en"><head><meta charset="utf-8"><title>A long page</title></head><body><main><article>${body}</article></main></body></html>`;
const pages = {
  ...Object.fromEntries(Object.entries(CASES).map(([k, v]) => [k, v.replace(/^<!doctype html>/i, '')])),
  'under-cap-same': page(Array.from({ length: 15_000 }, () => `<p>${PARA}</p>`).join('')),
  'under-cap-varied': page(
    Array.from(
      { length: 15_000 },
      (_, i) =>
        `<p>Minister ${i} Hun Sen${i % 97} met Sam Rainsy${i % 13} in Phnom Penh ${i} on Tuesday, ${i * 3} km from the ${i % 7} election held ${i} days ago.</p>`,
    ).join(''),
  ),
};
const names = (process.argv[3] || 'many-blocks,too-large,long-word,deep,under-cap-same,under-cap-varied').split(',');
const mb = () => exports.memory.buffer.byteLength / 1048576;
let peak = mb();
console.log(`start: ${mb().toFixed(1)} MB`);
let fresh = 0;
for (const name of names) {
  const html = pages[name];
  if (!html) throw new Error(`no case ${name}`);
  if (exports.memory.buffer.byteLength > RECYCLE_BYTES) {
    exports = core.__dossier_reinstantiate();
    core.registerModel('en', fs.readFileSync(path.join(dist, 'model', 'ner-en.bin')));
    fresh++;
  }
  // The element count the content script would send: every start tag (these pages hold no other `<`).
  const count = (html.match(/<[a-zA-Z]/g) || []).length;
  const t0 = performance.now();
  const read = core.readSerialized(html, false, count, 'http://127.0.0.1/', MAX_BLOCKS);
  if (!read) {
    console.log(`${name}: not read (a page with scripts: not one of this script's cases)`);
    continue;
  }
  let units = 0;
  for (const b of read.page.blocks) units += b.text.length;
  const analysed = units <= MAX_TEXT_UNITS;
  if (analysed) analyzePage(core, read.page, { include_text: false });
  peak = Math.max(peak, mb());
  console.log(
    `${name}: ${(units / 1e6).toFixed(2)} M units, ${read.page.blocks.length} blocks, ${analysed ? 'analysed' : 'skipped (over the cap)'}; ` +
      `memory ${mb().toFixed(1)} MB (${(performance.now() - t0).toFixed(0)} ms)`,
  );
}
console.log(`high-water mark: ${peak.toFixed(1)} MB (${fresh} fresh instance${fresh === 1 ? '' : 's'} past ${(RECYCLE_BYTES / 1048576).toFixed(0)} MB, as the background starts them)`);
