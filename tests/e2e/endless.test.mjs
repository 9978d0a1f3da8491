// End to end: pages of several articles (issue 21, part 4). An endless page
// (tests/e2e/fixtures/endless.html with endless.js) appends three real
// stories, one each time the test scrolls to its end; a static page
// (articles.html) holds the same four stories. Sources and licence of the
// stories: the comment at the top of articles.html. In both browsers:
//   - the folds are right in every story, appended ones included: the site's
//     newsletter blurb under stories 2-4 (a repeat of story 1's), and the
//     paragraph stories 2 and 3 each print twice; a fold the reader opened
//     stays open when the next story comes in;
//   - an append costs at most one analysis, and that analysis read only the
//     appended story's blocks (the tests' build counts them per analysis,
//     extension/test/background.js);
//   - the sidebar shows the entities of the story in view as the test
//     scrolls, says so to screen readers, and lists the other stories, a
//     click on one taking the reader there.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitFor } from './browsers.mjs';
import { startServer } from './server.mjs';
import { requireBuild, tabState, counts, tell, FOLD_LAYOUT } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const BLURB = 'Sign up for the Morning Briefing';
const SUDAN = 'Sudan is one of the poorest';
const DEADLY = 'It was the most deadly terrorist';
// Hidden once every story is in, in page order.
const FOLDED = [SUDAN, BLURB, DEADLY, BLURB, BLURB].map((t) => t.slice(0, 24));
// Blocks below the last story: the site's footer (one line).
const FOOTER = 1;
const TITLES = [
  "Obama admits US gun laws are his 'biggest frustration'",
  'United States to Lift Sudan Sanctions',
  'Attack stokes instability fears in North Africa',
  "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting' he finishes his term",
];
// Per story: an entity the sidebar shows while that story is in view, and only then.
const NAME = ['Jon Sopel', 'South Sudan', 'Habib Essid', 'Robert Mugabe'];

const hiddenBlocks = (tab) =>
  tab.eval(() => [...document.querySelectorAll('[data-dossier-folded]')].filter((e) => getComputedStyle(e).display === 'none').map((e) => e.textContent.trim().slice(0, 24)));

/** The sidebar as the reader meets it: the stories listed, the one shown, its people, the live region. */
const sidebarView = (tab) =>
  tab.eval(() => {
    const root = document.querySelector('dossier-sidebar')?.shadowRoot;
    if (!root) return null;
    const list = [...root.querySelectorAll('button[data-article]')];
    const names = [...root.querySelectorAll('section[data-section="people"], section[data-section="orgs"], section[data-section="places"]')].flatMap((s) => [...s.querySelectorAll('.item .label')].map((l) => l.textContent));
    const current = list.findIndex((b) => b.getAttribute('aria-current') === 'true');
    const live = root.querySelector('[aria-live][role="status"].live');
    return { titles: list.map((b) => b.textContent), current, names: names.join(' | '), live: live ? live.textContent : null, focused: root.activeElement?.dataset?.article ?? null };
  });

async function openSidebar(b, tab, id) {
  await tell(b, id, { type: 'bg:toggleSidebar' });
  await waitFor(() => tab.eval(() => !!document.querySelector('dossier-sidebar')?.shadowRoot.querySelector('section[data-section]')), { what: 'sidebar' });
}

/** Scrolls story k's headline to the top and waits for the sidebar to show that story. */
async function scrollToStory(tab, k) {
  await tab.eval((k) => document.querySelectorAll('#feed > article')[k].querySelector('h1, h2').scrollIntoView({ block: 'start' }), k);
  return waitFor(async () => {
    const v = await sidebarView(tab);
    return v && v.current === k && v.names.includes(NAME[k]) ? v : null;
  }, { what: `the sidebar to show story ${k + 1}` });
}

/** Switcher, live region and scrolling, on a page whose four stories are in. */
async function checkSidebar(tab) {
  let v = await sidebarView(tab);
  assert.deepEqual(v.titles, TITLES, 'the switcher lists every story');
  for (const k of [2, 0, 1]) {
    v = await scrollToStory(tab, k);
    assert.equal(v.live, `Showing: ${TITLES[k]}`, 'said to screen readers');
    for (const other of NAME.filter((p) => p !== NAME[k])) assert.ok(!v.names.includes(other), `story ${k + 1} shows only its own entities: ${v.names}`);
  }
  // The switcher takes the reader to another story, focus staying on it.
  await tab.eval(() => document.querySelector('dossier-sidebar').shadowRoot.querySelector('button[data-article="3"]').click());
  v = await waitFor(async () => {
    const s = await sidebarView(tab);
    return s && s.current === 3 && s.names.includes('Robert Mugabe') ? s : null;
  }, { what: 'the switcher to show story 4' });
  assert.equal(v.focused, '3', 'focus stays on the chosen story');
  const top = await tab.eval(() => document.querySelector('#s4 h2').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 50, `story 4's headline at the top (${top})`);
}

for (const name of BROWSERS) {
  describe(`pages of several articles, in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name));
      await b.ext((s) => (globalThis.browser || globalThis.chrome).storage.local.set({ settings: s }), { version: 1, disabledSites: [], autoFold: true, autoOpen: false });
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    it('an endless page appending three stories as the reader scrolls', async () => {
      const tab = await b.open(`${srv.base}/fixtures/endless.html`);
      const id = await tab.id();
      await waitFor(async () => {
        const [s, c] = [await tabState(b, id), await counts(b, id)];
        return s && s.state === 'done' && c && c.analyses === 1;
      }, { what: 'the first story read' });
      await openSidebar(b, tab, id);
      assert.equal((await sidebarView(tab)).titles.length, 0, 'one story: no list of stories');
      for (let k = 1; k <= 3; k++) {
        await tab.eval(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await waitFor(() => tab.eval((k) => window.__endless.appended === k, k), { what: `story ${k + 1} appended` });
        const c = await waitFor(async () => {
          const c = await counts(b, id);
          return c && c.each.length && c.each[c.each.length - 1].articles === k + 1 ? c : null;
        }, { what: `story ${k + 1} analysed`, ms: 20000 });
        assert.equal(c.analyses, k + 1, `one analysis per append: ${JSON.stringify(c.each)}`);
        const [prev, last] = c.each.slice(-2);
        if (k === 1) {
          // The page was one story: now two, both analysed.
          assert.equal(last.analyzed, last.blocks, JSON.stringify(c.each));
        } else {
          // The appended story's blocks, and the footer's line below it (what moved).
          assert.equal(last.analyzed, last.blocks - prev.blocks + FOOTER, `only the appended story's blocks: ${JSON.stringify(c.each)}`);
          assert.ok(last.analyzed > 0 && last.analyzed < last.blocks / 2, `not the whole page: ${JSON.stringify(c.each)}`);
        }
        // The appended story is folded as it comes in; the folds above stay
        // as the reader left them (story 2's copy and blurb, one placeholder
        // as they are adjacent, opened after it came in).
        const want = FOLDED.slice(k === 1 ? 0 : 2, [0, 2, 4, 5][k]);
        await waitFor(async () => JSON.stringify(await hiddenBlocks(tab)) === JSON.stringify(want), { what: `folds of stories 1-${k + 1}` }).catch(async (e) => {
          throw new Error(`${e.message}: ${JSON.stringify(await hiddenBlocks(tab))} ${JSON.stringify(await tab.eval(FOLD_LAYOUT))}`);
        });
        if (k === 1) {
          await tab.eval(() => [...document.querySelectorAll('dossier-fold')].find((f) => f.nextElementSibling?.textContent.startsWith('Sudan is one of')).shadowRoot.querySelector('button').click());
          await waitFor(async () => JSON.stringify(await hiddenBlocks(tab)) === '[]', { what: 'the opened fold' });
        }
        await waitFor(async () => (await sidebarView(tab)).titles.length === k + 1, { what: 'the list of stories to grow' });
      }
      // Nothing more to come: a rescan is due at most 3 s after a change.
      await sleep(3500);
      const c = await counts(b, id);
      assert.equal(c.analyses, 4, `four analyses for one story and three appends: ${JSON.stringify(c.each)}`);
      assert.deepEqual(await hiddenBlocks(tab), FOLDED.slice(2), 'the opened fold is still open');
      const layout = await tab.eval(FOLD_LAYOUT);
      // FOLD_LAYOUT takes an open fold's placeholder for one that folds nothing: that one only.
      assert.deepEqual(layout.problems, ['a placeholder before <p> that it does not fold']);
      assert.equal(layout.folds.length, 3, 'one placeholder per run of adjacent copies, the opened one included');
      assert.ok(layout.folds[0].text.startsWith(SUDAN), JSON.stringify(layout.folds));
      assert.equal((await tabState(b, id)).folded, FOLDED.length - 2, 'the badge counts the folds still closed');
      await checkSidebar(tab);
      await tab.close();
    });

    it('a static page of four stories', async () => {
      const tab = await b.open(`${srv.base}/fixtures/articles.html`);
      const id = await tab.id();
      const c = await waitFor(async () => {
        const [s, c] = [await tabState(b, id), await counts(b, id)];
        return s && s.state === 'done' && c && c.analyses >= 1 ? c : null;
      }, { what: 'the page read' });
      assert.deepEqual(c.each.map((e) => e.articles), [4]);
      assert.deepEqual(await hiddenBlocks(tab), FOLDED);
      assert.deepEqual((await tab.eval(FOLD_LAYOUT)).problems, []);
      await openSidebar(b, tab, id);
      await checkSidebar(tab);
      await tab.close();
    });
  });
}
