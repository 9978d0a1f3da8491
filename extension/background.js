// The background: runs the WASM core for content scripts, keeps the settings,
// sets the toolbar badge. A Chrome module service worker or a Firefox
// background script; either may be stopped when idle, so nothing lives only
// in memory: settings are in storage.local, and the module is instantiated
// again on the first message after a restart.
import init, * as core from './pkg/dossier.js';
import { loadSettings, saveSettings } from './settings.js';
import './settings-watch.js';
import { analyzePage, pack, unpackReport } from './pack.js';
import { MAX_BLOCKS, blockVisible, signature, textShape } from './content/collect.js';
import { memoryStore, memoryHandlers } from './memory.js';

const api = globalThis.browser || globalThis.chrome;

// Pages with more text than this are skipped with a message rather than
// analysed. The analysis is linear, at roughly 0.5-1 MB of text a second in
// the browser (make bench): 2 M characters is a few seconds in the
// background, ten times any news article; a 10 MB dump would hold the
// background (and every other tab's analysis) for half a minute.
const MAX_TEXT_UNITS = 2 * 1024 * 1024;
const millions = (n) => (n / 1e6).toFixed(1);

let ready = null;
let instance = null; // the live instance's exports (its `memory`)
/** Instantiates the module once; a failed or poisoned instance is dropped and retried. */
function loadCore() {
  if (!ready) {
    ready = init({ module_or_path: api.runtime.getURL('pkg/dossier_bg.wasm') }).then(
      (ex) => (instance = ex),
      (e) => {
        ready = null;
        throw e;
      },
    );
  }
  return ready;
}

// WebAssembly memory never shrinks: after an outsized page (a 50,000-item
// list, a text near the 2 Mi-character cap) the instance would keep tens of
// MB for the rest of the session, and such pages in a row add up (scripts/
// bench/wasm-memory.mjs: 65 MB). Past this size, the next read starts on a
// fresh instance of the compiled module (about a millisecond); the models
// are registered again from their bytes, the "already read" index is built
// again from IndexedDB. An ordinary page leaves the memory under 16 MB.
const RECYCLE_BYTES = 32 * 1024 * 1024;
let reading = 0; // reads in flight: the instance is never replaced under one
function recycleIfOutsized() {
  if (reading === 0 && instance && instance.memory.buffer.byteLength > RECYCLE_BYTES) freshCore();
}
/**
 * Forgets the instantiated core: the next message loads it again from the
 * package (fetch, compile, instantiate; the model on the first analysis), as
 * after a restart of the background. (The tests' build's cold start; the
 * shipped glue cannot forget, so there it only re-awaits the same instance.)
 */
export function dropCore() {
  ready = null;
  instance = null;
  if (typeof core.__dossier_forget === 'function') core.__dossier_forget();
  memory.reset();
  // A restarted background reads its models from the package again.
  modelBytes.clear();
  prefetchModel('en');
  warmReaderModels();
}

/** The core's WebAssembly memory (`WebAssembly.Memory`), loading the core if need be. */
export async function coreMemory() {
  const exports = await loadCore();
  return exports.memory;
}

// NOTE: no top-level await in a module service worker: start loading now,
// register listeners synchronously below.
loadCore().catch((e) => console.error('Dossier: could not load the core:', e));

// The entity models: model/ner-<lang>.bin in the extension's own package
// (never the network), handed to the core; none is compiled into the WASM.
// English's is read as the background starts, beside the module's compile;
// another language's as soon as a page declaring that language says so
// (cs:settings, before the page is read), else the first time a page in
// that language is analysed. The bytes stay here too, so a fresh instance
// of the core (after a panic) gets them back without another fetch. A model
// that fails to load leaves that language's pages with the "not available"
// note, never another language's tagger.
const modelBytes = new Map(); // lang -> Promise<Uint8Array | null>

// The languages with a model file, as the core lists them (LANGUAGES in
// src/ner/registry.rs; tests/model_languages.rs checks that the lists and
// the package agree). Known here so that a page's model is fetched while
// the core compiles: asking the core (modelLanguage) would wait for it,
// and in Firefox the fetch and the compile then add up on a cold start.
const MODEL_LANGS = ['en', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt'];

/** The language whose model reads a page in `code` ("de" for "de-AT"), as the core's modelLanguage; null when none. */
export function modelLanguage(code) {
  const primary = String(code || '').trim().split(/[-_]/)[0].toLowerCase();
  return MODEL_LANGS.includes(primary) ? primary : null;
}

/**
 * Where a model's first load goes (the tests' build records the marks:
 * test:modelMarks; scripts/bench/langs.mjs reads them): `mark(step, lang)`
 * at each step. Unset in the shipped build.
 */
export const modelTrace = { mark: null };
const mark = (step, lang) => modelTrace.mark && modelTrace.mark(step, lang);

async function fetchModel(lang) {
  try {
    mark('fetch', lang);
    const res = await fetch(api.runtime.getURL(`model/ner-${lang}.bin`));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    mark('fetched', lang);
    return bytes;
  } catch (e) {
    console.warn(`Dossier: no entity model for ${lang}:`, e && e.message ? e.message : e);
    return null;
  }
}

/** Starts reading the model of `code`'s language from the package, once (no core needed). */
function prefetchModel(code) {
  const lang = modelLanguage(code);
  if (lang && !modelBytes.has(lang)) modelBytes.set(lang, fetchModel(lang));
}

prefetchModel('en');

/**
 * The languages with a model that the reader's browser asks pages in
 * (navigator.languages, the Accept-Language list, the browser's own
 * language), English left out: its model is read anyway. Never rejects.
 */
async function readerLanguages() {
  const codes = [...((globalThis.navigator && navigator.languages) || [])];
  try {
    codes.push(...((await api.i18n.getAcceptLanguages()) || []));
  } catch {
    // No such call here: navigator.languages is the same list.
  }
  try {
    codes.push(api.i18n.getUILanguage());
  } catch {
    // Idem.
  }
  return [...new Set(codes.map(modelLanguage))].filter((l) => l && l !== 'en');
}

/**
 * Reads, after English's, the models of the languages the reader's browser
 * asks for, so that a page in one of them that declares no language (its
 * model otherwise read only once its text is guessed, after the page is
 * read: 12-41 ms, docs/ner-languages.md) finds the bytes there. Only read,
 * not registered: the core registers them on the first such page (under a
 * millisecond), and a reader who accepts only English reads nothing more.
 */
function warmReaderModels() {
  Promise.resolve(modelBytes.get('en'))
    .then(readerLanguages)
    .then((langs) => langs.forEach(prefetchModel))
    .catch(() => {});
}

warmReaderModels();
// A reader who adds a language in the browser's settings (where the event
// reaches this context; Chromium's worker starts again anyway).
if (typeof globalThis.addEventListener === 'function') globalThis.addEventListener('languagechange', warmReaderModels);

/** Makes the core hold the model of `code`'s language; true when it does. */
export async function ensureModel(code) {
  const lang = core.modelLanguage(String(code || ''));
  if (!lang) return false;
  if (core.isModelLoaded(lang)) return true;
  if (!modelBytes.has(lang)) modelBytes.set(lang, fetchModel(lang));
  const bytes = await modelBytes.get(lang);
  if (!bytes) return false;
  if (core.isModelLoaded(lang)) return true;
  try {
    mark('register', lang);
    core.registerModel(lang, bytes);
    mark('registered', lang);
    return true;
  } catch (e) {
    console.warn(`Dossier: the entity model for ${lang} is not usable:`, e && e.message ? e.message : e);
    modelBytes.set(lang, Promise.resolve(null));
    return false;
  }
}

// What the language of a page that declares none with a model is guessed
// from: its visible blocks of some length (prose, not menus), up to about
// the sample the core's own identification reads (src/lang.rs).
const GUESS_MIN_BLOCK = 80;
const GUESS_SAMPLE = 3000;

/**
 * The language whose model likely reads `page`, from its prose (the core's
 * textModelLanguage), for a page that declares no language with a model;
 * English when the text does not tell. Its model is then loaded before the
 * analysis: guessed after, the page would be analysed twice.
 */
function guessLanguage(page) {
  let sample = '';
  for (const b of page.blocks || []) {
    if (sample.length >= GUESS_SAMPLE) break;
    if (b.visible !== false && (b.text || '').length >= GUESS_MIN_BLOCK) sample += `${b.text}\n`;
  }
  return core.textModelLanguage(sample) || 'en';
}

/**
 * The report of a page, with the entity model of its language: the declared
 * language's model is loaded first; when the core finds the text in another
 * language whose model is not loaded yet, that one is loaded and the page
 * analysed again, so the report is what the CLI gives for the page.
 */
async function analyzeWithModels(page, feed) {
  // The declared language's model, else the one its text seems to be in,
  // else English's; the analysis' own reading of the text has the last word below.
  mark('analyze', page.lang);
  if (!(await ensureModel(modelLanguage(page.lang) ? page.lang : guessLanguage(page)))) await ensureModel('en');
  mark('model', page.lang);
  let got = analyzeOnce(page, feed);
  // A page of several articles may hold several languages.
  const langs = [got.report, ...(got.report.articles || [])].map((r) => r.language).filter((l) => l && l.code && !l.entities);
  let loaded = false;
  for (const l of new Set(langs.map((x) => x.code))) if (!core.isModelLoaded(l) && (await ensureModel(l))) loaded = true;
  if (loaded) {
    // The text is not in the declared language (or none was declared): the
    // analysis again with the text's model (the "again" mark counts these).
    mark('again', page.lang);
    if (feed) core.feedDrop(feed);
    got = analyzeOnce(page, feed);
  }
  mark('analyzed', page.lang);
  return got;
}

/**
 * One analysis: `{report, analyzed}`, `analyzed` the blocks the core read.
 * With `feed` (the tab's key), a page of several articles that grows (an
 * endless page appending the next story) is analysed only in its new
 * articles: the core keeps the rest (src/feed.rs).
 */
function analyzeOnce(page, feed) {
  if (!feed) return { report: analyzePage(core, page, analysis.options), analyzed: (page.blocks || []).length };
  const { text, nums } = pack(page);
  const out = core.feedAnalyzePackedRaw(feed, text, nums, analysis.options);
  if (Array.isArray(out)) return { report: unpackReport(out), analyzed: (page.blocks || []).length };
  return out;
}

/**
 * How every page is analysed. The end-to-end tests' build
 * (extension/test/background.js) adds its own options here.
 */
const DEFAULT_OPTIONS = Object.freeze({ include_text: false });
export const analysis = { options: { ...DEFAULT_OPTIONS } };

async function analyze(page, feed = '') {
  let units = 0;
  for (const b of page.blocks || []) units += (b.text || '').length;
  if (units > MAX_TEXT_UNITS) {
    let message = '';
    try {
      message = api.i18n.getMessage('tooLarge', [millions(units), millions(MAX_TEXT_UNITS)]);
    } catch {
      // No i18n in this context: the English fallback below.
    }
    return { ok: false, skipped: true, error: message || `page too large to analyse (${millions(units)} M characters)` };
  }
  await loadCore();
  try {
    // Packed both ways: a string and an array cross into the WASM and
    // out of it, where the page and the report as objects cost a call
    // across per field (a tenth of the analysis each, in V8).
    const { report, analyzed } = await analyzeWithModels(page, feed);
    return { ok: true, report, analyzedBlocks: analyzed };
  } catch (e) {
    // A panic aborts the instance: start a fresh one for the next page.
    analysis.options = { ...DEFAULT_OPTIONS };
    freshCore();
    console.error('Dossier: analysis failed:', e);
    return { ok: false, error: `analysis failed: ${e && e.message ? e.message : e}` };
  }
}

/**
 * A page load (`cs:analyze`): finds the page's blocks (the core's one
 * collection rule, src/collect.rs) in what the content script read, its
 * serialization (`html`, or `bytes` of UTF-8) or a walk of its DOM (`walk`:
 * `{text, nums}`), takes each block's visibility from `vis` (the content
 * script's verdict on every element it listed, read in the same pass), and
 * analyses the page. A serialization sent without `vis` is answered first
 * with the blocks' elements (`need`, a `token`); their visibility comes in
 * a second message (`cs:visible`), answered as below. The answer: `{unread}` when the page could
 * not be read so (the content script walks the DOM then); `{same}` when the
 * blocks are those of `since` (a rescan that found nothing new); `{empty}`;
 * else the analysis (`analyzed`: `{ok, report}` or `{ok: false, error}`)
 * with each block's element (`at`: its place in the content script's list)
 * and what folding needs of the blocks' text (`lens`, `blank`), never the
 * text itself.
 */
export const memory = memoryStore(core);

/**
 * A fresh instance of the core after a trap (a panic is an abort, which can
 * leave the instance's memory half-updated). What lived in the old one is
 * gone: the "already read" index is built again from IndexedDB, and the
 * entity models are registered again from their bytes on the next analysis
 * (ensureModel).
 */
function freshCore() {
  try {
    instance = core.__dossier_reinstantiate();
    ready = Promise.resolve(instance);
  } catch (e) {
    ready = null;
    console.error('Dossier: could not restart the core:', e);
  }
  memory.reset();
}

// What the core keeps of a tab's page of several articles (src/feed.rs),
// by tab and frame; dropped when the tab closes (and bounded in the core).
// A page left for another (a new address in the frame) drops its own.
const feedKey = (sender) => (sender.tab && Number.isInteger(sender.tab.id) ? `${sender.tab.id}:${sender.frameId | 0};` : '');
const feedUrls = new Map(); // key -> the address its kept page was read at
function feedFor(sender, url) {
  const key = feedKey(sender);
  if (key && feedUrls.has(key) && feedUrls.get(key) !== url) core.feedDrop(key);
  if (key) feedUrls.set(key, url);
  return key;
}
api.tabs.onRemoved.addListener((tabId) => {
  for (const k of feedUrls.keys()) if (k.startsWith(`${tabId}:`)) feedUrls.delete(k);
  loadCore()
    .then(() => core.feedDrop(`${tabId}:`))
    .catch(() => {});
});

async function analyzeRead(msg, sender = {}, step = readAndAnalyze) {
  await loadCore();
  recycleIfOutsized();
  reading++;
  try {
    return await step(msg, sender);
  } finally {
    reading--;
  }
}

/** The page as the core reads it from the message: `{page, blocks, count}`, or null (not read so). */
function readPage(msg) {
  const url = String(msg.url || '');
  try {
    if (msg.walk) {
      const w = msg.walk;
      if (typeof w.text !== 'string' || !Array.isArray(w.nums)) return null;
      return core.readPacked(w.text, Uint32Array.from(w.nums), url, MAX_BLOCKS);
    }
    const html = msg.bytes instanceof Uint8Array ? new TextDecoder().decode(msg.bytes) : msg.html;
    if (typeof html !== 'string' || !Number.isInteger(msg.count) || msg.count < 0) return null;
    const read = core.readSerialized(html, !!msg.noscriptRaw, msg.count, url, MAX_BLOCKS);
    return read && { ...read, count: msg.count };
  } catch (e) {
    console.error('Dossier: could not read the page:', e);
    // A trap (a panic: abort) leaves the instance unusable: a fresh one.
    if (e instanceof WebAssembly.RuntimeError) freshCore();
    return null;
  }
}

// Pages read whose blocks' visibility is still to come (cs:visible), by
// token: one a tab's frame (its content script sends it right after the
// answer; a newer read of the frame replaces it), the oldest dropped past
// the cap (tabs restored all at once), and a tab's when it closes.
const awaitingVisibility = new Map();
const MAX_AWAITING = 64;
let lastToken = 0;
api.tabs.onRemoved.addListener((tabId) => {
  for (const [k, r] of awaitingVisibility) if (r.tab.startsWith(`${tabId}:`)) awaitingVisibility.delete(k);
});

async function readAndAnalyze(msg, sender) {
  const readAt = performance.now();
  const read = readPage(msg);
  // Not a serialization of that DOM: the content script walks the DOM then.
  if (!read) return { ok: false, unread: true };
  const { page, blocks } = read;
  const sig = signature(page);
  if (msg.since && msg.since === sig) return { ok: true, same: true, signature: sig };
  if (!blocks.length) return { ok: true, empty: true, signature: sig };
  const r = { page, blocks, sig, badge: !!msg.badge, attrHidden: !!msg.attrHidden, tab: feedKey(sender), bgRead: performance.now() - readAt };
  const vis = msg.vis;
  if (vis === undefined && !msg.walk) {
    // The serialization without visibility: the content script reads that
    // of the blocks' elements only (`need`: their places in its list) and
    // sends it (cs:visible), instead of every element's before it knew
    // which are blocks (a style and layout read of the whole page).
    const token = ++lastToken;
    for (const [k, kept] of awaitingVisibility) if (kept.tab && kept.tab === r.tab) awaitingVisibility.delete(k);
    awaitingVisibility.set(token, r);
    if (awaitingVisibility.size > MAX_AWAITING) awaitingVisibility.delete(awaitingVisibility.keys().next().value);
    return { ok: true, need: blocks.map((b) => b.i), token, signature: sig };
  }
  if (typeof vis !== 'string' || (read.count !== undefined && vis.length !== read.count) || blocks.some((b) => !(b.i < vis.length))) {
    return { ok: false, unread: true };
  }
  blocks.forEach((b, k) => {
    page.blocks[k].visible = blockVisible(b, vis, r.attrHidden);
  });
  return analyzeBlocks(r, sender);
}

/**
 * The second message of a page read by its serialization (cs:visible):
 * `vis`, one '1' or '0' a block (the reader sees its element or not), for
 * the page read under `token`; then as readAndAnalyze. `{unread}` when the
 * page is no longer kept (a restarted background): the content script
 * reads the DOM then.
 */
async function visibleAndAnalyze(msg, sender) {
  const r = awaitingVisibility.get(msg.token);
  awaitingVisibility.delete(msg.token);
  if (!r || r.tab !== feedKey(sender) || typeof msg.vis !== 'string' || msg.vis.length !== r.blocks.length) return { ok: false, unread: true };
  r.blocks.forEach((b, k) => {
    r.page.blocks[k].visible = blockVisible({ folded: b.folded, hidden: b.hidden, i: k }, msg.vis, r.attrHidden);
  });
  return analyzeBlocks(r, sender);
}

/** Analyses a read page whose blocks' visibility is known (readAndAnalyze's `r`) and makes the answer. */
async function analyzeBlocks(r, sender) {
  const { page, blocks } = r;
  const analyzeAt = performance.now();
  const res = await analyze(page, feedFor(sender, page.url));
  // Where the round trip goes (the content script's timings; make bench).
  res.took = { bgRead: r.bgRead, bgAnalyze: performance.now() - analyzeAt };
  res.analyzed = true;
  res.signature = r.sig;
  if (res.ok) {
    res.at = blocks.map((b) => b.i);
    Object.assign(res, textShape(page.blocks.map((b) => b.text), blocks));
    // "Already read" (extension/memory.js): folds and remembers.
    await memory
      .afterAnalysis(page, res.report, { url: sender.url || page.url, title: page.title, incognito: !!(sender.tab && sender.tab.incognito) })
      .catch((e) => console.warn('Dossier: memory:', e));
    // A page's first read: the badge is set before the answer goes back,
    // with the count the content script's folds will give, so that its own
    // word (cs:state, which corrects the badge if it differs) is no
    // longer on the way to a folded page.
    if (r.badge && sender.tab && sender.tab.id != null) {
      res.badge = await foldsOf(res.report, page);
      await setBadge(sender.tab.id, res.badge, 'done');
    }
  }
  return res;
}

/**
 * How many blocks the content script folds of `report` on a first read
 * (extension/content/fold.js foldAll and foldedCount): every copy but the
 * marked ones (a short line), the site's boilerplate (marked, open) and the
 * whole copies the page does not render; none when the reader turned folding off.
 */
async function foldsOf(report, page) {
  const s = await cachedSettings();
  if (s.autoFold === false) return 0;
  let n = 0;
  for (const g of report.repeats || []) {
    if (g.kind === 'site_boilerplate' || (!g.memory && g.action === 'mark')) continue;
    (g.copies || []).forEach((c, k) => {
      // fold.js leaves a whole copy that is not rendered alone (a hidden
      // copy is reported folded, but gets no placeholder); a part of a
      // block is folded wherever it is. Its first fold of a page takes the
      // same visibility as this (read with the page, planFolds); it also
      // leaves a copy inside a block it folded, which this cannot see: the
      // content script's own count then corrects the badge.
      const b = page.blocks[c];
      const span = (g.spans || [])[k];
      const partial = !g.memory && span && b && (span.start > 0 || span.end < (b.text || '').length);
      if (partial || !b || b.visible !== false) n += 1;
    });
  }
  return n;
}

/** Sets the tab's badge; resolves when it is set. */
async function setBadge(tabId, folded, state) {
  if (tabId == null) return;
  const text = state === 'error' ? '!' : folded > 0 ? String(folded) : '';
  await Promise.all([
    api.action.setBadgeText({ tabId, text }).catch(() => {}),
    api.action.setBadgeBackgroundColor({ tabId, color: state === 'error' ? '#b3261e' : '#44474f' }).catch(() => {}),
  ]);
}

async function setSiteDisabled(host, disabled) {
  const s = await loadSettings();
  const set = new Set(s.disabledSites);
  if (disabled) set.add(host);
  else set.delete(host);
  s.disabledSites = [...set].sort();
  await saveSettings(s);
  // Tell every tab of that site, so they stop (or start) at once.
  const tabs = await api.tabs.query({});
  for (const tab of tabs) {
    api.tabs.sendMessage(tab.id, { type: 'bg:siteSwitch', disabledSites: s.disabledSites }).catch(() => {});
  }
  return s;
}

// The settings as a content script asks for them at every page load: read
// from storage once, then kept until anything in storage changes.
let settingsCache = null;
function cachedSettings() {
  if (!settingsCache) {
    const p = loadSettings();
    settingsCache = p;
    p.catch(() => {
      if (settingsCache === p) settingsCache = null;
    });
  }
  return settingsCache;
}
api.storage.onChanged.addListener(() => {
  settingsCache = null;
});

/**
 * A page's first message (its settings) comes just before the page itself:
 * the core and the model of the page's declared language (else English's)
 * are made ready meanwhile, so a cold background compiles while the content
 * script reads the page. The model's fetch starts now, not once the core is
 * compiled: the two overlap as English's model and the compile do at start.
 */
function warmUp(lang) {
  mark('settings', lang);
  prefetchModel(lang);
  loadCore()
    .then(async () => {
      mark('core', lang);
      if (!(await ensureModel(lang))) await ensureModel('en');
    })
    .catch(() => {});
}

// The extension's strings, resolved by the browser for its language, as
// templates for the content scripts (extension/content/env.js useTemplates):
// sent with the settings, so that a page's labels cost no i18n call there.
let templatesCache = null;
function messageTemplates() {
  if (!templatesCache) {
    const locale = api.runtime.getManifest().default_locale || 'en';
    templatesCache = fetch(api.runtime.getURL(`_locales/${locale}/messages.json`))
      .then((r) => r.json())
      .then((all) => {
        // U+E001… where substitution 1… goes (env.js i18n reads them).
        const marks = Array.from({ length: 9 }, (_, k) => String.fromCharCode(0xe001 + k));
        const out = {};
        for (const key of Object.keys(all)) {
          const m = api.i18n.getMessage(key, marks);
          if (m) out[key] = m;
        }
        return out;
      })
      .catch(() => null);
  }
  return templatesCache;
}

/** The messages the background answers, by type (the tests' build adds its own). */
export const handlers = {
  'cs:analyze': (msg, sender) => analyzeRead(msg, sender),
  'cs:visible': (msg, sender) => analyzeRead(msg, sender, visibleAndAnalyze),
  'cs:settings': async (msg) => {
    warmUp(String(msg.lang || ''));
    const [settings, messages] = await Promise.all([cachedSettings(), messageTemplates()]);
    return { settings, messages };
  },
  'cs:state': async (msg, sender) => {
    await setBadge(sender.tab && sender.tab.id, msg.folded | 0, msg.state);
    return { ok: true };
  },
  'cs:openOptions': async () => {
    await api.runtime.openOptionsPage();
    return { ok: true };
  },
  ...memoryHandlers(memory),
  'popup:siteSwitch': async (msg) => ({ settings: await setSiteDisabled(String(msg.host || ''), !!msg.disabled) }),
};

/** Asks the tab's content script to open or close the sidebar. */
async function toggleSidebar(tabId) {
  if (tabId == null) return;
  try {
    await api.tabs.sendMessage(tabId, { type: 'bg:toggleSidebar' });
  } catch (_) {
    // No content script here (a browser page, a store, a file not yet
    // allowed): say so in the popup instead.
    try {
      await api.action.setPopup({ tabId, popup: 'popup/popup.html' });
      await api.action.openPopup();
    } catch (e) {
      console.warn('Dossier: nothing to show on this page:', e && e.message);
    }
  }
}

// The toolbar button and the keyboard shortcut both toggle the sidebar.
api.action.onClicked.addListener((tab) => toggleSidebar(tab && tab.id));
if (api.commands && api.commands.onCommand) {
  api.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const id = tab && tab.id != null ? tab.id : (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    toggleSidebar(id);
  });
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const h = msg && handlers[msg.type];
  if (!h) return false;
  Promise.resolve()
    .then(() => h(msg, sender))
    .then(sendResponse, (e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
  return true; // answer asynchronously
});
