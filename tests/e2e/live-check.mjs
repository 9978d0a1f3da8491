// One real page with its own scripts running, checked as issue 23 asks
// (make corpus-check SCRIPTS=on, and a sample of it in corpus-live.test.mjs):
//
//   1. load it; watch the page's own DOM changes (not Dossier's) from the page;
//   2. settled: no change for 2 s and Dossier has read the page after the
//      last one (15 s at most; past that the page is "still changing");
//   3. no error of Dossier's own (its state, the background's errors, the
//      extension's console errors);
//   4. each placeholder sits before the element it folds, no block folded twice;
//   5. "Show all" gives back the settled DOM byte for byte (the live DOM with
//      Dossier's marks taken out, copied into an inert document just before);
//   6. the folds are those a fresh analysis of the settled page makes: "Fold
//      repeats", then the site switched off and on (a full read and analysis
//      of the DOM as it is now), and the same elements are folded again.
import { waitFor } from './browsers.mjs';
import { tabState, counts, tell, backgroundErrors, FOLD_LAYOUT } from './helpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const QUIET_MS = 2000;
/** Causes that are the page's own doing, not Dossier's: listed, not failed. */
export const PAGE_TROUBLE = new Set(['navigated away', 'load failed', 'page changed while checked']);
// Firefox logs, with the extension as its source, that a message was still
// on its way when the harness closed the previous page: the browser's, not Dossier's.
// So is its notice that an answer came for a page that had gone into the back-forward cache.
export const BROWSER_NOTICE = /Promise (?:rejected|resolved) (?:after context unloaded|while context is inactive)|destroyed before query '[A-Za-z]+' was resolved/;
export const SETTLE_MAX_MS = 15000;

// The page's own DOM changes: a batch that adds or removes one of
// Dossier's elements is Dossier's (it folds, unfolds, opens the sidebar in
// one task, and a task's records come as one batch).
const PROBE = () => {
  if (window.__dossierProbe) return true;
  // changes: of the tree and its text (what settling waits for); attrs: of
  // attributes too (what tells a page that changed while it was checked).
  const probe = (window.__dossierProbe = { last: Date.now(), changes: 0, attrs: 0 });
  const own = (n) => n.nodeType === 1 && /^dossier-/.test(n.localName);
  new MutationObserver((records) => {
    let tree = false;
    for (const r of records) {
      if (own(r.target) || (r.target.parentNode && own(r.target.parentNode))) return;
      for (const n of r.addedNodes) if (own(n)) return;
      for (const n of r.removedNodes) if (own(n)) return;
      if (r.type === 'attributes') {
        // Dossier's own: its mark, and the style of what it marks.
        if (r.attributeName === 'data-dossier-folded' || (r.attributeName === 'style' && r.target.hasAttribute('data-dossier-folded'))) continue;
        probe.attrs++;
      } else tree = true;
    }
    if (!tree) return;
    probe.changes++;
    probe.last = Date.now();
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  return true;
};

// The DOM serialised, lone surrogates named (WebDriver's JSON cannot carry them).
const SERIALIZE = () => document.documentElement.outerHTML.replace(/\p{Cs}/gu, (c) => `<lone ${c.charCodeAt(0).toString(16)}>`);

// The live DOM serialised without Dossier's marks, which have one fixed
// form: the placeholder (its shadow root is not serialised), the hidden part,
// a folded block's mark and the `display: none !important` it adds to the
// block's style. (The page's own serializer in the page's own document: an
// inert copy would serialise <noscript> differently.) A folded block that had
// a style of its own comes back re-serialised by the CSSOM: a false alarm
// this cannot tell from a real one.
const STRIPPED = () =>
  document.documentElement.outerHTML
    .replace(/<dossier-fold data-dossier="" style="display: (?:block|inline) !important;"><\/dossier-fold>/g, '')
    .replace(/<dossier-part style="display: none !important;">|<\/dossier-part>/g, '')
    .replace(/<dossier-sidebar[^>]*><\/dossier-sidebar>/g, '')
    .replace(/<[a-zA-Z][^\s>]*[^>]* data-dossier-folded=""[^>]*>/g, (tag) =>
      tag
        .replace(/ data-dossier-folded=""/, '')
        .replace(/ style="display: none !important;"/, '')
        .replace(/( style="[^"]*?) ?display: none !important;"/, '$1"'))
    .replace(/\p{Cs}/gu, (c) => `<lone ${c.charCodeAt(0).toString(16)}>`);

// What is folded now; the first call keeps the elements (in the page) to compare with later.
const FOLDED = (keep) => {
  const els = [...document.querySelectorAll('[data-dossier-folded]')];
  const parts = [...document.querySelectorAll('dossier-part')].map((p) => p.textContent);
  if (keep) {
    window.__dossierFolded = els;
    return { n: els.length, parts, same: true };
  }
  const was = window.__dossierFolded || [];
  return { n: els.length, parts, same: was.length === els.length && was.every((e, i) => e === els[i]) };
};

function firstDiff(a, b) {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return `at char ${k} of ${a.length}/${b.length}: ${JSON.stringify(a.slice(k, k + 60))} vs ${JSON.stringify(b.slice(k, k + 60))}`;
}

/**
 * Checks one page. Returns {page, ok, cause, detail, settled, folded, ms}:
 * `cause` names the failure ("dossier error", "placeholder", "show all",
 * "fresh analysis", …) or the page's own doing (PAGE_TROUBLE: "navigated
 * away", "load failed", "page changed while checked"), null when all is well.
 */
export async function checkLivePage(b, url, { seenErrors = new Set() } = {}) {
  const t0 = Date.now();
  const out = { url, ok: false, cause: null, detail: '', settled: false, folded: 0, state: '', ms: 0 };
  const fail = (cause, detail) => Object.assign(out, { cause, detail: String(detail).split('\n')[0].slice(0, 300) });
  let tab;
  try {
    try {
      tab = await b.open(url, { waitUntil: 'domcontentloaded' });
    } catch (e) {
      return fail('load failed', e.message);
    }
    try {
      // A page's own alert() (dismissed) can cost WebDriver the command it interrupts: again.
      for (let k = 0; ; k++) {
        try {
          await tab.eval(PROBE);
          break;
        } catch (e) {
          if (k >= 3) throw e;
          await sleep(300);
        }
      }
    } catch (e) {
      // A page that sends itself elsewhere (to a host the harness refuses).
      const now = await Promise.resolve(tab.url).catch(() => '');
      if (now !== url) return fail('navigated away', `to ${now}`);
      return fail('probe', e.message);
    }
    let id;
    try {
      id = await tab.id();
    } catch (e) {
      const now = await Promise.resolve(tab.url).catch(() => '');
      if (now !== url) return fail('navigated away', `to ${now}`);
      return fail('no content script', e.message);
    }
    // Settle: quiet for 2 s, and Dossier read the page after its last change.
    const end = Date.now() + SETTLE_MAX_MS;
    let st;
    for (;;) {
      const probe = await tab.eval(() => window.__dossierProbe && { last: window.__dossierProbe.last, changes: window.__dossierProbe.changes });
      if (!probe) {
        const now = await Promise.resolve(tab.url).catch(() => '');
        return fail('navigated away', `to ${now}`);
      }
      st = await tabState(b, id);
      const c = await counts(b, id);
      const final = st && ['done', 'skipped', 'error', 'disabled'].includes(st.state);
      if (final && Date.now() - probe.last >= QUIET_MS && c && c.lastRead >= probe.last - 50) {
        out.settled = true;
        break;
      }
      if (final && Date.now() - probe.last >= QUIET_MS && probe.changes === 0) {
        out.settled = true;
        break;
      }
      if (Date.now() > end) break;
      await sleep(250);
    }
    out.state = st ? st.state : 'none';
    out.folded = st ? st.folded : 0;
    const errs = [];
    if (tab.extensionErrors) errs.push(...tab.extensionErrors());
    for (const e of await backgroundErrors(b)) if (!seenErrors.has(e)) (seenErrors.add(e), errs.push(e));
    if (b.consoleErrors) {
      for (const e of await b.consoleErrors()) if (!seenErrors.has(e) && !BROWSER_NOTICE.test(e)) (seenErrors.add(e), errs.push(e));
    }
    if (errs.length) return fail('dossier error', errs.join(' | '));
    if (!st) return fail('no state', 'the content script never reported');
    if (st.state === 'error') return fail('dossier error', 'Dossier reported an error state');
    if (!out.settled) {
      // Still changing after 15 s: what can be checked of a moving page.
      const layout = await tab.eval(FOLD_LAYOUT);
      if (!layout.ok) return fail('placeholder', layout.problems.join('; '));
      out.ok = true;
      return fail(null, 'still changing after 15 s: placements checked, not the DOM');
    }
    const layout = await tab.eval(FOLD_LAYOUT);
    if (!layout.ok) return fail('placeholder', layout.problems.join('; '));
    await tab.eval(FOLDED, true);
    // The page's own changes while it is checked make a difference that is not Dossier's.
    const changes = () => tab.eval(() => window.__dossierProbe.changes + window.__dossierProbe.attrs);
    const c0 = await changes();
    const s0 = await tab.eval(STRIPPED);
    await tell(b, id, { type: 'popup:showAll' });
    const s1 = await tab.eval(SERIALIZE);
    if (s1 !== s0) {
      if ((await changes()) !== c0) return fail('page changed while checked', firstDiff(s1, s0));
      return fail('show all', firstDiff(s1, s0));
    }
    if (st.state !== 'done' || !st.repeats) {
      out.ok = true;
      return out;
    }
    // A fresh analysis of the settled page folds the same elements.
    await tell(b, id, { type: 'popup:fold' });
    const before = (await counts(b, id)).reads;
    const host = new URL(url).hostname;
    await tell(b, id, { type: 'bg:siteSwitch', disabledSites: [host] });
    await waitFor(async () => (await tabState(b, id)).state === 'disabled', { ms: 10000, what: 'switched off' });
    await tell(b, id, { type: 'bg:siteSwitch', disabledSites: [] });
    await waitFor(async () => {
      const [s, c] = [await tabState(b, id), await counts(b, id)];
      return s.state !== 'disabled' && s.state !== 'working' && c.reads > before;
    }, { ms: 20000, what: 'a fresh analysis' });
    const again = await tab.eval(FOLDED, false);
    if (!again.same) {
      const cause = (await changes()) !== c0 ? 'page changed while checked' : 'fresh analysis';
      return fail(cause, `${again.n} blocks folded by a fresh analysis, ${out.folded} before (or other elements)`);
    }
    await tell(b, id, { type: 'popup:showAll' });
    const s2 = await tab.eval(SERIALIZE);
    if (s2 !== s0) return fail((await changes()) !== c0 ? 'page changed while checked' : 'show all', `after the fresh analysis: ${firstDiff(s2, s0)}`);
    out.ok = true;
    return out;
  } catch (e) {
    // The page sent itself elsewhere in the middle of a check.
    if (/Execution context was destroyed|because of a navigation/.test(e.message)) return fail('navigated away', e.message);
    return fail('harness', e.message);
  } finally {
    out.ms = Date.now() - t0;
    if (tab) await tab.close().catch(() => {});
  }
}
