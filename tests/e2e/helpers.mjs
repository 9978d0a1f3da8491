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

/** How often the tab's content script read the page and had it analysed (the tests' build counts). */
export async function counts(b, tabId) {
  if (b.name === 'chromium') return b.ext((id) => (globalThis.__dossierCounts && globalThis.__dossierCounts.get(id)) || null, tabId);
  return b.ext((id) => browser.runtime.sendMessage({ type: 'test:counts', tabId: id }), tabId);
}

/** Sends the tab's content script a message as the popup or the background would. */
export async function tell(b, tabId, msg) {
  const api = b.name === 'chromium' ? 'chrome' : 'browser';
  return b.ext(new Function('id', 'm', `return ${api}.tabs.sendMessage(id, m)`), tabId, msg);
}

/**
 * Where Dossier's folds are, read in the page: every placeholder with what
 * follows it, and any sign of a block folded twice. `ok` is false with the
 * reasons in `problems`.
 */
export const FOLD_LAYOUT = () => {
  const problems = [];
  const folds = [];
  for (const f of document.querySelectorAll('dossier-fold')) {
    const next = f.nextSibling;
    // Ours say which they are by their own inline style: a part's is inline.
    const inline = f.style.getPropertyValue('display') === 'inline';
    if (!f.isConnected || !next) {
      problems.push('a placeholder with nothing after it');
      continue;
    }
    if (next.nodeType === 1 && next.localName === 'dossier-fold') problems.push('two placeholders in a row (a block folded twice)');
    // A copy inside a link (a teaser card) gets its placeholder before the
    // outermost link, so that the placeholder is not itself a link.
    const link = !inline && next.nodeType === 1 && next.matches('a[href]') && next.querySelector('[data-dossier-folded]');
    const folded = inline ? next.nodeType === 1 && next.localName === 'dossier-part' : next.nodeType === 1 && (next.hasAttribute('data-dossier-folded') || !!link);
    if (!folded) problems.push(`a placeholder before ${next.nodeType === 1 ? '<' + next.localName + '>' : 'text'} that it does not fold`);
    folds.push({ inline, text: (next.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80) });
  }
  if (document.querySelector('dossier-part dossier-part')) problems.push('a part folded inside a folded part');
  if (document.querySelector('[data-dossier-folded] [data-dossier-folded]')) problems.push('a folded block inside a folded block');
  return { ok: problems.length === 0, problems, folds, hidden: document.querySelectorAll('[data-dossier-folded]').length };
};

/** The background's own errors so far (console.error, uncaught, unhandled rejections; the tests' build). */
export async function backgroundErrors(b) {
  if (b.name === 'chromium') return b.ext(() => (globalThis.__dossierErrors || []).slice());
  return b.ext(() => browser.runtime.sendMessage({ type: 'test:errors' }));
}

/** The background's memory: {wasm: bytes of the core's linear memory, heap: {used, total} or null}. */
export async function backgroundMemory(b) {
  if (b.name === 'chromium') return b.ext(() => globalThis.__dossierMemory());
  return b.ext(() => browser.runtime.sendMessage({ type: 'test:memory' }));
}
