// The content script's block collector (extension/content/collect.js) and the
// CLI's HTML reader (src/html.rs) must give the core the same page. Both run
// here on every golden page: the collector in a real browser, both ways it
// reads a page (the DOM node by node, and the page's serialization as the
// background reads it), and the CLI on the same file; their outputs are
// compared field by field.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch } from './browsers.mjs';
import { startServer, testsDir } from './server.mjs';
import { requireBuild } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const CLI = path.resolve(testsDir, '..', 'target', 'release', 'dossier');
import { bundle } from '../../scripts/build.mjs';

// The collector module as a classic script whose exports are the global `DossierCollect`.
const collectJs = bundle('extension/content/collect.js', 'iife', 'DossierCollect');
const pages = fs.readdirSync(path.join(testsDir, 'pages')).filter((n) => fs.existsSync(path.join(testsDir, 'pages', n, 'source.html'))).sort();

function cliPage(name) {
  return JSON.parse(execFileSync(CLI, ['blocks', path.join(testsDir, 'pages', name, 'source.html')], { maxBuffer: 1 << 28 }));
}

for (const name of BROWSERS) {
  describe(`block collection in ${name} equals the CLI's`, { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name));
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    for (const page of pages) {
      it(page, async () => {
        const tab = await b.open(`${srv.base}/pages/${page}/`);
        // The collector runs in the page itself here (same code, same DOM),
        // over whatever the extension has folded meanwhile: folds must not
        // change what is collected.
        const got = await tab.eval((src) => {
          (0, eval)(src);
          const D = globalThis.DossierCollect;
          const dom = D.collect(document).page;
          const snap = D.snapshot(document);
          const read = D.readSerialized(snap.html, { url: snap.url, noscriptRaw: snap.noscriptRaw, attrHidden: snap.attrHidden, count: snap.els.length });
          const found = read && D.resolve(snap.els, read.blocks);
          if (found) read.page.blocks.forEach((b, k) => { b.visible = found.visible[k]; });
          return { dom, serialized: found ? read.page : null };
        }, collectJs);
        await tab.close();
        const want = cliPage(page);
        assert.ok(got.serialized, 'the serialization is read');
        for (const [how, p] of Object.entries(got)) {
          assert.equal(p.title, want.title, how);
          assert.equal(p.lang, want.lang, how);
          assert.deepEqual(p.dates, want.dates, how);
          assert.deepEqual(p.elements, want.elements, how);
          assert.equal(p.blocks.length, want.blocks.length, how);
          p.blocks.forEach((g, i) => {
            const w = want.blocks[i];
            assert.deepEqual({ ...g }, { ...w }, `${how}: block ${i}`);
          });
        }
      });
    }
  });
}
