// Unit tests of the synced settings (extension/settings.js) over a fake
// WebExtension storage with storage.sync's quotas: the move from version 1,
// two devices changing different things, the later change winning, a site
// switched on again reaching the other device, a full sync storage (kept on
// the device, said, sent later), damaged entries, and that reading never
// reads the whole of storage.local (where the reading memory lives).
// Run: node --test tests/js/ (make test-js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsStore, mergeEntries } from '../../extension/settings.js';

const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/** One storage area; `quota` makes it refuse writes as Chrome's and Firefox's storage.sync do. */
function area({ quota = false, getAll = true } = {}) {
  const data = new Map();
  const calls = { set: 0 };
  const bytes = () => [...data].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  return {
    data,
    async get(keys) {
      if (keys === null) {
        if (!getAll) throw new Error('read the whole area');
        return Object.fromEntries([...data].map(([k, v]) => [k, clone(v)]));
      }
      const list = typeof keys === 'string' ? [keys] : keys;
      const out = {};
      for (const k of list) if (data.has(k)) out[k] = clone(data.get(k));
      return out;
    },
    async set(obj) {
      calls.set++;
      const next = new Map(data);
      for (const [k, v] of Object.entries(obj)) next.set(k, clone(v));
      if (quota) {
        const n = [...next].reduce((s, [k, v]) => s + k.length + JSON.stringify(v).length, 0);
        if (next.size > 512) throw new Error('MAX_ITEMS quota exceeded');
        if (n > 102400) throw new Error('QUOTA_BYTES quota exceeded');
      }
      for (const [k, v] of next) data.set(k, v);
    },
    async remove(keys) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
    bytes,
    calls,
  };
}

/** A device: its own storage.local, and a storage.sync (shared when the test says so). */
function device(sync, clock) {
  const local = area({ getAll: false });
  return { local, store: settingsStore({ storage: { local, sync } }, clock) };
}

function clock(start = 1000) {
  let t = start;
  const now = () => t;
  now.tick = (d = 1) => (t += d);
  return now;
}

test('version-1 settings in storage.local become entries, in both areas, and the old key goes', async () => {
  const sync = area({ quota: true });
  const now = clock();
  const a = device(sync, now);
  await a.local.set({ settings: { version: 1, disabledSites: ['example.org', 'localhost'], autoFold: false, autoOpen: true } });
  const r = await a.store.readSettings();
  assert.deepEqual(r.settings, { version: 1, disabledSites: ['example.org', 'localhost'], autoFold: false, autoOpen: true });
  assert.deepEqual(r.problems, []);
  assert.equal(r.sync.ok, true);
  assert.equal(a.local.data.has('settings'), false);
  assert.deepEqual(Object.keys(Object.fromEntries(sync.data)).sort(), ['o:autoFold', 'o:autoOpen', 's:example.org', 's:localhost']);
  assert.deepEqual(sync.data.get('s:localhost'), { off: true, t: 1 });
});

test("moved settings are older than anything synced: another device's choice wins, sites join", async () => {
  const sync = area({ quota: true });
  const now = clock();
  const b = device(sync, now);
  await b.store.setOption('autoFold', true);
  await b.store.setSite('b.example', true);
  const a = device(sync, now);
  await a.local.set({ settings: { version: 1, disabledSites: ['a.example'], autoFold: false, autoOpen: false } });
  const s = await a.store.loadSettings();
  assert.equal(s.autoFold, true);
  assert.deepEqual(s.disabledSites, ['a.example', 'b.example']);
  assert.deepEqual(await b.store.loadSettings(), s);
});

/** The browser's sync service: each key of each area reaches the others, the later write of a key last. */
function reconcile(...areas) {
  const all = new Map();
  for (const ar of areas) for (const [k, v] of ar.data) if (!all.has(k) || all.get(k).t < v.t) all.set(k, v);
  for (const ar of areas) for (const [k, v] of all) ar.data.set(k, clone(v));
}

test('two devices changing different sites and options keep both changes', async () => {
  // Each device writes its own copy of storage.sync; the service reconciles them later.
  const now = clock();
  const syncA = area({ quota: true });
  const syncB = area({ quota: true });
  const a = device(syncA, now);
  const b = device(syncB, now);
  // As the background does it: read, change, save.
  const sa = await a.store.loadSettings();
  sa.disabledSites.push('a.example');
  sa.autoOpen = true;
  now.tick();
  await a.store.saveSettings(sa);
  const sb = await b.store.loadSettings();
  sb.disabledSites.push('b.example');
  sb.autoFold = false;
  now.tick();
  await b.store.saveSettings(sb);
  reconcile(syncA, syncB);
  const want = { version: 1, disabledSites: ['a.example', 'b.example'], autoFold: false, autoOpen: true };
  assert.deepEqual(await a.store.loadSettings(), want);
  assert.deepEqual(await b.store.loadSettings(), want);
});

test('the same option changed on two devices: the later change wins, even delivered first', async () => {
  const now = clock();
  const syncA = area({ quota: true });
  const syncB = area({ quota: true });
  const a = device(syncA, now);
  const b = device(syncB, now);
  await a.store.setOption('autoOpen', true);
  now.tick(5);
  await b.store.setOption('autoOpen', false);
  // The service delivers A's older write to B last, over B's own.
  syncB.data.set('o:autoOpen', clone(syncA.data.get('o:autoOpen')));
  // B's mirror knows its later change: B keeps it and sends it again…
  assert.equal((await b.store.loadSettings()).autoOpen, false);
  assert.equal(syncB.data.get('o:autoOpen').v, false);
  // …and A takes it once it arrives.
  reconcile(syncA, syncB);
  assert.equal((await a.store.loadSettings()).autoOpen, false);
});

test('a site switched on again on one device is on again on the other', async () => {
  const sync = area({ quota: true });
  const now = clock();
  const a = device(sync, now);
  const b = device(sync, now);
  await a.store.setSite('news.example', true);
  assert.deepEqual((await b.store.loadSettings()).disabledSites, ['news.example']);
  now.tick();
  await b.store.setSite('news.example', false);
  assert.deepEqual((await a.store.loadSettings()).disabledSites, []);
});

test('a full storage.sync: settings kept on the device, said, and sent when there is room again', async () => {
  const sync = area({ quota: true });
  const now = clock();
  const a = device(sync, now);
  // Another device filled it with long site names.
  const filler = {};
  let used = 0;
  for (let i = 0; ; i++) {
    const k = `s:${'x'.repeat(200)}${i}.example`;
    const n = k.length + JSON.stringify({ off: true, t: 1 }).length;
    if (used + n > 102400 - 20) break;
    filler[k] = { off: true, t: 1 };
    used += n;
  }
  // One more, to leave 10 bytes free.
  const pad = 102400 - used - 10 - JSON.stringify({ off: true, t: 1 }).length - 's:.example'.length;
  filler[`s:${'p'.repeat(pad)}.example`] = { off: true, t: 1 };
  await sync.set(filler);
  now.tick();
  const status = await a.store.setSite('mine.example', true);
  assert.equal(status.ok, false);
  assert.equal(status.quota, true);
  assert.match(status.error, /quota/i);
  assert.equal(sync.data.has('s:mine.example'), false);
  // It works on this device all the same.
  assert.ok((await a.store.loadSettings()).disabledSites.includes('mine.example'));
  const r = await a.store.readSettings();
  assert.equal(r.sync.ok, false);
  assert.equal(r.sync.quota, true);
  // Reading again while storage.sync is as full as it was tries no write (not one per page load)…
  const tries = sync.calls.set;
  const statusWrites = a.local.calls.set;
  await a.store.loadSettings();
  await a.store.loadSettings();
  assert.equal(sync.calls.set, tries);
  assert.equal(a.local.calls.set, statusWrites, 'the unchanged status is not written again');
  // …room again (sites removed elsewhere): the next read sends what storage.sync lacks.
  await sync.remove(Object.keys(filler).slice(0, 10));
  await a.store.loadSettings();
  assert.deepEqual(sync.data.get('s:mine.example'), { off: true, t: now() });
  assert.equal((await a.store.readSettings()).sync.ok, true);
});

test('without storage.sync at all, settings live in storage.local', async () => {
  const now = clock();
  const local = area({ getAll: false });
  const store = settingsStore({ storage: { local } }, now);
  const status = await store.setOption('autoFold', false);
  assert.equal(status.ok, false);
  assert.equal((await store.loadSettings()).autoFold, false);
});

test('damaged entries are dropped, said once, and removed', async () => {
  const sync = area({ quota: true });
  const now = clock();
  const a = device(sync, now);
  await sync.set({ 'o:autoFold': { v: 'yes', t: 5 }, 's:bad host!': { off: true, t: 5 }, 's:good.example': { off: true, t: 5 }, 'o:unknown': { v: true, t: 5 } });
  const r = await a.store.readSettings();
  assert.deepEqual(r.settings.disabledSites, ['good.example']);
  assert.equal(r.settings.autoFold, true);
  assert.ok(r.problems.length >= 1);
  assert.deepEqual((await a.store.readSettings()).problems, []);
  assert.deepEqual(Object.keys(Object.fromEntries(sync.data)), ['s:good.example']);
});

test('a damaged version-1 value: defaults, and the problems kept for the options page', async () => {
  const sync = area({ quota: true });
  const a = device(sync, clock());
  await a.local.set({ settings: { version: 1, disabledSites: 'everything', autoFold: 'yes', autoOpen: false } });
  // The background reads first (for a page)…
  assert.deepEqual(await a.store.loadSettings(), { version: 1, disabledSites: [], autoFold: true, autoOpen: false });
  // …and the options page still hears what was repaired, once.
  const r = await a.store.readSettings();
  assert.ok(r.problems.includes('autoFold was not true/false'), r.problems);
  assert.deepEqual((await a.store.readSettings()).problems, []);
});

test('the later entry wins a merge, the first copy on a tie', () => {
  const m = mergeEntries({ 'o:autoOpen': { v: true, t: 2 } }, { 'o:autoOpen': { v: false, t: 3 } }, { 'o:autoOpen': { v: true, t: 3 } });
  assert.deepEqual(m.entries, { 'o:autoOpen': { v: false, t: 3 } });
});
