#!/usr/bin/env node
// What the extension folds on every corpus page, one JSON line a page, for proving a change
// of the extension's plumbing neutral (the CLI's reports are scripts/snapshot-reports.sh):
//
//   node scripts/fold-snapshot.mjs --browser chromium --ext dist/chrome-test --out BEFORE.jsonl
//   ... change, rebuild (make build-test) ...
//   node scripts/fold-snapshot.mjs --browser chromium --ext dist/chrome-test --out AFTER.jsonl
//   diff BEFORE.jsonl AFTER.jsonl        (no output: the same folds on every page)
//
// Per page: the state the content script reached, the badge's count, the repeats found, the
// elements folded (their places among the page's own elements) and how many parts of blocks
// are folded. Options: --pages N (every Nth page, default 1: all), --limit N (first N).
// Needs $SHARED/data/pages and a tests' build (dist/<browser>-test: `make build-test`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchServer } from './bench/server.mjs';
import { launch } from '../tests/e2e/browsers.mjs';
import { settled, tabState } from '../tests/e2e/helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const SHARED = path.resolve(process.env.SHARED || path.join(root, '..', 'shared'));
const pagesDir = path.join(SHARED, 'data', 'pages');
const browser = opt('--browser', 'chromium');
const ext = path.resolve(opt('--ext', path.join(root, 'dist', browser === 'chromium' ? 'chrome-test' : 'firefox-test')));
const out = opt('--out', '');
const every = Number(opt('--pages', '1'));
const limit = Number(opt('--limit', '0'));

const pages = [];
for (const g of fs.readdirSync(pagesDir).sort()) {
  const gd = path.join(pagesDir, g);
  if (!fs.statSync(gd).isDirectory()) continue;
  for (const n of fs.readdirSync(gd).sort()) if (fs.existsSync(path.join(gd, n, 'source.html'))) pages.push(`${g}/${n}`);
}
let list = pages.filter((_, i) => i % every === 0);
if (limit > 0) list = list.slice(0, limit);

const server = await startBenchServer({ root, pagesDir });
const b = await launch(browser, ext);
const lines = [];
try {
  for (const src of list) {
    const row = { src };
    let tab;
    try {
      tab = await b.open(`${server.base}/site/${src}/`);
      const st = await settled(b, tab);
      // A moment for a rescan the page's own changes might start (none: its scripts are off).
      const again = await tabState(b, await tab.id());
      Object.assign(row, { state: again.state, folded: again.folded, repeats: again.repeats });
      Object.assign(row, await tab.eval(() => {
        const own = document.querySelectorAll(':not(dossier-fold, dossier-part, dossier-sidebar)');
        const folded = [];
        own.forEach((el, i) => {
          if (el.hasAttribute('data-dossier-folded')) folded.push(i);
        });
        return { els: folded, parts: document.querySelectorAll('dossier-part').length, placeholders: document.querySelectorAll('dossier-fold').length };
      }));
      if (st.state !== row.state) row.settledAs = st.state;
    } catch (e) {
      row.error = String(e && e.message ? e.message : e).split('\n')[0];
    }
    if (tab) await tab.close().catch(() => {});
    lines.push(JSON.stringify(row));
    if (!out) console.log(lines[lines.length - 1]);
  }
} finally {
  await b.close();
  await server.close();
}
if (out) fs.writeFileSync(out, lines.join('\n') + '\n');
console.error(`fold-snapshot: ${list.length} pages in ${browser}${out ? ` -> ${out}` : ''}`);
