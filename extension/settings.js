// Settings follow the reader: they live in storage.sync (the browser's own
// sync, when the reader has it on), one entry per option and per site rather
// than one blob, each with the time it was set, and are mirrored in
// storage.local (the same entries under one key, `settingsEntries`, so that
// reading them never reads the rest of storage.local):
//
//   "o:autoFold" -> {v: true,  t: 1733580000000}
//   "o:autoOpen" -> {v: false, t: ...}
//   "s:<host>"   -> {off: true, t: ...}   (off: false is a site switched on
//                                           again, kept so that the change
//                                           reaches the other devices)
//
// Two devices that change different options or different sites never undo
// each other: the browser's sync merges entries key by key, and where both
// changed the same key the later change wins (here too, when the local
// mirror and the synced copy differ). storage.sync is small (Chrome and
// Firefox: 100 KB, 8 KB an entry, 512 entries): when a write there fails
// (full, or sync unavailable) the settings still work from the local
// mirror, the options page says so, and every later save tries again to
// send what the synced copy lacks. The reading memory ("already read") is
// not a setting and never goes here.
//
// The settings of version 1 (one `settings` object in storage.local) are
// moved into entries on first read, as the oldest entries there are: a
// setting another device already synced wins over them, and their sites
// join the other device's. Whatever is stored is checked entry by entry: a
// damaged one is dropped (and said so) instead of failing.

export const DEFAULTS = Object.freeze({
  version: 1,
  disabledSites: [],
  autoFold: true,
  autoOpen: false,
});

const OPTIONS = ['autoFold', 'autoOpen'];
const HOST = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/i;
const LEGACY = 'settings';
const MIRROR = 'settingsEntries';
const STATUS = 'syncStatus'; // storage.local only: {ok, quota, error, at}
const PROBLEMS = 'settingsProblems'; // storage.local only: what the move from version 1 repaired, until the options page says it
// A site switched on again is remembered this long, then forgotten (a device
// offline for longer may bring its "off" back).
const TOMBSTONE_MS = 180 * 24 * 3600 * 1000;

/** A clean settings object from anything (the version-1 object, or what a caller built). */
export function sanitize(raw) {
  const out = { ...DEFAULTS, disabledSites: [] };
  const problems = [];
  if (raw == null) return { settings: out, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('settings were not an object');
    return { settings: out, problems };
  }
  if (Array.isArray(raw.disabledSites)) {
    out.disabledSites = [...new Set(raw.disabledSites.filter((h) => typeof h === 'string' && HOST.test(h)))].sort();
    if (out.disabledSites.length !== raw.disabledSites.length) problems.push('dropped invalid site names');
  } else if (raw.disabledSites !== undefined) {
    problems.push('disabledSites was not a list');
  }
  for (const k of OPTIONS) {
    if (typeof raw[k] === 'boolean') out[k] = raw[k];
    else if (raw[k] !== undefined) problems.push(`${k} was not true/false`);
  }
  return { settings: out, problems };
}

const isEntryKey = (k) => k.startsWith('o:') || k.startsWith('s:');

/** Is `e` a well-formed entry for key `k`? */
function validEntry(k, e) {
  if (!e || typeof e !== 'object' || !Number.isFinite(e.t)) return false;
  if (k.startsWith('o:')) return OPTIONS.includes(k.slice(2)) && typeof e.v === 'boolean';
  return HOST.test(k.slice(2)) && typeof e.off === 'boolean';
}

/**
 * The entries of several stored copies merged: per key the latest entry
 * (on a tie, the first copy's). Damaged entries are left out and counted
 * in `problems`.
 */
export function mergeEntries(...copies) {
  const out = {};
  const problems = [];
  for (const copy of copies) {
    for (const [k, e] of Object.entries(copy || {})) {
      if (!isEntryKey(k)) continue;
      if (!validEntry(k, e)) {
        problems.push(`dropped a damaged entry (${k.slice(0, 40)})`);
        continue;
      }
      if (!out[k] || e.t > out[k].t) out[k] = e;
    }
  }
  return { entries: out, problems: [...new Set(problems)] };
}

/** The settings the entries say. */
export function settingsFrom(entries) {
  const s = { ...DEFAULTS, disabledSites: [] };
  for (const k of OPTIONS) if (entries['o:' + k]) s[k] = entries['o:' + k].v;
  s.disabledSites = Object.keys(entries)
    .filter((k) => k.startsWith('s:') && entries[k].off)
    .map((k) => k.slice(2))
    .sort();
  return s;
}

/** The entries that turn `from` (entries) into the settings `to`, stamped `t`. */
export function changes(from, to, t) {
  const cur = settingsFrom(from);
  const out = {};
  for (const k of OPTIONS) if (typeof to[k] === 'boolean' && to[k] !== cur[k]) out['o:' + k] = { v: to[k], t };
  const want = new Set(to.disabledSites || []);
  for (const h of want) if (!cur.disabledSites.includes(h)) out['s:' + h] = { off: true, t };
  for (const h of cur.disabledSites) if (!want.has(h)) out['s:' + h] = { off: false, t };
  return out;
}

/** A settings store over a WebExtension API (`browser` or `chrome`). */
export function settingsStore(api, now = () => Date.now()) {
  const local = api.storage.local;
  const sync = api.storage.sync;
  // Monotonic per store: two changes in one millisecond keep their order.
  let last = 0;
  const stamp = () => (last = Math.max(now(), last + 1));
  // storage.sync as it was when it last refused what this device has to send.
  let refusedAt = null;

  async function getSync() {
    if (!sync) throw new Error('storage.sync is not available');
    return sync.get(null);
  }
  async function setLocal(c) {
    // Read again just before writing: another page of the extension may have written meanwhile.
    const cur = (await local.get(MIRROR))[MIRROR] || {};
    await local.set({ [MIRROR]: { ...cur, ...c } });
  }

  /** Sends to storage.sync what it lacks or has older; notes the outcome in storage.local. */
  async function push(localEntries, syncEntries) {
    const pending = {};
    for (const [k, e] of Object.entries(localEntries)) {
      if (!syncEntries || !syncEntries[k] || syncEntries[k].t < e.t) pending[k] = e;
    }
    // Sites switched on long ago: forgotten everywhere.
    const old = Object.keys(localEntries).filter((k) => k.startsWith('s:') && !localEntries[k].off && now() - localEntries[k].t > TOMBSTONE_MS);
    let status;
    try {
      if (syncEntries === null) throw new Error('storage.sync is not available');
      if (Object.keys(pending).length) await sync.set(pending);
      if (old.length) await sync.remove(old);
      status = { ok: true, quota: false, error: '' };
    } catch (e) {
      const msg = String((e && e.message) || e);
      status = { ok: false, quota: /quota|max_items|bytes/i.test(msg), error: msg };
      console.warn('Dossier: settings not synced, kept on this device:', msg);
    }
    if (old.length) {
      const cur = (await local.get(MIRROR))[MIRROR] || {};
      for (const k of old) delete cur[k];
      await local.set({ [MIRROR]: cur });
    }
    // Written only when it changes: a page listening to storage changes
    // (the options page) must not be woken by every retry.
    const before = (await local.get(STATUS))[STATUS];
    if (!before || before.ok !== status.ok || before.quota !== status.quota || before.error !== status.error) await local.set({ [STATUS]: status });
    return status;
  }

  /** Both stored copies merged, after moving version-1 settings into entries. */
  async function read() {
    const problems = [];
    let loc = {};
    let legacy;
    try {
      const got = await local.get([MIRROR, LEGACY]);
      loc = got[MIRROR] && typeof got[MIRROR] === 'object' ? got[MIRROR] : {};
      legacy = got[LEGACY];
      if (LEGACY in got) loc[LEGACY] = legacy;
    } catch (e) {
      console.warn('Dossier: could not read settings, using defaults:', e);
      return { entries: {}, local: {}, sync: null, problems: ['settings could not be read'] };
    }
    let syn = null;
    try {
      syn = await getSync();
    } catch (e) {
      console.warn('Dossier: could not read synced settings:', e);
    }
    if (LEGACY in loc) {
      // Version 1: one object in storage.local. Its values become the
      // oldest entries (t: 1), so that what another device synced wins.
      const { settings, problems: p } = sanitize(loc[LEGACY]);
      problems.push(...p);
      if (p.length) await local.set({ [PROBLEMS]: p });
      const moved = changes({}, settings, 1);
      // Defaults explicitly, so this device's choices are entries too.
      for (const k of OPTIONS) moved['o:' + k] = { v: settings[k], t: 1 };
      const fresh = {};
      for (const [k, e] of Object.entries(moved)) if (!loc[k]) fresh[k] = e;
      delete loc[LEGACY];
      await setLocal(fresh);
      await local.remove(LEGACY);
      Object.assign(loc, fresh);
      await push(mergeEntries(loc).entries, syn);
    }
    const merged = mergeEntries(loc, syn || {});
    problems.push(...merged.problems);
    // What this device changed while storage.sync refused it (full, or
    // off) goes there as soon as it takes it again.
    // Retried on a read only when storage.sync changed since it last
    // refused (another device made room): not on every page load.
    if (syn) {
      const mine = mergeEntries(loc).entries;
      if (Object.keys(mine).some((k) => !syn[k] || syn[k].t < mine[k].t)) {
        const sig = JSON.stringify(syn).length + ':' + Object.keys(syn).length;
        if (sig !== refusedAt) refusedAt = (await push(merged.entries, syn)).ok ? null : sig;
      }
    }
    return { entries: merged.entries, local: loc, sync: syn, problems };
  }

  return {
    read,
    /** `{settings, problems, sync}`: the settings, what had to be repaired, and whether they sync (`{ok, quota, error}`). */
    async readSettings() {
      const r = await read();
      // What an earlier read (the background's, for a page) repaired and nobody said yet.
      const earlier = (await local.get(PROBLEMS).catch(() => ({})))[PROBLEMS];
      if (Array.isArray(earlier) && earlier.length) {
        r.problems = [...new Set([...earlier.map(String), ...r.problems])];
        await local.remove(PROBLEMS).catch(() => {});
      }
      if (r.problems.length) {
        console.warn('Dossier: settings repaired:', r.problems.join('; '));
        // Stored repaired: damaged entries go, so the message does not return.
        const bad = (o) => Object.keys(o || {}).filter((k) => isEntryKey(k) && !validEntry(k, o[k]));
        const keep = { ...r.local };
        for (const k of bad(r.local)) delete keep[k];
        await local.set({ [MIRROR]: keep }).catch(() => {});
        if (r.sync) await sync.remove(bad(r.sync)).catch(() => {});
      }
      const status = (await local.get(STATUS).catch(() => ({})))[STATUS] || { ok: true, error: '' };
      return { settings: settingsFrom(r.entries), problems: r.problems, sync: status };
    },
    async loadSettings() {
      return settingsFrom((await read()).entries);
    },
    /** Stores `s` (a whole settings object): only what changed gets a new entry. Returns the sync status. */
    async saveSettings(s) {
      const r = await read();
      const c = changes(r.entries, sanitize(s).settings, stamp());
      return this.write(c, r);
    },
    /** Sets one option (`autoFold`, `autoOpen`). */
    async setOption(name, value) {
      if (!OPTIONS.includes(name) || typeof value !== 'boolean') throw new Error(`bad option ${name}`);
      return this.write({ ['o:' + name]: { v: value, t: stamp() } });
    },
    /** Switches Dossier off (or on again) for one site. */
    async setSite(host, off) {
      if (!HOST.test(host)) throw new Error(`bad site ${host}`);
      return this.write({ ['s:' + host]: { off: !!off, t: stamp() } });
    },
    async write(c, r = null) {
      const cur = r || (await read());
      if (Object.keys(c).length) await setLocal(c);
      const loc = { ...cur.entries, ...c };
      return push(loc, cur.sync);
    },
  };
}

const api = globalThis.browser || globalThis.chrome;
const store = api && api.storage ? settingsStore(api) : null;

/** The stored settings, repaired, with what had to be repaired (empty when nothing), and the sync status. */
export const readSettings = () => store.readSettings();
export const loadSettings = () => store.loadSettings();
export const saveSettings = (s) => store.saveSettings(s);
export const setOption = (name, value) => store.setOption(name, value);
export const setSite = (host, off) => store.setSite(host, off);
