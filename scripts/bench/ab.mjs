#!/usr/bin/env node
// A/B of the content script's main-thread timings (status.timings) between two tests' builds of
// the extension, on the same corpus pages, in two browsers of a kind side by side, each page
// visited by both builds in alternating order (a warm-up visit each, then the timed one), so
// that a shared machine's drifting load falls alike on both:
//
//   node scripts/bench/ab.mjs chromium 30 OLD_DIR [NEW_DIR]   (NEW_DIR: dist/chrome-test)
//   AB_COLD=1 node scripts/bench/ab.mjs …   the timed visit starts the core cold (test:coldNext)
//
// Also the time to fold (status.timings.toFold, document_idle to the badge set) and, where the
// build reports them, its parts (status.timings: settings, tell; the background's bgRead,
// bgAnalyze).
//
// OLD_DIR: another build's dist/chrome-test or dist/firefox-test (e.g. from a checkout of the
// commit before). Prints the medians of both; writes target/bench/ab-<browser>.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchServer } from './server.mjs';
import { launch } from '../../tests/e2e/browsers.mjs';
import { settled } from '../../tests/e2e/helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const name = process.argv[2];
const N = Number(process.argv[3] || 30);
const SHARED = path.resolve(process.env.SHARED || path.join(root, '..', 'shared'));
const pagesDir = path.join(SHARED, 'data', 'pages');
const pages = [];
for (const g of fs.readdirSync(pagesDir).sort()) { const gd = path.join(pagesDir, g); if (!fs.statSync(gd).isDirectory()) continue; for (const n of fs.readdirSync(gd).sort()) if (fs.existsSync(path.join(gd, n, 'source.html'))) pages.push(`${g}/${n}`); }
const step = Math.max(1, pages.length / N); const sample = []; for (let i = 0; i < N; i++) sample.push(pages[Math.floor(i * step)]);
const server = await startBenchServer({ root, pagesDir });
const dir = name === 'chromium' ? 'chrome-test' : 'firefox-test';
if (!process.argv[4]) throw new Error('usage: node scripts/bench/ab.mjs chromium|firefox N OLD_DIR [NEW_DIR]');
const builds = { old: path.resolve(process.argv[4]), new: path.resolve(process.argv[5] || path.join(root, 'dist', dir)) };
const res = { old: [], new: [] };
const br = {};
for (const which of ['old', 'new']) {
  br[which] = await launch(name, builds[which]);
  if (br[which].driver) await br[which].driver.manage().setTimeouts({ script: 600000 });
}
const COLD = process.env.AB_COLD === '1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const status = (b, id) => (name === 'chromium' ? b.ext((t) => chrome.tabs.sendMessage(t, { type: 'popup:status' }), id) : b.ext((t) => browser.tabs.sendMessage(t, { type: 'popup:status' }), id));
const coldNext = (b) => (name === 'chromium' ? b.ext(() => globalThis.__dossierColdNext()) : b.ext(() => browser.runtime.sendMessage({ type: 'test:coldNext' })));
async function visit(b, src, timed = false) {
  let page;
  let out = null;
  try {
    if (timed && COLD) await coldNext(b);
    page = await b.open(`${server.base}/site/${src}/`);
    await settled(b, page);
    const id = await page.id();
    let st = null;
    // toFold is set once the background's answer to the state message (badge set) is back.
    for (let i = 0; i < 40; i++) {
      st = await status(b, id);
      if (!st || st.state !== 'done' || (st.timings && 'toFold' in st.timings)) break;
      await sleep(50);
    }
    if (st && st.timings && Number.isFinite(st.timings.mainThread)) out = { src, ...st.timings };
  } catch (e) { }
  if (page) await page.close().catch(() => {});
  return out;
}
let k = 0;
for (const src of sample) {
  // Interleaved, order alternating: the machine's load drifts alike for both.
  const order = k++ % 2 ? ['old', 'new'] : ['new', 'old'];
  for (const w of order) await visit(br[w], src); // warm-up visit
  for (const w of order) {
    const r = await visit(br[w], src, true);
    if (r) res[w].push(r);
  }
}
for (const w of ['old', 'new']) await br[w].close();
await server.close();
const med = (v) => { v = v.filter(Number.isFinite).sort((a, b) => a - b); return v[Math.floor((v.length - 1) / 2)]; };
const p95 = (v) => { v = v.filter(Number.isFinite).sort((a, b) => a - b); return v[Math.ceil(0.95 * v.length) - 1]; };
for (const w of ['old', 'new']) {
  const r = res[w];
  console.log(name, w, 'pages', r.length, 'main median', med(r.map((x) => x.mainThread)).toFixed(2), 'p95', p95(r.map((x) => x.mainThread)).toFixed(2),
    'collect', med(r.map((x) => x.collect)).toFixed(2), 'post', med(r.map((x) => x.post)).toFixed(2), 'fold', med(r.map((x) => x.fold)).toFixed(2), 'roundtrips', med(r.map((x) => x.analyze)).toFixed(2));
  const more = ['toFold', 'longest', 'settings', 'tell', 'bgRead', 'bgAnalyze'].filter((k) => r.some((x) => Number.isFinite(x[k])));
  console.log(name, w, COLD ? 'cold' : 'warm', ...more.map((k) => `${k} ${med(r.map((x) => x[k])).toFixed(2)}${k === 'toFold' || k === 'longest' ? ` (p95 ${p95(r.map((x) => x[k])).toFixed(2)})` : ''}`));
}
fs.mkdirSync(path.join(root, 'target', 'bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'target', 'bench', `ab-${name}.json`), JSON.stringify(res));
