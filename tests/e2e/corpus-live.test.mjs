// Forty real pages of ../shared/data/pages with their own scripts running
// (issue 23, part 1: a sample of `make corpus-check SCRIPTS=on`), both
// browsers at once: pages from 127.0.0.1, every other request refused by a
// proxy on 127.0.0.1. Per page (tests/e2e/live-check.mjs): no error of
// Dossier's own, each placeholder before the element it folds, no block
// folded twice, "Show all" gives back the settled DOM byte for byte, and a
// fresh analysis of the settled page folds the same. A page whose own
// scripts send it elsewhere is not Dossier's to check. Each test is skipped
// when the pages are not there (they are not part of a clone).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browsers.mjs';
import { startServer, testsDir } from './server.mjs';
import { startBlackhole } from './blackhole.mjs';
import { requireBuild } from './helpers.mjs';
import { checkLivePage, PAGE_TROUBLE } from './live-check.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const SHARED_PAGES = path.resolve(process.env.SHARED || path.join(testsDir, '..', '..', 'shared'), 'data', 'pages');
const HAVE_SHARED = fs.existsSync(SHARED_PAGES);
const SAMPLE = Number(process.env.DOSSIER_LIVE_SAMPLE || 40);

const pages = [];
if (HAVE_SHARED) {
  for (const src of fs.readdirSync(SHARED_PAGES).sort()) {
    const d = path.join(SHARED_PAGES, src);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const name of fs.readdirSync(d).sort()) if (fs.existsSync(path.join(d, name, 'source.html'))) pages.push(`${src}/${name}`);
  }
}
// Spread over the corpus, the same every run (both sources, every site kind).
const step = pages.length / SAMPLE;
const sample = pages.length > SAMPLE ? Array.from({ length: SAMPLE }, (_, i) => pages[Math.floor(i * step)]) : pages;
const names = HAVE_SHARED ? sample : Array.from({ length: SAMPLE }, (_, i) => `page ${i + 1}`);
const skip = HAVE_SHARED ? false : `needs ${SHARED_PAGES} (set SHARED)`;

describe('real pages with their own scripts', { concurrency: BROWSERS.length }, () => {
  for (const name of BROWSERS) {
    describe(`in ${name}`, { concurrency: false }, () => {
      let b;
      let srv;
      let bh;
      const seenErrors = new Set();
      before(async () => {
        if (!HAVE_SHARED) return;
        srv = await startServer({ roots: { '/p/': SHARED_PAGES + '/' } });
        bh = await startBlackhole();
        b = await launch(name, requireBuild(name), { proxy: bh.port });
        await b.ext((s) => (globalThis.browser || globalThis.chrome).storage.local.set({ settings: s }), { version: 1, disabledSites: ['localhost'], autoFold: true, autoOpen: false });
        // What the harness itself caused before the first page (Firefox: its popup.html?tab=-1).
        if (b.consoleErrors) for (const e of await b.consoleErrors()) seenErrors.add(e);
      });
      after(async () => {
        if (b) await b.close();
        if (bh) {
          console.log(`# ${name}: ${bh.count} requests refused by the proxy (none left the machine)`);
          await bh.close();
        }
        if (srv) await srv.close();
      });
      for (const p of names) {
        it(p, { skip }, async (t) => {
          const r = await checkLivePage(b, `${srv.base}/p/${p}/source.html`, { seenErrors });
          if (PAGE_TROUBLE.has(r.cause)) {
            t.diagnostic(`the page's own scripts: ${r.cause} ${r.detail}`);
            return;
          }
          if (!r.settled) t.diagnostic(r.detail);
          assert.ok(r.ok, `${r.cause}: ${r.detail}`);
        });
      }
    });
  }
});
