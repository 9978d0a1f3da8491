// End to end: teaser cards printed in two lists, each card a link holding its
// headline and lead (tests/e2e/fixtures/teasers.html), and a third copy of the
// list that only phones show. The second list's cards fold behind a
// placeholder that is not itself a link (issue 24 item 4); the copy the
// reader cannot see gets no placeholder; the article is never folded.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browsers.mjs';
import { startServer } from './server.mjs';
import { requireBuild, settled, foldedParagraphs, FOLD_LAYOUT } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');

for (const name of BROWSERS) {
  describe(`teaser cards in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    let tab;
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name));
      tab = await b.open(`${srv.base}/fixtures/teasers.html`);
      await settled(b, tab);
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    it("folds the second list's cards, headline and lead, and nothing of the article or the first list", async () => {
      assert.deepEqual(await foldedParagraphs(tab), [false, false, false, false]);
      assert.deepEqual(await foldedParagraphs(tab, '.most-read a > *'), [false, false, false, false]);
      assert.deepEqual(await foldedParagraphs(tab, '.more-stories a > *'), [true, true, true, true]);
    });

    it('puts the placeholder before the link, not in it, and its button does not follow the link', async () => {
      const where = await tab.eval(() =>
        [...document.querySelectorAll('dossier-fold')].map((f) => ({
          inLink: !!f.closest('a'),
          before: f.nextElementSibling ? f.nextElementSibling.getAttribute('href') : null,
          list: f.closest('section').className,
        })),
      );
      assert.deepEqual(where, [{ inLink: false, before: '#obama', list: 'cards more-stories' }]);
      // The layout check every real page gets (tests/e2e/live-check.mjs) takes
      // a placeholder before a link that holds the folded card.
      const layout = await tab.eval(FOLD_LAYOUT);
      assert.deepEqual(layout.problems, []);
      await tab.eval(() => document.querySelector('dossier-fold').shadowRoot.querySelector('button').click());
      assert.equal(await tab.eval(() => location.hash), '');
      assert.deepEqual(await foldedParagraphs(tab, '.more-stories a > *'), [false, false, false, false]);
    });

    it('leaves the copy only phones show alone: no placeholder where nothing showed', async () => {
      assert.deepEqual(await foldedParagraphs(tab, '.mobile-only a > *'), [false, false, false, false]);
      assert.equal(await tab.eval(() => document.querySelectorAll('.mobile-only dossier-fold').length), 0);
      assert.equal(await tab.eval(() => document.querySelectorAll('.mobile-only [data-dossier-folded]').length), 0);
    });
  });
}
