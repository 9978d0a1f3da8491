// End to end: pages that change after they load, as real news sites do
// (issue 23, part 2). tests/e2e/fixtures/live.html with live.js replaces the
// article's DOM with an identical copy 300 ms after load (hydration),
// appends paragraphs and puts an ad box between two of them, inserts the
// newsletter blurb a second time after 2 s, and renders one paragraph's
// text again; and one sets the article to its own serialization, Dossier's
// marks included. Through each, in both browsers: the folds are those of the
// settled page, each placeholder sits before the element it folds, no
// block is folded twice, the sidebar shows the settled page's facts and
// highlights live text, "Show all" gives back the page's DOM as it is
// without Dossier, and the page costs at most one analysis per settled
// change (the tests' build counts them, extension/test/background.js).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitFor } from './browsers.mjs';
import { startServer } from './server.mjs';
import { requireBuild, settled, tabState, counts, tell, FOLD_LAYOUT } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const A2 = 'Deputy Minister Nguyen Hoang Hiep told';
const A3 = 'The Red Cross said it had sent boats';
const A4 = "Farmers in the region, which grows more";
const NL = 'Sign up for the Morning Briefing';
// Per mode: the starts of the blocks folded once the page has settled, in
// document order, and how many times the page changes in a way Dossier must
// read again (each may cost one analysis).
const MODES = {
  none: { folded: [A2, A3], changes: 0 },
  hydrate: { folded: [A2, A3], changes: 1 },
  append: { folded: [A2, A3, A4], changes: 1 },
  newsletter: { folded: [A2, A3, NL], changes: 1 },
  rerender: { folded: [A2, A3], changes: 1 },
  all: { folded: [A2, A3, NL, A4], changes: 2 },
  reparse: { folded: [A2, A3], changes: 1 },
};

const hiddenBlocks = (tab) =>
  tab.eval(() => [...document.querySelectorAll('[data-dossier-folded]')].filter((e) => getComputedStyle(e).display === 'none').map((e) => e.textContent.trim().slice(0, 60)));

/** The sidebar's sections: {people: [label…], places, numbers, …}. */
const sidebarData = (tab) =>
  tab.eval(() => {
    const root = document.querySelector('dossier-sidebar').shadowRoot;
    const out = {};
    for (const sec of root.querySelectorAll('section[data-section]')) {
      out[sec.dataset.section] = [...sec.querySelectorAll('.item')].map((b) => b.querySelector('.label').textContent + ' ' + ((b.querySelector('.detail') || {}).textContent || ''));
    }
    return out;
  });

/** The highlighted ranges: their text, and whether they lie in the page as it is now. */
const highlights = (tab) =>
  tab.eval(() => {
    const marks = [...document.querySelectorAll('mark[data-dossier-highlight]')];
    const h = typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights.get('dossier-mention') : null;
    if (!h) return marks.map((m) => ({ text: m.textContent, live: m.isConnected }));
    return [...h].map((r) => ({ text: r.toString(), live: r.startContainer.isConnected && r.endContainer.isConnected }));
  });

/** Waits for the page's own changes to end and Dossier to have read the page after the last of them. */
async function settle(b, tab) {
  await waitFor(() => tab.eval(() => window.__live && window.__live.done), { what: 'the page’s own changes' });
  const last = await tab.eval(() => window.__live.last);
  const id = await tab.id();
  await waitFor(async () => {
    const [s, c] = [await tabState(b, id), await counts(b, id)];
    return s && s.state === 'done' && c && c.lastRead >= last ? c : null;
  }, { what: 'Dossier to read the settled page' });
  // Nothing more to come: a rescan is due at most 3 s after a change.
  await sleep(3500);
  const s = await tabState(b, id);
  assert.equal(s.state, 'done');
  return { id, state: s, counts: await counts(b, id) };
}

for (const name of BROWSERS) {
  describe(`pages that change after load, in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name));
      // Dossier is off on "localhost": the same pages there are the baseline.
      await b.ext((s) => (globalThis.browser || globalThis.chrome).storage.local.set({ settings: s }), { version: 1, disabledSites: ['localhost'], autoFold: true, autoOpen: false });
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    for (const [mode, want] of Object.entries(MODES)) {
      it(mode, async () => {
        const tab = await b.open(`${srv.base}/fixtures/live.html?do=${mode}`);
        const { id, state, counts: c } = await settle(b, tab);
        // The folds are those of the settled page, each once, each after its placeholder.
        assert.deepEqual((await hiddenBlocks(tab)).map((t) => t.slice(0, 32)), want.folded.map((t) => t.slice(0, 32)));
        const layout = await tab.eval(FOLD_LAYOUT);
        assert.deepEqual(layout.problems, []);
        assert.equal(state.folded, want.folded.length, 'the badge counts the folded blocks');
        // No re-analysis storm: the first analysis, then at most one per settled change.
        assert.ok(c.analyses >= 1 && c.analyses <= 1 + want.changes, `${c.analyses} analyses (${c.reads} reads) for ${want.changes} change(s)`);
        // The sidebar shows the settled page, and highlights text that is in it.
        await tell(b, id, { type: 'bg:toggleSidebar' });
        await waitFor(() => tab.eval(() => !!document.querySelector('dossier-sidebar')?.shadowRoot.querySelector('section[data-section]')), { what: 'sidebar' });
        const data = await sidebarData(tab);
        const numbers = (data.numbers || []).join(' | ');
        if (mode === 'rerender' || mode === 'all') {
          assert.match(numbers, /13,000/, `the re-rendered figure: ${numbers}`);
          assert.doesNotMatch(numbers, /12,000/, `not the figure it replaced: ${numbers}`);
        } else {
          assert.match(numbers, /12,000/, numbers);
        }
        const place = await tab.eval(() => {
          const root = document.querySelector('dossier-sidebar').shadowRoot;
          const item = [...root.querySelectorAll('section[data-section] .item')].find((x) => x.querySelector('.label').textContent === 'Hanoi');
          if (item) item.click();
          return !!item;
        });
        assert.ok(place, `Hanoi is listed: ${JSON.stringify(data)}`);
        const hl = await highlights(tab);
        assert.ok(hl.length >= 2, `highlights: ${JSON.stringify(hl)}`);
        assert.ok(hl.every((h) => h.live && h.text === 'Hanoi'), `every highlight is live and on its mention: ${JSON.stringify(hl)}`);
        await tell(b, id, { type: 'bg:toggleSidebar' });
        await waitFor(async () => !(await tab.eval(() => !!document.querySelector('dossier-sidebar'))), { what: 'sidebar closed' });
        // "Show all": the page as it is without Dossier.
        await tell(b, id, { type: 'popup:showAll' });
        const after = await tab.eval(() => document.documentElement.outerHTML);
        const base = await b.open(`http://localhost:${srv.port}/fixtures/live.html?do=${mode}`);
        await waitFor(() => base.eval(() => window.__live && window.__live.done), { what: 'baseline changes' });
        await settled(b, base, ['disabled']);
        const baseline = await base.eval(() => document.documentElement.outerHTML);
        await base.close();
        assert.equal(after, baseline);
        // Nothing Dossier did (its folds, the sidebar) made it read the page again.
        const end = await counts(b, id);
        assert.equal(end.analyses, c.analyses, 'no analysis after the page settled');
        await tab.close();
      });
    }
  });
}
