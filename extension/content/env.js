// The page environment every in-page part shares: the extension API, message
// strings, messages to the background, shadow-root styles, and the guard that
// keeps our own DOM changes from looking like page changes. The demo page
// (www/demo.js) imports this module too and supplies what it lacks (no
// extension API there): its message strings with useMessages(), no sender.

const api = globalThis.browser || globalThis.chrome;
/** The WebExtension API, or undefined on the demo page. */
export const ext = api && api.runtime && api.runtime.id ? api : undefined;

/** Whether this is Firefox (whose messages clone typed arrays; Chrome's are JSON). */
export const GECKO = (() => {
  try {
    return !!ext && ext.runtime.getURL('').startsWith('moz-extension:');
  } catch (_) {
    return false;
  }
})();

let messages = null;
/** Message strings for a page without the extension API (the demo): `_locales/<l>/messages.json`'s content. */
export function useMessages(m) {
  messages = m;
}

// The extension's strings as the background resolved them for the
// browser's language (`{key: text}`, U+E001… where substitution 1… goes):
// sent with the settings, so that labels cost no call to the browser here.
// A content script's first i18n.getMessage waits on the browser for the
// whole catalogue (1.5–4.8 ms in Chromium), and every call in Firefox
// crosses into the extension's privileged code (docs/performance.md).
let templates = null;
/** Uses `map` (from the background: messageTemplates() there) for the strings it has. */
export function useTemplates(map) {
  templates = map && typeof map === 'object' ? map : null;
}

/** The string for `key` with `subs` for its placeholders; the key itself when there is none. */
export function i18n(key, subs = []) {
  if (messages) {
    const m = messages[key];
    if (!m) return key;
    return m.message.replace(/\$(\w+)\$/g, (_, name) => {
      const ph = m.placeholders && m.placeholders[name.toLowerCase()];
      const idx = ph ? Number(ph.content.slice(1)) - 1 : -1;
      return subs[idx] ?? '';
    });
  }
  if (templates && typeof templates[key] === 'string') {
    const list = Array.isArray(subs) ? subs : [subs];
    return templates[key].replace(/[\ue001-\ue009]/g, (c) => String(list[c.charCodeAt(0) - 0xe001] ?? ''));
  }
  try {
    const m = ext.i18n.getMessage(key, subs);
    if (m) return m;
  } catch (_) {
    /* the extension was reloaded under us */
  }
  return key;
}

/** One message to the background; resolves with its answer. (On the demo page: `{ok: true}`.) */
export function send(msg) {
  if (!ext) return Promise.resolve({ ok: true });
  return new Promise((resolve, reject) => {
    try {
      const p = ext.runtime.sendMessage(msg, (res) => {
        const err = ext.runtime.lastError;
        if (err) reject(new Error(err.message));
        else resolve(res);
      });
      // Firefox's `browser` returns a promise and ignores the callback.
      if (p && typeof p.then === 'function') p.then(resolve, reject);
    } catch (e) {
      reject(e);
    }
  });
}

// One constructed sheet per style text, shared by every shadow root that
// uses it (a page of many folds parses the placeholder's style once), or
// false where the browser refuses one here.
const sheets = new Map();

/** Styles a shadow root: a constructed sheet where allowed (one for all roots of the same style), else a <style>. */
export function adoptStyles(root, css) {
  let sheet = sheets.get(css);
  if (sheet !== false) {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
      }
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) {
        sheets.set(css, sheet);
        return;
      }
    } catch (_) {
      /* NOTE: Firefox content scripts may refuse a sheet built in their compartment */
    }
    sheets.set(css, false);
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.prepend(style);
}

// Our own DOM changes must not look like page changes to the observer: the
// records they cause are taken and dropped as soon as they are made.
let ownMutations = 0;
let observer = null;

/** Runs `fn`, which changes the DOM on Dossier's behalf. */
export function mutating(fn) {
  ownMutations++;
  try {
    return fn();
  } finally {
    ownMutations--;
    if (observer) observer.takeRecords();
  }
}

/**
 * Calls `onChange` after the page (not Dossier) changed the DOM below
 * `root`, until `signal` aborts.
 */
export function observePage(root, onChange, signal) {
  if (signal.aborted || typeof MutationObserver !== 'function') return;
  const mo = new MutationObserver((records) => {
    if (ownMutations || !records.length) return;
    onChange();
  });
  mo.observe(root, { childList: true, subtree: true, characterData: true });
  observer = mo;
  signal.addEventListener('abort', () => {
    mo.disconnect();
    if (observer === mo) observer = null;
  }, { once: true });
}
