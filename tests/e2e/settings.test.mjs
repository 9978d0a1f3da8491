// Data safety, in both browsers: settings survive a browser restart and an
// extension update, and a damaged settings value falls back to the defaults
// with a message on the options page (and is stored repaired).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, waitFor } from './browsers.mjs';
import { startServer } from './server.mjs';
import { requireBuild, settled } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const MINE = { version: 1, disabledSites: ['example.org', 'localhost'], autoFold: false, autoOpen: true };
const api = (b) => (b.name === 'chromium' ? 'chrome' : 'browser');
const stored = (b) => b.ext(new Function(`return ${api(b)}.storage.local.get('settings').then((x) => x.settings ?? null)`));
const store = (b, v) => b.ext(new Function('v', `return ${api(b)}.storage.local.set({ settings: v })`), v);

for (const name of BROWSERS) {
  describe(`settings in ${name}`, { concurrency: false }, () => {
    let srv;
    let profile;
    let b;
    before(async () => {
      srv = await startServer();
      profile = fs.mkdtempSync(path.join(os.tmpdir(), `dossier-profile-${name}-`));
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
      fs.rmSync(profile, { recursive: true, force: true });
    });

    it('survive a browser restart', async () => {
      b = await launch(name, requireBuild(name), { profile });
      await store(b, MINE);
      await b.close();
      b = await launch(name, requireBuild(name), { profile });
      assert.deepEqual(await stored(b), MINE);
      // And they are what the content script acts on: "localhost" stays off.
      const tab = await b.open(`http://localhost:${srv.port}/pages/example/`);
      assert.equal((await settled(b, tab)).state, 'disabled');
      await tab.close();
    });

    it('survive an extension update', async () => {
      await b.update();
      assert.deepEqual(await stored(b), MINE);
      const tab = await b.open(`http://localhost:${srv.port}/pages/example/?after-update`);
      assert.equal((await settled(b, tab)).state, 'disabled');
      await tab.close();
    });

    it('a damaged value falls back to the defaults, with a message', async () => {
      await store(b, { version: 1, disabledSites: 'everything', autoFold: 'yes', autoOpen: false });
      // The content script uses the defaults: Dossier is on, and folds.
      const tab = await b.open(`${srv.base}/pages/example/?damaged`);
      const s = await settled(b, tab);
      assert.equal(s.state, 'done');
      assert.equal(s.folded, 7);
      await tab.close();
      const options = await b.extPage('options/options.html');
      const status = await waitFor(() => options.eval(() => document.getElementById('status').textContent), { what: 'the options message' });
      assert.match(status, /settings were damaged/);
      assert.match(status, /autoFold was not true\/false/);
      assert.equal(await options.eval(() => document.getElementById('fold-fold').checked), true);
      await options.close();
      assert.deepEqual(await stored(b), { version: 1, disabledSites: [], autoFold: true, autoOpen: false });
    });
  });
}
