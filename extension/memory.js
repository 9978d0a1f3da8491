// "Already read" (issue 21 part 1; docs/adr/0006): the background's store of
// the paragraphs the reader was shown, as prints (hashed shingles, never
// text: src/repeats/memory.rs), and the fold of a paragraph read before on
// another page.
//
// Where: IndexedDB of the extension, database `dossier-memory`, object store
// `pages`, one record a page: {id, url (no fragment), title, published,
// seen (ms), host, prints (Uint32Array)}. Never synced, never exported.
// The on/off switch is storage.local `memory` = {enabled}. Bounded: at most
// MAX_PARAS paragraphs and MAX_BYTES bytes of prints; the pages read
// longest ago are forgotten first. Nothing is stored or looked up in a
// private window, or when the switch is off; sites where Dossier is off are
// never analysed, so never stored.
import { pack } from './pack.js';
import { loadSettings } from './settings.js';

// Looked up when used (so Node's tests can stand one in).
const ext = () => globalThis.browser || globalThis.chrome;

export const MAX_PARAS = 50000;
export const MAX_BYTES = 5 * 1024 * 1024;
const DB = 'dossier-memory';

/** 32-bit FNV-1a of a host name: its site number in the core's index. */
export function siteId(host) {
  let h = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) {
    h ^= host.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The page's address as remembered: without its fragment. */
export function pageUrl(url) {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return String(url || '');
  }
}

/** The page's address without query and fragment: pages that differ only there are one page. */
export function samePath(url) {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return String(url || '');
  }
}

/**
 * Whether this page may be remembered and looked up: the switch is on, the
 * tab is not in a private window, the page is http(s).
 */
export function memoryAllowed({ enabled, incognito, url }) {
  return enabled !== false && !incognito && /^https?:/.test(String(url || ''));
}

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function openDb() {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => {
    const s = r.result.createObjectStore('pages', { keyPath: 'id', autoIncrement: true });
    s.createIndex('url', 'url', { unique: true });
    s.createIndex('host', 'host');
  };
  return request(r);
}

function tx(db, mode, fn) {
  return new Promise((resolve, reject) => {
    const t = db.transaction('pages', mode);
    let out;
    t.oncomplete = () => resolve(out);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
    Promise.resolve(fn(t.objectStore('pages'))).then((v) => {
      out = v;
    }, reject);
  });
}

/** The store: the IndexedDB records and, once loaded, the core's index of them. */
export function memoryStore(core) {
  let loading = null;
  // id -> {url, title, published, seen, host} of each stored page.
  const meta = new Map();
  let index = null;

  async function load() {
    if (!loading) {
      loading = (async () => {
        const db = await openDb();
        const all = await tx(db, 'readonly', (s) => request(s.getAll()));
        all.sort((a, b) => a.seen - b.seen);
        index = new core.MemoryIndex();
        for (const p of all) {
          try {
            index.add(p.id, siteId(p.host), p.prints);
            meta.set(p.id, { url: p.url, title: p.title, published: p.published, seen: p.seen, host: p.host });
          } catch {
            // A record this version cannot read: left for Forget.
          }
        }
        return db;
      })().catch((e) => {
        loading = null;
        throw e;
      });
    }
    return loading;
  }

  // On unless the reader switched it off. (The end-to-end tests' build
  // starts with it off: their other files open one page under several
  // addresses; tests/e2e/memory.test.mjs turns it back on.)
  const defaults = { enabled: true };
  async function enabled() {
    const got = await ext().storage.local.get('memory');
    const m = got && got.memory;
    return m && typeof m.enabled === 'boolean' ? m.enabled : defaults.enabled;
  }

  async function deleteIds(db, ids) {
    if (!ids.length) return;
    await tx(db, 'readwrite', (s) => {
      for (const id of ids) s.delete(id);
    });
    for (const id of ids) meta.delete(id);
  }

  return {
    defaults,
    enabled,
    /**
     * The core's instance was replaced (after a panic, or a cold start in
     * the tests' build): the index lived in the old instance's memory, so it
     * is built again from IndexedDB on next use.
     */
    reset() {
      index = null;
      loading = null;
      meta.clear();
    },
    async setEnabled(on) {
      await ext().storage.local.set({ memory: { enabled: !!on } });
    },

    /**
     * After the analysis of `page` (its blocks' text and visibility) in a
     * tab: adds a `read_before` (or `site_boilerplate`) group to the report
     * for each paragraph read on another page, then remembers this page's
     * paragraphs (those not folded as in-page repeats).
     */
    async afterAnalysis(page, report, { url, title, incognito }) {
      if (!memoryAllowed({ enabled: await enabled(), incognito, url })) return;
      const host = new URL(url).hostname;
      // A site where Dossier is off is never analysed; and never remembered.
      const settings = await loadSettings();
      if ((settings.disabledSites || []).includes(host)) return;
      const db = await load();
      const site = siteId(host);
      const skip = new Set();
      for (const g of report.repeats) for (const c of g.copies) skip.add(c);
      const { text, nums } = pack(page);
      const prints = core.memoryPrints(text, nums, Uint32Array.from(skip));
      const key = pageUrl(url);
      const own = await tx(db, 'readonly', (s) => request(s.index('url').getKey(key)));
      // This very page read before, under any query string (a reload with
      // tracking parameters, say), is not "read before".
      const path = samePath(key);
      const exclude = [...meta].filter(([, m]) => samePath(m.url) === path).map(([id]) => id);
      const hits = index.lookup(prints, site, Uint32Array.from(exclude));
      for (let k = 0; k + 3 < hits.length; k += 4) {
        const [block, id, , boiler] = hits.subarray(k, k + 4);
        const m = meta.get(id);
        if (!m || !page.blocks[block]) continue;
        const end = (page.blocks[block].text || '').length;
        report.repeats.push({
          kind: boiler ? 'site_boilerplate' : 'read_before',
          original: [],
          copies: [block],
          spans: [{ block, start: 0, end }],
          memory: boiler ? { host } : { url: m.url, title: m.title, seen: m.seen },
        });
      }
      if (!prints.length) return;
      const rec = { url: key, title: String(title || report.title || key).slice(0, 300), published: report.published || null, seen: Date.now(), host, prints };
      if (own !== undefined) rec.id = own;
      const id = await tx(db, 'readwrite', (s) => request(s.put(rec)));
      index.add(id, site, prints);
      meta.set(id, { url: rec.url, title: rec.title, published: rec.published, seen: rec.seen, host });
      await deleteIds(db, [...index.evict(MAX_PARAS, MAX_BYTES)]);
    },

    /** {enabled, pages, paragraphs, bytes, oldest, sites: [{host, pages}]} for the options page. */
    async summary() {
      await load();
      const sites = new Map();
      let oldest = null;
      for (const m of meta.values()) {
        sites.set(m.host, (sites.get(m.host) || 0) + 1);
        if (oldest === null || m.seen < oldest) oldest = m.seen;
      }
      return {
        enabled: await enabled(),
        pages: meta.size,
        paragraphs: index.paragraphs(),
        bytes: index.bytes(),
        oldest,
        sites: [...sites].map(([host, pages]) => ({ host, pages })).sort((a, b) => a.host.localeCompare(b.host)),
      };
    },

    /** Forgets every page of `host`, or everything when `host` is null. */
    async forget(host = null) {
      const db = await load();
      const ids = [...meta].filter(([, m]) => host === null || m.host === host).map(([id]) => id);
      if (host === null) {
        await tx(db, 'readwrite', (s) => request(s.clear()));
        meta.clear();
      } else {
        await deleteIds(db, ids);
      }
      index.remove(Uint32Array.from(ids));
      return ids.length;
    },
  };
}

/** The background's messages for the options page. */
export function memoryHandlers(store) {
  return {
    'opt:memory': async (msg) => {
      if (msg.op === 'set') await store.setEnabled(!!msg.enabled);
      else if (msg.op === 'forget') await store.forget(typeof msg.host === 'string' ? msg.host : null);
      return { ok: true, memory: await store.summary() };
    },
  };
}
