// Data safety and sync, in both browsers: settings are entries in
// storage.sync (one per option and per site, with the time each was set)
// mirrored in storage.local (extension/settings.js). Version-1 settings (one
// object in storage.local) move there and survive a browser restart and an
// extension update; a damaged value falls back to the defaults with a
// message on the options page; a full storage.sync keeps the settings on
// the device, says so, and syncs them once there is room; a change synced
// from another device shows on the open options page and joins this
// device's own, and a site switched off there stops Dossier on this
// device's open tabs of that site at once.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, waitFor } from './browsers.mjs';
import { startServer } from './server.mjs';
import { requireBuild, settled } from './helpers.mjs';
import { isOpen } from './ui.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const MINE = { version: 1, disabledSites: ['example.org', 'localhost'], autoFold: false, autoOpen: true };
const DEFAULTS = { version: 1, disabledSites: [], autoFold: true, autoOpen: false };
const api = (b) => (b.name === 'chromium' ? 'chrome' : 'browser');
/** Both stored copies: storage.sync's entries, storage.local's mirror, and any version-1 object left. */
const stored = (b) =>
  b.ext(new Function(`const a = ${api(b)}.storage;
    return Promise.all([a.sync.get(null), a.local.get(['settingsEntries', 'settings', 'syncStatus'])]).then(([s, l]) =>
      ({ sync: s, local: l.settingsEntries || {}, legacy: l.settings ?? null, status: l.syncStatus ?? null }));`));
const storeLegacy = (b, v) => b.ext(new Function('v', `return ${api(b)}.storage.local.set({ settings: v })`), v);
const syncSet = (b, v) => b.ext(new Function('v', `return ${api(b)}.storage.sync.set(v)`), v);
const syncRemove = (b, keys) => b.ext(new Function('k', `return ${api(b)}.storage.sync.remove(k)`), keys);
const clearAll = (b) => b.ext(new Function(`return Promise.all([${api(b)}.storage.sync.clear(), ${api(b)}.storage.local.clear()])`));

/** The settings entries say (the later entry of a key wins), as a reader of this test can check by hand. */
function view(...copies) {
  const e = {};
  for (const c of copies) for (const [k, v] of Object.entries(c)) if (!e[k] || v.t > e[k].t) e[k] = v;
  const s = { ...DEFAULTS, disabledSites: [] };
  for (const k of ['autoFold', 'autoOpen']) if (e['o:' + k]) s[k] = e['o:' + k].v;
  s.disabledSites = Object.keys(e).filter((k) => k.startsWith('s:') && e[k].off).map((k) => k.slice(2)).sort();
  return s;
}

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

    it('version-1 settings move into storage.sync, and survive a browser restart', async () => {
      b = await launch(name, requireBuild(name), { profile });
      await storeLegacy(b, MINE);
      // The content script acts on them: "localhost" stays off.
      let tab = await b.open(`http://localhost:${srv.port}/pages/example/`);
      assert.equal((await settled(b, tab)).state, 'disabled');
      await tab.close();
      const s = await waitFor(async () => {
        const x = await stored(b);
        return x.legacy === null ? x : null;
      }, { what: 'the version-1 object moved' });
      assert.deepEqual(view(s.sync), MINE, 'storage.sync holds them');
      assert.deepEqual(view(s.local), MINE, 'storage.local mirrors them');
      assert.deepEqual(Object.keys(s.sync).sort(), ['o:autoFold', 'o:autoOpen', 's:example.org', 's:localhost']);
      await b.close();
      b = await launch(name, requireBuild(name), { profile });
      const after = await stored(b);
      assert.deepEqual(view(after.local, after.sync), MINE);
      tab = await b.open(`http://localhost:${srv.port}/pages/example/?after-restart`);
      assert.equal((await settled(b, tab)).state, 'disabled');
      await tab.close();
    });

    it('survive an extension update', async () => {
      await b.update();
      const s = await stored(b);
      assert.deepEqual(view(s.local, s.sync), MINE);
      const tab = await b.open(`http://localhost:${srv.port}/pages/example/?after-update`);
      assert.equal((await settled(b, tab)).state, 'disabled');
      await tab.close();
    });

    it('a damaged value falls back to the defaults, with a message', async () => {
      await clearAll(b);
      await storeLegacy(b, { version: 1, disabledSites: 'everything', autoFold: 'yes', autoOpen: false });
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
      const st = await stored(b);
      assert.equal(st.legacy, null);
      assert.deepEqual(view(st.local, st.sync), DEFAULTS);
    });

    it('a site switched off on another device stops Dossier on its open tabs here, and back on', async () => {
      const tab = await b.open(`${srv.base}/pages/example/?remote-switch`);
      assert.equal((await settled(b, tab)).folded, 7);
      const id = await tab.id();
      const folded = () => tab.eval(() => document.querySelectorAll('[data-dossier-folded]').length);
      assert.ok((await folded()) > 0);
      await syncSet(b, { 's:127.0.0.1': { off: true, t: Date.now() + 1000 } });
      await waitFor(async () => (await settled(b, tab, ['disabled'])).state === 'disabled', { what: 'the tab switched off' });
      assert.equal(await folded(), 0, 'the page as it was');
      await syncSet(b, { 's:127.0.0.1': { off: false, t: Date.now() + 2000 } });
      await waitFor(async () => {
        const s = await settled(b, tab, ['done']);
        return s.state === 'done' && s.folded === 7;
      }, { what: 'the tab on again, folding' });
      assert.ok(id != null);
      await tab.close();
    });

    it('a change synced from another device shows on the open options page, beside this one', async () => {
      const options = await b.extPage('options/options.html');
      // This device: "Only mark them" (a real click).
      await options.click('#fold-mark');
      await waitFor(async () => (await stored(b)).sync['o:autoFold']?.v === false, { what: 'autoFold synced' });
      // Another device, later: auto-open on, and a site off.
      const later = Date.now() + 1000;
      await syncSet(b, { 'o:autoOpen': { v: true, t: later }, 's:other.example': { off: true, t: later } });
      await waitFor(() => options.eval(() => document.getElementById('auto-open').checked && document.getElementById('sites').textContent.includes('other.example')), { what: 'the options page updated' });
      assert.equal(await options.eval(() => document.getElementById('fold-mark').checked), true, "this device's change stays");
      await options.close();
      const s = await stored(b);
      assert.deepEqual(view(s.local, s.sync), { version: 1, disabledSites: ['other.example'], autoFold: false, autoOpen: true });
    });

    it('a full storage.sync: kept on this device, said, and synced when there is room', async () => {
      await clearAll(b);
      // Another device's sites fill storage.sync (100 KB).
      const filler = {};
      for (let i = 0; i < 500; i++) filler[`s:${'x'.repeat(200)}${i}.example`] = { off: true, t: 1 };
      const keys = Object.keys(filler);
      let filled = 0;
      for (let i = 0; i < keys.length; i += 20) {
        const chunk = Object.fromEntries(keys.slice(i, i + 20).map((k) => [k, filler[k]]));
        try {
          await syncSet(b, chunk);
          filled = i + 20;
        } catch (_) {
          break;
        }
      }
      // Then as full as one small entry can tell: single entries until refused.
      for (let i = filled; i < keys.length; i++) {
        try {
          await syncSet(b, { [keys[i]]: filler[keys[i]] });
          filled = i + 1;
        } catch (_) {
          break;
        }
      }
      assert.ok(filled < keys.length, `storage.sync refused more than ${filled} entries`);
      // And the last bytes: smaller and smaller entries, down to one smaller than any setting.
      const pads = [];
      for (let len = 128; len >= 1; len = Math.floor(len / 2)) {
        for (;;) {
          const k = `s:${'p'.repeat(len)}${pads.length}.x`;
          try {
            await syncSet(b, { [k]: { off: true, t: 1 } });
            pads.push(k);
          } catch (_) {
            break;
          }
        }
      }
      const options = await b.extPage('options/options.html');
      await options.click('#auto-open');
      const msg = await waitFor(() => options.eval(() => {
        const s = document.getElementById('sync');
        return s.hidden ? null : s.textContent;
      }), { what: 'the sync message' });
      assert.match(msg, /full/);
      assert.match(msg, /kept on this device/);
      let s = await stored(b);
      assert.equal(s.local['o:autoOpen'].v, true, 'kept in storage.local');
      assert.equal(s.sync['o:autoOpen'], undefined, 'not in storage.sync');
      assert.equal(s.status.ok, false);
      // It works here all the same: the sidebar opens by itself.
      const tab = await b.open(`${srv.base}/pages/example/?sync-full`);
      await settled(b, tab);
      await waitFor(() => isOpen(tab), { what: 'the sidebar opened automatically' });
      await tab.close();
      // Room again (sites removed on the other device): the message goes, and the setting syncs.
      await syncRemove(b, [...keys.slice(0, 50), ...pads]);
      await waitFor(async () => (await stored(b)).sync['o:autoOpen']?.v === true, { what: 'the pending setting synced' });
      await waitFor(() => options.eval(() => document.getElementById('sync').hidden), { what: 'the message gone' });
      s = await stored(b);
      assert.equal(s.status.ok, true);
      await options.close();
    });
  });
}
