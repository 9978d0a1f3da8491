// End to end: the built extension in real Chromium and Firefox, against
// pages served on 127.0.0.1. See issue "Repeated paragraphs, end to end".
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitFor } from './browsers.mjs';
import { startServer, pageSource } from './server.mjs';
import { requireBuild, settled, badge, parsedDom, liveDom, clickPopup, foldedParagraphs, tabMessages } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const NINE_TO_FIFTEEN = [...Array(8).fill(false), ...Array(7).fill(true)];

for (const name of BROWSERS) {
  describe(`repeats in ${name}`, { concurrency: false }, () => {
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

    for (const variant of ['plain', 'strict CSP']) {
      const prefix = variant === 'plain' ? '' : '/csp';
      describe(`example page, ${variant}`, { concurrency: false }, () => {
        let tab;
        let tabId;
        before(async () => {
          tab = await b.open(`${srv.base}${prefix}/pages/example/`);
          tabId = await tab.id();
          await settled(b, tab);
        });
        after(() => tab.close());

        it('folds exactly paragraphs 9–15 behind one placeholder', async () => {
          assert.deepEqual(await foldedParagraphs(tab), NINE_TO_FIFTEEN);
          const labels = await tab.eval(() => [...document.querySelectorAll('dossier-fold')].map((f) => f.shadowRoot.querySelector('.label').textContent));
          assert.deepEqual(labels, ['7 repeated paragraphs — same as paragraphs 2–8']);
        });

        it('shows 7 on the badge', async () => {
          assert.equal(await badge(b, tabId), '7');
        });

        it('reads the page in two messages (the page, then its blocks\' visibility) and gets the report once, without the blocks\' text', async () => {
          const log = await tabMessages(b, tabId);
          // Up to the first report of a state: the settings, the page, the
          // visibility of the blocks the core found in it.
          const done = log.findIndex((m) => m.type === 'cs:state');
          assert.ok(done > 0, JSON.stringify(log.map((m) => m.type)));
          assert.deepEqual(log.slice(0, done).map((m) => m.type), ['cs:settings', 'cs:analyze', 'cs:visible']);
          // The first answer names the blocks' elements, and no more.
          const first = JSON.parse(log[1].reply);
          assert.deepEqual(Object.keys(first).sort(), ['need', 'ok', 'signature', 'token']);
          const reply = JSON.parse(log[2].reply);
          assert.deepEqual(first.need, reply.at);
          assert.equal(reply.ok, true);
          assert.equal(reply.report.stats.folded, 7);
          // The page's text does not come back: every block's text is left out of
          // the report, and no paragraph is anywhere in the answer.
          assert.ok(reply.report.blocks.every((blk) => blk.text === ''));
          assert.equal(reply.texts, undefined);
          for (const p of [
            'The CPP and CNRP working groups said that they will meet again sometimes this weekend.',
            "Officials of the ruling Cambodian People's Party (CPP) and the opposition Cambodia National Rescue Party (CNRP) on November 5 resumed talks",
            'Cambodia held a general election on July 28. The results showed that',
          ]) {
            assert.ok(!log[2].reply.includes(p), `the answer holds "${p}"`);
          }
          // What folding needs instead: each block's element and length.
          assert.equal(reply.at.length, reply.report.blocks.length);
          assert.equal(reply.lens.length, reply.report.blocks.length);
        });

        it('"Show" unfolds the run and "Fold" folds it again', async () => {
          const click = () => tab.eval(() => document.querySelector('dossier-fold').shadowRoot.querySelector('button').click());
          await click();
          assert.deepEqual(await foldedParagraphs(tab), Array(15).fill(false));
          // The badge follows by a message to the background: wait for it, as for the refold below.
          await waitFor(async () => (await badge(b, tabId)) === '', { what: 'badge cleared' });
          await click();
          assert.deepEqual(await foldedParagraphs(tab), NINE_TO_FIFTEEN);
          await waitFor(async () => (await badge(b, tabId)) === '7', { what: 'badge 7' });
        });

        it('"Show all" restores the original DOM exactly, "Fold repeats" folds again', async () => {
          const status = await clickPopup(b, tabId, '#show-all');
          assert.match(status, /7 repeated paragraphs, all shown/);
          assert.equal(await liveDom(tab), await parsedDom(tab, pageSource('example')));
          await waitFor(async () => (await badge(b, tabId)) === '', { what: 'badge ' + '' });
          await clickPopup(b, tabId, '#fold');
          assert.deepEqual(await foldedParagraphs(tab), NINE_TO_FIFTEEN);
          await waitFor(async () => (await badge(b, tabId)) === '7', { what: 'badge ' + '7' });
        });

        it('the per-site switch stops it, and is remembered across a reload', async () => {
          await clickPopup(b, tabId, '#site-off');
          await waitFor(async () => (await foldedParagraphs(tab)).every((f) => !f), { what: 'unfold on switch-off' });
          assert.equal(await liveDom(tab), await parsedDom(tab, pageSource('example')));
          await tab.reload();
          await settled(b, tab);
          assert.deepEqual(await foldedParagraphs(tab), Array(15).fill(false));
          assert.equal(await tab.eval(() => document.querySelectorAll('dossier-fold').length), 0);
          await waitFor(async () => (await badge(b, tabId)) === '', { what: 'badge ' + '' });
          // Switch back on: the page folds again without a reload.
          await clickPopup(b, tabId, '#site-off');
          await waitFor(async () => (await foldedParagraphs(tab)).filter(Boolean).length === 7, { what: 'fold on switch-on' });
        });
      });
    }

    it('no request leaves the extension', async () => {
      const fromExtension = srv.requests.filter((r) => /^(chrome|moz)-extension:/.test(r.headers.origin || r.headers.referer || ''));
      assert.deepEqual(fromExtension, []);
      // Only the pages the tests opened were requested.
      const unexpected = srv.requests.filter((r) => !/^\/(csp\/)?pages\/example\/$|^\/favicon\.ico$/.test(r.path));
      assert.deepEqual(unexpected.map((r) => r.path), []);
    });

    // The background sets a page's badge before it answers its first read
    // (extension/background.js foldsOf), so that the content script's own
    // word is off the time to fold: its count must be the one the page's
    // folds give (the content script's, foldedCount), or the badge would
    // show a wrong number until that word comes. Pages with whole and
    // partial copies, marked lines, several articles, other languages.
    describe('the badge set with the answer', { concurrency: false }, () => {
      for (const page of ['/pages/example/', '/pages/glued-pullquote/', '/pages/hidden-copy/', '/pages/newsletter/', '/pages/markup-edges/',
        '/fixtures/articles.html', '/fixtures/german.html', '/fixtures/spanish.html', '/fixtures/czech.html']) {
        it(`is the count the folds give: ${page}`, async () => {
          const tab = await b.open(`${srv.base}${page}`);
          try {
            const tabId = await tab.id();
            const st = await settled(b, tab);
            assert.equal(st.state, 'done');
            const log = await tabMessages(b, tabId);
            const read = log.find((m) => m.type === 'cs:visible' && m.reply);
            assert.ok(read, JSON.stringify(log.map((m) => m.type)));
            const reply = JSON.parse(read.reply);
            assert.equal(reply.badge, st.folded, `the background's count against the page's folds`);
            assert.equal(await badge(b, tabId), st.folded > 0 ? String(st.folded) : '');
          } finally {
            await tab.close();
          }
        });
      }
    });
  });
}
