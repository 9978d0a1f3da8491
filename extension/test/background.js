// The background of the end-to-end tests' build (dist/<browser>-test, made by
// `node scripts/build.mjs --test`; never shipped): the real background plus
// the hooks the tests drive it by. The shipped build has none of them
// (tests/extension_rules.rs checks the packages).
//
//   test:tabState {tabId}  the state the tab's content script last reported
//   test:tabFor {url}      the id of the tab whose content script is at url
//   test:panicNext         the next analysis panics inside the core (the WASM
//                          of this build has the `test-hooks` feature)
//   test:memory            the core's linear memory in bytes, and the JS heap
//                          where the context can read it
//   test:errors            what the background logged with console.error, and
//                          its uncaught errors and unhandled rejections
//   test:counts {tabId}    how often the tab's content script read the page
//                          (cs:read) and had it analysed (cs:analyzeRead),
//                          and when it last did each (Date.now())
// In Chromium the tests reach the service worker directly: the same as
// globalThis.__dossierTabState and globalThis.__dossierPanicNext().
// First: it watches the instances the background's import makes.
import { wasmBytes, jsHeap } from './memory.js';
import { analysis, handlers } from '../background.js';

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
  if (!counts.has(tabId)) counts.set(tabId, { reads: 0, analyses: 0, lastRead: 0, lastAnalysis: 0 });
  return counts.get(tabId);
};
for (const [type, key, at] of [['cs:read', 'reads', 'lastRead'], ['cs:analyzeRead', 'analyses', 'lastAnalysis']]) {
  const real = handlers[type];
  if (!real) continue; // renamed: test:counts then says 0, and the tests that use it fail loudly
  handlers[type] = (msg, sender) => {
    const c = countOf(sender.tab && sender.tab.id);
    c[key]++;
    c[at] = Date.now();
    return real(msg, sender);
  };
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

handlers['test:memory'] = async () => ({ wasm: wasmBytes(), heap: jsHeap() });

handlers['test:tabState'] = async (msg) => tabState.get(msg.tabId) || null;
handlers['test:tabFor'] = async (msg) => [...tabState].find(([, s]) => s.url === msg.url)?.[0] ?? null;
handlers['test:panicNext'] = async () => {
  panicNext();
  return { ok: true };
};

globalThis.__dossierTabState = tabState;
globalThis.__dossierCounts = counts;
globalThis.__dossierErrors = errors;
globalThis.__dossierMemory = () => ({ wasm: wasmBytes(), heap: jsHeap() });
globalThis.__dossierPanicNext = panicNext;
