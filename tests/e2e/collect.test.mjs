// What the extension reads of a page (extension/content/collect.js, in a real
// browser) and the core makes of it (src/collect.rs, the WASM the background
// runs) must be the page the CLI's HTML reader (src/html.rs) gives the core.
// On every golden page, both ways the extension reads a page (the page's
// serialization, and the DOM walked node by node) and the CLI on the same
// file; their outputs are compared field by field. And a block that is a
// loose run of its element's text (beside block-level children) is found in
// the DOM with the content script's own-text walk, where the core says.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch } from './browsers.mjs';
import { startServer, testsDir } from './server.mjs';
import { requireBuild, settled } from './helpers.mjs';
import { loadCore } from './core.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const CLI = path.resolve(testsDir, '..', 'target', 'release', 'dossier');
import { bundle } from '../../scripts/build.mjs';

// The page reader module as a classic script whose exports are the global `DossierCollect`.
const collectJs = bundle('extension/content/collect.js', 'iife', 'DossierCollect');
const pages = fs.readdirSync(path.join(testsDir, 'pages')).filter((n) => fs.existsSync(path.join(testsDir, 'pages', n, 'source.html'))).sort();

function cliPage(name) {
  return JSON.parse(execFileSync(CLI, ['blocks', path.join(testsDir, 'pages', name, 'source.html')], { maxBuffer: 1 << 28 }));
}

for (const name of BROWSERS) {
  describe(`block collection in ${name} equals the CLI's`, { concurrency: false }, () => {
    let b;
    let srv;
    let core;
    before(async () => {
      core = await loadCore();
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
        // The reader runs in the page itself here (same code, same DOM), over
        // what the extension has folded: folds must not change what is read.
        await settled(b, tab);
        const sent = await tab.eval((src) => {
          (0, eval)(src);
          const D = globalThis.DossierCollect;
          const snap = D.snapshot(document);
          const w = D.walk(document);
          return {
            snap: { html: snap.html, noscriptRaw: snap.noscriptRaw, count: snap.els.length, url: snap.url },
            walk: { text: w.text, nums: w.nums, url: w.url },
          };
        }, collectJs);
        // What the background does with it.
        const fromSnap = core.readSerialized(sent.snap.html, sent.snap.noscriptRaw, sent.snap.count, sent.snap.url, 100000);

        const fromWalk = core.readPacked(sent.walk.text, Uint32Array.from(sent.walk.nums), sent.walk.url, 100000);
        const visible = await tab.eval((src, a, z) => {
          // Firefox's driver keeps no script global from one call to the
          // next: the settled page is read again (the same elements).
          (0, eval)(src);
          const D = globalThis.DossierCollect;
          const f = (els, read) => (read ? D.resolve(els, read.blocks)?.visible ?? null : null);
          // What the extension sends instead, read before the blocks are known:
          // every element's visibility, in the same pass.
          const g = (vis, attrHidden, read) => (read ? read.blocks.map((blk) => D.blockVisible(blk, vis, attrHidden)) : null);
          const snap = D.snapshot(document);
          const w = D.walk(document);
          // A loose run (text beside block-level children) as the content
          // script finds it in its element: its own text's nodes from where
          // the core says the run starts, a <br> the "\n" between them.
          const run = (blk, len) => {
            let out = '';
            for (const s of D.ownSegments(snap.els[blk.i], blk.from)) {
              if (s.end <= 0 || s.start >= len) continue;
              out = out.padEnd(Math.max(0, s.start), '\n') + s.node.data.slice(Math.max(0, -s.start), len - s.start);
            }
            return out.padEnd(len, '\n');
          };
          // What the extension sends for a serialization: its blocks' visibility
          // alone, one character a block, once the core has named their elements.
          const blocks = (read) => {
            if (!read) return null;
            const vis = D.blocksVisibilityReader(snap.els, read.blocks.map((blk) => blk.i))(Infinity);
            return read.blocks.map((blk, k) => D.blockVisible({ folded: blk.folded, hidden: blk.hidden, i: k }, vis, snap.attrHidden));
          };
          return {
            loose: a ? a.blocks.flatMap((blk, k) => (Number.isInteger(blk.from) ? [[k, run(blk, a.page.blocks[k].text.length)]] : [])) : [],
            serialized: f(snap.els, a),
            dom: f(w.els, z),
            upfront: { serialized: g(D.visibility(snap.els), snap.attrHidden, a), dom: g(w.vis, w.attrHidden, z) },
            blocks: blocks(a),
          };
        }, collectJs, fromSnap, fromWalk);
        // Every loose run's text is found in the DOM where the core says it is.
        for (const [k, text] of visible.loose) assert.equal(text, fromSnap.page.blocks[k].text, `loose run, block ${k}`);
        if (page === 'inline-markup') assert.ok(visible.loose.length >= 4, 'loose runs checked');
        // Read up front, the visibility of every block is the one read after.
        assert.deepEqual(visible.upfront.serialized, visible.serialized, 'visibility read up front (serialization)');
        assert.deepEqual(visible.blocks, visible.serialized, 'visibility of the blocks alone (serialization)');
        assert.deepEqual(visible.upfront.dom, visible.dom, 'visibility read during the walk');
        const got = {};
        for (const [how, read] of [['serialized', fromSnap], ['dom', fromWalk]]) {
          assert.ok(read && visible[how], `${how}: the page is read`);
          read.page.blocks.forEach((b, k) => {
            b.visible = visible[how][k];
          });
          got[how] = read.page;
        }
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
