// The background of the end-to-end tests' build (dist/<browser>-test, made by
// `node scripts/build.mjs --test`; never shipped): the real background plus
// the hooks the tests drive it by. The shipped build has none of them
// (tests/extension_rules.rs checks the packages).
//
//   test:tabState {tabId}  the state the tab's content script last reported
//   test:tabFor {url}      the id of the tab whose content script is at url
//   test:panicNext         the next analysis panics inside the core (the WASM
//                          of this build has the `test-hooks` feature)
//   test:modelMarks {reset} the steps of the models' loads and the analyses
//                          (extension/background.js modelTrace), then forgets them
//   test:coldNext          the next analysis starts the core from nothing
//                          (fetch, compile, instantiate, model load)
//   test:messages {tabId}  every message the tab's content script sent, in
//                          order (`{type, at}`), with the answer to each
//                          analysis (`reply`: its JSON), to check what a page
//                          load sends and gets back, without the blocks' text
//   test:memory            the core's linear memory in bytes, and the JS heap
//                          where the context can read it
//   test:errors            what the background logged with console.error, and
//                          its uncaught errors and unhandled rejections
//   test:counts {tabId}    how often the tab's content script sent the page
//                          (cs:analyze: reads) and how often the core
//                          analysed it (analyses: not the answers 'same'),
//                          and when it last did each (Date.now()); per
//                          analysis (`each`), the blocks the page had, the
//                          blocks the core analysed (an endless page's
//                          append: only the new article's) and its articles
// In Chromium the tests reach the service worker directly: the same as
// globalThis.__dossierTabState and globalThis.__dossierPanicNext().
// First: it watches the instances the background's import makes.
import { wasmBytes, jsHeap } from './memory.js';
import { analysis, handlers, dropCore, memory as readMemory, modelTrace } from '../background.js';

const api = globalThis.browser || globalThis.chrome;

// Last state each tab's content script reported.
const tabState = new Map();
api.tabs.onRemoved.addListener((tabId) => tabState.delete(tabId));
const panicNext = () => {
  analysis.options = { ...analysis.options, panic_for_test: true };
};

const reported = handlers['cs:state'];
handlers['cs:state'] = (msg, sender) => {
  const tabId = sender.tab && sender.tab.id;
  tabState.set(tabId, { url: sender.url, folded: msg.folded | 0, repeats: msg.repeats | 0, state: String(msg.state), timings: msg.timings || {}, at: Date.now() });
  return reported(msg, sender);
};
// Reads and analyses per tab: a page that changes must not cost a storm of them.
const counts = new Map();
api.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));
const countOf = (tabId) => {
  if (!counts.has(tabId)) counts.set(tabId, { reads: 0, analyses: 0, lastRead: 0, lastAnalysis: 0, each: [] });
  return counts.get(tabId);
};
// One cs:analyze is one read; it is an analysis unless the background
// answered that nothing changed ('same') or there was nothing to analyse
// (a serialization's analysis comes with its second message, cs:visible).
for (const type of ['cs:analyze', 'cs:visible']) {
  const real = handlers[type];
  handlers[type] = async (msg, sender) => {
    const c = countOf(sender.tab && sender.tab.id);
    if (type === 'cs:analyze') {
      c.reads++;
      c.lastRead = Date.now();
    }
    return counted(c, await real(msg, sender));
  };
}
function counted(c, res) {
  if (res && res.analyzed) {
    c.analyses++;
    c.lastAnalysis = Date.now();
    if (res.report && c.each.length < 100) {
      c.each.push({ blocks: res.report.blocks.length, analyzed: res.analyzedBlocks, articles: (res.report.articles || []).length });
    }
  }
  return res;
}
handlers['test:counts'] = async (msg) => counts.get(msg.tabId) || null;

// The background's own errors, however they surface.
const errors = [];
const note = (kind, what) => {
  if (errors.length < 200) errors.push(`${kind}: ${String((what && what.stack) || what).slice(0, 500)}`);
};
const consoleError = console.error.bind(console);
console.error = (...args) => {
  note('console.error', args.map((a) => String((a && a.message) || a)).join(' '));
  consoleError(...args);
};
globalThis.addEventListener('error', (e) => note('uncaught', e.error || e.message));
globalThis.addEventListener('unhandledrejection', (e) => note('unhandled rejection', e.reason));
handlers['test:errors'] = async () => errors.slice();

handlers['test:tabState'] = async (msg) => tabState.get(msg.tabId) || null;

// Every message from a tab's content script (any type, answered or not).
const tabMessages = new Map();
api.tabs.onRemoved.addListener((tabId) => tabMessages.delete(tabId));
const logOf = (sender) => {
  const tabId = sender.tab && sender.tab.id;
  // Pages' content scripts only (not the benchmark's extension page and its 1,000 analyses).
  if (tabId == null || !/^https?:/.test(String(sender.url || ''))) return null;
  if (!tabMessages.has(tabId)) tabMessages.set(tabId, []);
  return tabMessages.get(tabId);
};
api.runtime.onMessage.addListener((msg, sender) => {
  const log = logOf(sender);
  if (log && msg && typeof msg.type === 'string') log.push({ type: msg.type, at: Date.now() });
  return false;
});
for (const type of ['cs:analyze', 'cs:visible']) {
  const handler = handlers[type];
  handlers[type] = async (msg, sender) => {
    const res = await handler(msg, sender);
    const log = logOf(sender);
    const entry = log && [...log].reverse().find((m) => m.type === type && !('reply' in m));
    if (entry) entry.reply = JSON.stringify(res);
    return res;
  };
}
handlers['test:messages'] = async (msg) => tabMessages.get(msg.tabId) || [];
// Where a model's first load goes (scripts/bench/langs.mjs): every step the
// background marks (extension/background.js modelTrace), with its time.
const modelMarks = [];
modelTrace.mark = (step, lang) => {
  if (modelMarks.length < 1000) modelMarks.push({ step, lang: String(lang || ''), t: performance.now() });
};
handlers['test:modelMarks'] = async (msg) => {
  const out = modelMarks.slice();
  if (msg.reset) modelMarks.length = 0;
  return out;
};
handlers['test:coldNext'] = async () => {
  dropCore();
  return { ok: true };
};
// The core's linear memory and the JS heap, under the names the soak
// (wasm, heap) and the benchmark (wasm_bytes, js_bytes) read.
const memory = async () => {
  const heap = jsHeap();
  const wasm = wasmBytes();
  return { wasm, heap, wasm_bytes: wasm, js_bytes: heap ? heap.used : null, js_total_bytes: heap ? heap.total : null };
};
handlers['test:memory'] = memory;
handlers['test:tabFor'] = async (msg) => [...tabState].find(([, s]) => s.url === msg.url)?.[0] ?? null;
handlers['test:panicNext'] = async () => {
  panicNext();
  return { ok: true };
};

globalThis.__dossierTabState = tabState;
globalThis.__dossierTabMessages = tabMessages;
globalThis.__dossierColdNext = dropCore;
globalThis.__dossierModelMarks = (reset) => handlers['test:modelMarks']({ reset });
globalThis.__dossierCounts = counts;
globalThis.__dossierErrors = errors;
globalThis.__dossierMemory = memory;
// "Already read": its store (extension/memory.js).
globalThis.__dossierReadMemory = readMemory;
// Off in this build unless a test turns it on (test:memoryDefault): the
// other end-to-end files open one page under several addresses, which
// "already read" would rightly fold.
readMemory.defaults.enabled = false;
handlers['test:memoryDefault'] = async (msg) => {
  readMemory.defaults.enabled = !!msg.enabled;
  return { ok: true };
};
globalThis.__dossierPanicNext = panicNext;
