// The background of the end-to-end tests' build (dist/<browser>-test, made by
// `node scripts/build.mjs --test`; never shipped): the real background plus
// the hooks the tests drive it by. The shipped build has none of them
// (tests/extension_rules.rs checks the packages).
//
//   test:tabState {tabId}  the state the tab's content script last reported
//   test:tabFor {url}      the id of the tab whose content script is at url
//   test:panicNext         the next analysis panics inside the core (the WASM
//                          of this build has the `test-hooks` feature)
// In Chromium the tests reach the service worker directly: the same as
// globalThis.__dossierTabState and globalThis.__dossierPanicNext().
import { analysis, handlers, memory } from '../background.js';

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
handlers['test:tabFor'] = async (msg) => [...tabState].find(([, s]) => s.url === msg.url)?.[0] ?? null;
handlers['test:panicNext'] = async () => {
  panicNext();
  return { ok: true };
};

globalThis.__dossierTabState = tabState;
// "Already read": its store (extension/memory.js).
globalThis.__dossierMemory = memory;
// Off in this build unless a test turns it on (test:memoryDefault): the
// other end-to-end files open one page under several addresses, which
// "already read" would rightly fold.
memory.defaults.enabled = false;
handlers['test:memoryDefault'] = async (msg) => {
  memory.defaults.enabled = !!msg.enabled;
  return { ok: true };
};
globalThis.__dossierPanicNext = panicNext;
