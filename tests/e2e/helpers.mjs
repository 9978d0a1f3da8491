// Helpers shared by the end-to-end test files.
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from './browsers.mjs';
import { testsDir } from './server.mjs';

// The tests' build of the extension (`node scripts/build.mjs --test`, `make build-test`):
// the shipped one plus the hooks they drive it by (extension/test/background.js).
export const distDir = (browser) => path.resolve(testsDir, '..', 'dist', browser === 'chromium' ? 'chrome-test' : 'firefox-test');

export function requireBuild(browser) {
  const dir = distDir(browser);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`make build-test\` first (make test does)`);
  }
  return dir;
}

/** The state a tab's content script last reported to the background. */
export async function tabState(b, tabId) {
  if (b.name === 'chromium') return b.ext((id) => (globalThis.__dossierTabState && globalThis.__dossierTabState.get(id)) || null, tabId);
  return b.ext((id) => browser.runtime.sendMessage({ type: 'test:tabState', tabId: id }), tabId);
}

/** Every message the tab's content script sent the background, in order (`{type, at, reply}`; the tests' build only). */
export async function tabMessages(b, tabId) {
  if (b.name === 'chromium') return b.ext((id) => (globalThis.__dossierTabMessages && globalThis.__dossierTabMessages.get(id)) || [], tabId);
  return b.ext((id) => browser.runtime.sendMessage({ type: 'test:messages', tabId: id }), tabId);
}

/** Waits until the content script of the tab has finished with the page (or stopped). */
export async function settled(b, tab, states = ['done', 'disabled', 'error', 'skipped']) {
  const id = await tab.id();
  return waitFor(async () => {
    const s = await tabState(b, id);
    return s && states.includes(s.state) ? s : null;
  }, { what: 'the content script to settle' });
}

export async function badge(b, tabId) {
  const api = b.name === 'chromium' ? 'chrome' : 'browser';
  return b.ext(new Function('id', `return ${api}.action.getBadgeText({ tabId: id })`), tabId);
}

/** The page's DOM as the HTML parser builds it from `html`, serialised (parsed in a neutral page). */
export async function parsedDom(tab, html) {
  return tab.eval((src) => new DOMParser().parseFromString(src, 'text/html').documentElement.outerHTML, html);
}

export async function liveDom(tab) {
  return tab.eval(() => document.documentElement.outerHTML);
}

export async function clickPopup(b, tabId, selector) {
  const popup = await b.popup(tabId);
  await popup.click(selector);
  await new Promise((r) => setTimeout(r, 300));
  const text = await popup.eval(() => document.getElementById('status').textContent);
  await popup.close();
  return text;
}

/** Per article paragraph: is it folded (hidden by us)? */
export async function foldedParagraphs(tab, selector = '.article-body > p') {
  return tab.eval((sel) => [...document.querySelectorAll(sel)].map((p) => p.hasAttribute('data-dossier-folded') && getComputedStyle(p).display === 'none'), selector);
}
