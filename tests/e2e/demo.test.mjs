// The demo page (www/, built into dist/www, served by `make demo`) in both
// browsers: the bundled sample article folds its seven repeats and the same
// sidebar lists its people, with nothing but the page itself.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, waitFor } from './browsers.mjs';
import { startServer, testsDir } from './server.mjs';
import { requireBuild } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const WWW = path.resolve(testsDir, '..', 'dist', 'www');

for (const name of BROWSERS) {
  describe(`demo page in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      if (!fs.existsSync(path.join(WWW, 'index.html'))) throw new Error('dist/www missing: run make build');
      srv = await startServer({ roots: { '/www/': WWW + '/' } });
      b = await launch(name, requireBuild(name));
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    it('analyses the sample article', async () => {
      const tab = await b.open(`${srv.base}/www/`);
      await tab.eval(() => document.getElementById('sample').click());
      await waitFor(() => tab.eval(() => document.body.dataset.ready === 'true'), { what: 'demo ready' });
      const status = await tab.eval(() => document.getElementById('status').textContent);
      assert.match(status, /^15 paragraphs, 7 folded as repeats/);
      const hidden = await tab.eval(() => [...document.querySelectorAll('#article p')].map((p) => getComputedStyle(p).display === 'none'));
      assert.deepEqual(hidden, [...Array(8).fill(false), ...Array(7).fill(true)]);
      const people = await tab.eval(() =>
        [...document.querySelector('dossier-sidebar').shadowRoot.querySelectorAll('section[data-section="people"] .label')].map((x) => x.textContent),
      );
      for (const p of ['Hun Sen', 'Sam Rainsy', 'Prum Sokha', 'Yeam Sovan', 'Norodom Sihamoni']) assert.ok(people.includes(p), p);
      await tab.close();
    });

    it('analyses pasted HTML without running its scripts', async () => {
      const tab = await b.open(`${srv.base}/www/`);
      await tab.eval(() => {
        window.__pwned = false;
        document.getElementById('source').value =
          '<p>Officials of the ruling party met the opposition leader Sam Rainsy in Phnom Penh on Tuesday.</p><img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script><p>Officials of the ruling party met the opposition leader Sam Rainsy in Phnom Penh on Tuesday.</p>';
        document.getElementById('analyze').click();
      });
      await waitFor(() => tab.eval(() => document.body.dataset.ready === 'true'), { what: 'demo ready' });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await tab.eval(() => window.__pwned), false);
      assert.match(await tab.eval(() => document.getElementById('status').textContent), /1 folded/);
      await tab.close();
    });
  });
}
