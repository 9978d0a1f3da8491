// The content script's entry point: collects the page's blocks, asks the
// background (where the WASM core runs: Chrome will not compile WASM in a
// content script on pages whose CSP forbids it) for the report, and folds
// the repeats. Listens to the popup for "Show all" / "Fold repeats" and the
// per-site switch.
'use strict';

(() => {
  const D = (globalThis.__dossier = globalThis.__dossier || {});
  if (D.started) return; // injected twice (e.g. a reload of the extension)
  D.started = true;
  const api = globalThis.browser || globalThis.chrome;
  const GECKO = (() => {
    try {
      return api.runtime.getURL('').startsWith('moz-extension:');
    } catch (_) {
      return false;
    }
  })();

  D.i18n = (key, subs) => {
    try {
      const m = api.i18n.getMessage(key, subs);
      if (m) return m;
    } catch (_) {
      /* the extension was reloaded under us */
    }
    return key;
  };

  // Our own DOM changes must not look like page changes to the observer:
  // the records they cause are taken and dropped as soon as they are made.
  let ownMutations = 0;
  let observer = null;
  D.mutating = (fn) => {
    ownMutations++;
    try {
      return fn();
    } finally {
      ownMutations--;
      if (observer) observer.takeRecords();
    }
  };
  D.isOwnMutation = () => ownMutations > 0;

  /** Styles a shadow root: a constructed sheet where allowed, else a <style>. */
  D.adoptStyles = (root, css) => {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch (_) {
      /* NOTE: Firefox content scripts may refuse a sheet built in their compartment */
    }
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  };

  const status = {
    state: 'idle', // idle | disabled | working | done | error | skipped
    error: '',
    folded: 0,
    repeats: 0,
    host: location.hostname,
    timings: {},
  };
  D.status = status;

  function send(msg) {
    return new Promise((resolve, reject) => {
      try {
        const p = api.runtime.sendMessage(msg, (res) => {
          const err = api.runtime.lastError;
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
  D.send = send;

  function tellBackground() {
    send({ type: 'cs:state', folded: D.foldedCount(), repeats: status.repeats, state: status.state, timings: status.timings }).catch(() => {});
  }
  D.onFoldChange = () => {
    status.folded = D.foldedCount();
    tellBackground();
  };

  async function loadSettings() {
    const res = await send({ type: 'cs:settings' });
    return res && res.settings ? res.settings : { disabledSites: [], autoFold: true };
  }

  function siteDisabled(settings) {
    return (settings.disabledSites || []).includes(location.hostname);
  }

  let blockTexts = [];

  // Main-thread time of one reading of the page, by phase (ms).
  const clock = () => ({ collect: 0, post: 0, analyze: 0, fold: 0, from: '' });
  function timed(t, key, fn) {
    const a = performance.now();
    try {
      return fn();
    } finally {
      t[key] += performance.now() - a;
    }
  }

  // The fast way: the page's serialization (one read) goes to the
  // background, which finds the blocks in it off this thread; only the
  // blocks' elements and their visibility are read here. Null when this
  // way fails (no HTML serialization, a DOM that does not serialize back,
  // a background restarted in between): collect() then reads the DOM.
  async function readSerialized(t, rescan) {
    const snap = timed(t, 'collect', () => D.snapshot(document));
    if (!snap) return null;
    const reading = timed(t, 'post', () => {
      const msg = { type: 'cs:read', noscriptRaw: snap.noscriptRaw, count: snap.els.length, url: snap.url, attrHidden: snap.attrHidden };
      // Firefox clones a typed array for a third of what a long string
      // costs this thread (make bench); Chrome's messages are JSON, which
      // has no typed arrays. (Lone surrogates become U+FFFD either way: the
      // core gets its text as UTF-8.)
      if (GECKO) msg.bytes = new TextEncoder().encode(snap.html);
      else msg.html = snap.html;
      return send(msg);
    });
    const read = await waited(t, reading);
    if (!read || !read.ok) return null;
    if (rescan && read.signature === lastSignature) return { same: true };
    if (!read.blocks.length) return { empty: true, signature: read.signature };
    const found = timed(t, 'collect', () => D.resolve(snap.els, read.blocks));
    if (!found) return null;
    const pending = timed(t, 'post', () => send({ type: 'cs:analyzeRead', token: read.token, visible: found.visible }));
    const res = await waited(t, pending);
    if (!res || res.expired) return null;
    return { res, refs: found.refs, texts: res.texts || [], signature: read.signature };
  }

  async function readDom(t, rescan) {
    const { page, refs } = timed(t, 'collect', () => D.collect(document));
    const sig = D.signature(page);
    if (rescan && sig === lastSignature) return { same: true };
    if (!page.blocks.length) return { empty: true, signature: sig };
    // Posting the page copies it on this thread (structured clone / JSON):
    // main-thread time like the walk, so it counts.
    const pending = timed(t, 'post', () => send({ type: 'cs:analyze', page }));
    const res = await waited(t, pending);
    return { res, refs, texts: page.blocks.map((b) => b.text), signature: sig };
  }

  async function waited(t, promise) {
    const a = performance.now();
    try {
      return await promise;
    } catch (_) {
      return null;
    } finally {
      t.analyze += performance.now() - a;
    }
  }

  /** Reads the page and analyses it; returns false when a rescan found nothing new. */
  async function run(rescan = false) {
    const before = status.state;
    status.state = 'working';
    const t = clock();
    let got = await readSerialized(t, rescan);
    t.from = 'serialization';
    if (!got) {
      got = await readDom(t, rescan);
      t.from = 'dom';
    }
    if (got.same) {
      status.state = before;
      return false;
    }
    lastSignature = got.signature;
    if (got.empty) {
      status.state = 'done';
      tellBackground();
      return true;
    }
    const res = got.res;
    if (!res || !res.ok) {
      status.state = res && res.skipped ? 'skipped' : 'error';
      status.error = (res && res.error) || 'no answer from the background';
      console.warn('Dossier:', status.error);
      tellBackground();
      return true;
    }
    timed(t, 'fold', () => {
      blockTexts = got.texts;
      D.setReport(res.report, got.refs, (i) => blockTexts[i] || '');
      status.repeats = D.repeatCount();
      // After "Show all", a page that changes keeps everything shown.
      if (shownByUser) {
        /* the reader asked to see everything */
      } else if (D.settings.autoFold !== false) D.foldAll();
      else D.markAll();
    });
    status.folded = D.foldedCount();
    status.state = 'done';
    status.timings = { ...t, mainThread: t.collect + t.post + t.fold };
    D.sidebar.update(res.report);
    if (D.settings.autoOpen && !openedOnce) {
      openedOnce = true;
      D.sidebar.open();
    }
    tellBackground();
    watch();
    return true;
  }

  // Pages that change after load (single-page sites, infinite scroll, live
  // blogs): new text is read again after a quiet moment and analysed if
  // the blocks changed; bursts of changes cost one pass, and a page that
  // never stops changing is re-read at most every few seconds.
  let openedOnce = false;
  let lastSignature = '';
  let pending = null;
  let lastRun = 0;
  let reruns = 0;
  const MAX_RERUNS = 50;
  function watch() {
    if (observer || typeof MutationObserver !== 'function') return;
    observer = new MutationObserver((records) => {
      if (ownMutations || !records.length || status.state === 'disabled') return;
      if (pending) return;
      const wait = Math.max(800, 3000 - (Date.now() - lastRun));
      pending = setTimeout(rescan, wait);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }
  async function rescan() {
    pending = null;
    if (status.state === 'disabled' || status.state === 'working' || reruns >= MAX_RERUNS) return;
    lastRun = Date.now();
    try {
      if (await run(true)) reruns++;
    } catch (e) {
      fail(e);
    }
  }

  // The reader's last choice: "Show all" holds until "Fold repeats".
  let shownByUser = false;
  D.showAll = () => {
    shownByUser = true;
    D.unfoldAll();
    D.onFoldChange();
    D.sidebar.update();
  };
  D.refold = () => {
    shownByUser = false;
    D.foldAll();
    D.onFoldChange();
    D.sidebar.update();
  };

  function stop() {
    D.unfoldAll();
    D.clearHighlight();
    status.folded = 0;
    status.state = 'disabled';
    D.sidebar.update(null);
    tellBackground();
  }

  // Esc closes the sidebar from anywhere while it is open.
  window.addEventListener(
    'keydown',
    (ev) => {
      if (ev.key === 'Escape' && D.sidebar.isOpen()) D.sidebar.close();
    },
    true,
  );

  api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (!msg || typeof msg.type !== 'string') return false;
    switch (msg.type) {
      case 'popup:status':
        sendResponse({ ...status, folded: D.foldedCount() });
        return false;
      case 'bg:toggleSidebar':
        D.sidebar.toggle();
        sendResponse({ ok: true, open: D.sidebar.isOpen() });
        return false;
      case 'popup:showAll':
        D.showAll();
        sendResponse({ ok: true, folded: 0 });
        return false;
      case 'popup:fold':
        if (status.state !== 'disabled') D.refold();
        sendResponse({ ok: true, folded: D.foldedCount() });
        return false;
      case 'bg:siteSwitch':
        D.settings.disabledSites = msg.disabledSites || [];
        if (siteDisabled(D.settings)) stop();
        else if (status.state === 'disabled') run().catch(fail);
        sendResponse({ ok: true });
        return false;
      default:
        return false;
    }
  });

  function fail(e) {
    status.state = 'error';
    status.error = String((e && e.message) || e);
    console.warn('Dossier:', status.error);
    tellBackground();
  }

  (async () => {
    try {
      D.settings = await loadSettings();
      if (siteDisabled(D.settings)) {
        status.state = 'disabled';
        tellBackground();
        return;
      }
      await run();
    } catch (e) {
      fail(e);
    }
  })();
})();
