// The background of the end-to-end tests' build (dist/<browser>-test, made by
// `node scripts/build.mjs --test`; never shipped): the real background plus
// the hooks the tests drive it by. The shipped build has none of them
// (tests/extension_rules.rs checks the packages).
//
//   test:tabState {tabId}  the state the tab's content script last reported
//   test:tabFor {url}      the id of the tab whose content script is at url
//   test:panicNext         the next analysis panics inside the core (the WASM
//                          of this build has the `test-hooks` feature)
//   test:coldNext          the next analysis starts the core from nothing
//                          (fetch, compile, instantiate, model load)
//   test:memory            the background's memory: the core's WebAssembly
//                          memory and, where the browser says, the JS heap
//   test:messages {tabId}  every message the tab's content script sent, in
//                          order (`{type, at}`), with the answer to each
//                          analysis (`reply`: its JSON), to check that a page
//                          load is one message and one answer, without the
//                          blocks' text
// In Chromium the tests reach the service worker directly: the same as
// globalThis.__dossierTabState and globalThis.__dossierPanicNext().
import { analysis, handlers, dropCore, coreMemory } from '../background.js';

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
const analyzeHandler = handlers['cs:analyze'];
handlers['cs:analyze'] = async (msg, sender) => {
  const res = await analyzeHandler(msg, sender);
  const log = logOf(sender);
  const entry = log && [...log].reverse().find((m) => m.type === 'cs:analyze' && !('reply' in m));
  if (entry) entry.reply = JSON.stringify(res);
  return res;
};
handlers['test:messages'] = async (msg) => tabMessages.get(msg.tabId) || [];
handlers['test:coldNext'] = async () => {
  dropCore();
  return { ok: true };
};
const memory = async () => {
  const m = performance.memory; // Chromium only
  return { wasm_bytes: (await coreMemory()).buffer.byteLength, js_bytes: m ? m.usedJSHeapSize : null, js_total_bytes: m ? m.totalJSHeapSize : null };
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
globalThis.__dossierMemory = memory;
globalThis.__dossierPanicNext = panicNext;
