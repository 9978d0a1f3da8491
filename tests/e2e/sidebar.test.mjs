// End to end: the sidebar in real Chromium and Firefox with the built
// extension. Opens by the real shortcut and the real toolbar button, lists
// the example article's entities and facts, highlights exactly an entity's
// mentions, leaves the page as it was when closed, passes axe-core in light
// and dark mode, and keeps its layout on a page with hostile CSS. Five real
// pages from ../shared/data/pages are tried too when that folder exists.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch, waitFor } from './browsers.mjs';
import { startServer, testsDir } from './server.mjs';
import { requireBuild, settled } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// $SHARED (the Makefile passes its own) or ../shared next to the clone.
const SHARED_PAGES = path.resolve(process.env.SHARED || path.join(testsDir, '..', '..', 'shared'), 'data', 'pages');
const HAVE_SHARED = fs.existsSync(SHARED_PAGES);
const REAL_PAGES = ['readability/nytimes-1', 'readability/bbc-1', 'readability/wapo-1', 'trafilatura-news/twincities.com-mayor-53d061', 'trafilatura-news/reuters.com.parasite-712ee7', 'readability/telegraph'];

async function toggle(b, tab, how) {
  if (b.name === 'chromium') {
    if (how === 'shortcut') {
      const s = await b.context.newCDPSession(tab.page);
      for (const type of ['rawKeyDown', 'keyUp']) {
        await s.send('Input.dispatchKeyEvent', { type, modifiers: 9, key: 'D', code: 'KeyD', windowsVirtualKeyCode: 68, nativeVirtualKeyCode: 68 });
      }
      await s.detach();
    } else {
      await tab.page.bringToFront();
      const cdp = await b.context.browser().newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
      const target = targetInfos.find((t) => t.type === 'tab' && t.url === tab.url);
      await cdp.send('Extensions.triggerAction', { id: b.extId, targetId: target.targetId });
      await cdp.detach();
    }
    return;
  }
  const d = b.driver;
  await d.switchTo().window(tab.handle);
  await d.setContext('chrome');
  try {
    if (how === 'shortcut') {
      const { Key } = await import('selenium-webdriver');
      await d.actions().keyDown(Key.ALT).keyDown(Key.SHIFT).sendKeys('d').keyUp(Key.SHIFT).keyUp(Key.ALT).perform();
    } else {
      await d.executeScript(`
        const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
        const ext = ExtensionParent.GlobalManager.getExtension("dossier@dossier.invalid");
        ExtensionParent.apiManager.global.browserActionFor(ext).triggerAction(Services.wm.getMostRecentWindow("navigator:browser"));`);
    }
  } finally {
    await d.setContext('content');
  }
}

const isOpen = (tab) => tab.eval(() => !!document.querySelector('dossier-sidebar'));

/** The sidebar's sections: {people: [label…], orgs, places, timeline, numbers, quotes}. */
const sidebarData = (tab) =>
  tab.eval(() => {
    const root = document.querySelector('dossier-sidebar').shadowRoot;
    const out = {};
    for (const sec of root.querySelectorAll('section[data-section]')) {
      out[sec.dataset.section] = [...sec.querySelectorAll('.item')].map((b) => ({
        label: b.querySelector('.label').textContent,
        detail: (b.querySelector('.detail') || { textContent: '' }).textContent,
      }));
    }
    return out;
  });

/** Texts of the ranges currently highlighted (Custom Highlight API or <mark> fallback). */
const highlighted = (tab) =>
  tab.eval(() => {
    const marks = [...document.querySelectorAll('mark[data-dossier-highlight]')].map((m) => m.textContent);
    const h = typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights.get('dossier-mention') : null;
    return h ? [...h].map((r) => r.toString()) : marks;
  });

const clickItem = (tab, label) =>
  tab.eval((l) => {
    const root = document.querySelector('dossier-sidebar').shadowRoot;
    const b = [...root.querySelectorAll('.item')].find((x) => x.querySelector('.label').textContent === l);
    b.click();
    return !!b;
  }, label);

/**
 * Where each item's mention count sits against the item and its label's
 * first line. A copy of the first counted item with a label long enough to
 * wrap is measured too (then removed), so a two-line item is always there
 * whatever the browser's fonts.
 */
const countLayout = (tab) =>
  tab.eval(() => {
    const root = document.querySelector('dossier-sidebar').shadowRoot;
    const first = root.querySelector('.item .count').closest('li');
    const copy = first.cloneNode(true);
    copy.querySelector('.label').textContent = 'A label long enough to wrap onto a second line of the sidebar';
    first.after(copy);
    const b = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    const out = [...root.querySelectorAll('.item')]
      .filter((i) => i.querySelector('.count'))
      .map((i) => {
        const label = i.querySelector('.label');
        const range = document.createRange();
        range.selectNodeContents(label);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        return {
          label: label.textContent,
          lines: new Set(rects.map((r) => Math.round(r.top))).size,
          firstLine: b(rects[0]),
          count: b(i.querySelector('.count').getBoundingClientRect()),
          item: b(i.getBoundingClientRect()),
        };
      });
    copy.remove();
    return out;
  });

/**
 * The selected item's card (the nearest box around its button with a
 * background of its own) and its "‹ 1 of 3 ›" stepper.
 */
const selectedCard = (tab) =>
  tab.eval(() => {
    const root = document.querySelector('dossier-sidebar').shadowRoot;
    const button = root.querySelector('.item[aria-pressed="true"]');
    let card = button;
    while (card && getComputedStyle(card).backgroundColor === 'rgba(0, 0, 0, 0)') card = card.parentElement;
    const stepper = root.querySelector('.nav:not([hidden])');
    const b = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height });
    return { cardHasStepper: !!card && !!stepper && card.contains(stepper), card: card && b(card.getBoundingClientRect()), stepper: stepper && b(stepper.getBoundingClientRect()) };
  });

const layout = (tab) =>
  tab.eval(() => [...document.querySelectorAll('p, h1, li')].slice(0, 30).map((e) => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)];
  }));

async function axe(tab) {
  return tab.eval(async (src) => {
    if (!window.axe) (0, eval)(src);
    const res = await window.axe.run({ include: [{ fromShadowDom: ['dossier-sidebar', 'aside'] }] }, { resultTypes: ['violations'] });
    return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE);
}

async function setDark(b, tab, dark) {
  if (b.name === 'chromium') {
    await tab.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    return;
  }
  const d = b.driver;
  await d.setContext('chrome');
  try {
    await d.executeScript(`Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", ${dark ? 0 : 1});`);
  } finally {
    await d.setContext('content');
  }
}

for (const name of BROWSERS) {
  describe(`sidebar in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      srv = await startServer({ roots: HAVE_SHARED ? { '/shared/': SHARED_PAGES + '/' } : {} });
      b = await launch(name, requireBuild(name));
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    describe('the example page', { concurrency: false }, () => {
      let tab;
      let initialHtml;
      let beforeLayout;
      before(async () => {
        tab = await b.open(`${srv.base}/pages/example/`);
        if (b.name === 'chromium') await tab.page.setViewportSize({ width: 1400, height: 900 });
        await settled(b, tab);
        initialHtml = await tab.eval(() => document.documentElement.outerHTML);
        beforeLayout = await layout(tab);
      });
      after(() => tab.close());

      it('opens with the keyboard shortcut and closes with Esc', async () => {
        await toggle(b, tab, 'shortcut');
        await waitFor(() => isOpen(tab), { what: 'sidebar open by shortcut' });
        const focusInside = await tab.eval(() => document.activeElement && document.activeElement.localName === 'dossier-sidebar');
        assert.ok(focusInside, 'focus moves into the sidebar');
        await tab.eval(() => document.querySelector('dossier-sidebar').shadowRoot.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
        await waitFor(async () => !(await isOpen(tab)), { what: 'sidebar closed by Esc' });
      });

      it('opens and closes with the toolbar button', async () => {
        await toggle(b, tab, 'toolbar');
        await waitFor(() => isOpen(tab), { what: 'sidebar open by toolbar' });
        await toggle(b, tab, 'toolbar');
        await waitFor(async () => !(await isOpen(tab)), { what: 'sidebar closed by toolbar' });
      });

      it('lists the people, organizations, places, dates, numbers and quotes', async () => {
        await toggle(b, tab, 'shortcut');
        await waitFor(() => isOpen(tab), { what: 'sidebar open' });
        const s = await sidebarData(tab);
        const labels = (k) => s[k].map((x) => x.label);
        for (const p of ['Hun Sen', 'Sam Rainsy', 'Prum Sokha', 'Yeam Sovan', 'Norodom Sihamoni']) assert.ok(labels('people').includes(p), p);
        assert.ok(s.people.find((x) => x.label === 'Hun Sen').detail.includes('Prime Minister'));
        assert.ok(s.people.find((x) => x.label === 'Sam Rainsy').detail.includes('CNRP leader'));
        assert.ok(labels('orgs').includes("Cambodian People's Party · CPP"));
        assert.ok(labels('orgs').includes('Cambodia National Rescue Party · CNRP'));
        assert.ok(labels('orgs').includes('Interior Ministry'));
        assert.ok(labels('places').includes('Cambodia'));
        const timeline = s.timeline.map((x) => x.detail).join(' | ');
        for (const d of ['(July 28)', '(September 24)', '(November 5)', '(November 16-17)']) assert.ok(timeline.includes(d), `${d} in ${timeline}`);
        // "after the July election" is the July 28 election: one line, at the day.
        assert.ok(!timeline.includes('(July)'), `the month-level election merged into July 28: ${timeline}`);
        const numbers = labels('numbers').join(' | ');
        assert.ok(numbers.includes("Cambodian People's Party — 68 of 123 parliamentary seats"), numbers);
        assert.ok(numbers.includes('Cambodia National Rescue Party — 55 seats'), numbers);
        assert.ok(numbers.includes('68 lawmakers'), numbers);
        assert.deepEqual(s.quotes, [{ label: '“illegitimate”', detail: '— Sam Rainsy' }]);
      });

      it("keeps each mention count on its item's first line, right-aligned", async () => {
        const items = await countLayout(tab);
        assert.ok(items.some((x) => x.lines >= 2), 'a two-line item is measured');
        assert.ok(items.some((x) => x.lines === 1), 'a one-line item is measured');
        for (const x of items) {
          const mid = (x.count.top + x.count.bottom) / 2;
          assert.ok(mid > x.firstLine.top && mid < x.firstLine.bottom, `count of "${x.label}" (${x.lines} lines) on the label's first line: ${JSON.stringify(x)}`);
          assert.ok(x.count.left >= x.firstLine.right, `count of "${x.label}" right of the label's first line: ${JSON.stringify(x)}`);
        }
        const same = (k) => {
          const v = items.map(k);
          assert.ok(Math.max(...v) - Math.min(...v) <= 1, `the same for one- and two-line items: ${JSON.stringify(items)}`);
        };
        same((x) => x.count.right - x.item.right);
        same((x) => x.count.top - x.item.top);
      });

      it('clicking an entity highlights exactly its mentions, and steps through them', async () => {
        assert.ok(await clickItem(tab, 'Hun Sen'));
        assert.deepEqual(await highlighted(tab), ['Hun Sen', 'Hun Sen', 'Hun Sen']);
        const sel = await selectedCard(tab);
        assert.ok(sel.cardHasStepper, `the stepper is inside the selected item's card: ${JSON.stringify(sel)}`);
        assert.ok(sel.stepper.height > 0 && sel.stepper.left >= sel.card.left && sel.stepper.right <= sel.card.right && sel.stepper.top >= sel.card.top && sel.stepper.bottom <= sel.card.bottom, `the stepper is drawn within the card: ${JSON.stringify(sel)}`);
        const pos = await tab.eval(() => document.querySelector('dossier-sidebar').shadowRoot.querySelector('.pos').textContent);
        assert.equal(pos, '1 of 3');
        await tab.eval(() => document.querySelector('dossier-sidebar').shadowRoot.querySelector('.nav:not([hidden]) .step:last-child').click());
        assert.equal(await tab.eval(() => document.querySelector('dossier-sidebar').shadowRoot.querySelector('.nav:not([hidden]) .pos').textContent), '2 of 3');
        assert.ok(await clickItem(tab, "Cambodian People's Party · CPP"));
        const orgs = await highlighted(tab);
        assert.equal(orgs.length, 6);
        assert.deepEqual([...new Set(orgs)].sort(), ['CPP', "Cambodian People's Party"]);
      });

      it('has no accessibility violations, in light and dark mode', async () => {
        for (const dark of [false, true]) {
          await setDark(b, tab, dark);
          assert.deepEqual(await axe(tab), [], dark ? 'dark' : 'light');
        }
        await setDark(b, tab, false);
      });

      it('closing removes every highlight and leaves the page as it was', async () => {
        await toggle(b, tab, 'shortcut');
        await waitFor(async () => !(await isOpen(tab)), { what: 'sidebar closed' });
        assert.deepEqual(await highlighted(tab), []);
        assert.equal(await tab.eval(() => document.documentElement.outerHTML), initialHtml);
        assert.deepEqual(await layout(tab), beforeLayout);
      });
    });

    it('keeps its layout on a page with hostile CSS', async () => {
      const measure = async (url) => {
        const tab = await b.open(url);
        if (b.name === 'chromium') await tab.page.setViewportSize({ width: 1400, height: 900 });
        await settled(b, tab);
        await toggle(b, tab, 'shortcut');
        await waitFor(() => isOpen(tab), { what: 'sidebar open' });
        const m = await tab.eval(() => {
          const root = document.querySelector('dossier-sidebar').shadowRoot;
          const box = (e) => {
            const r = e.getBoundingClientRect();
            return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
          };
          const panel = root.querySelector('.panel');
          const item = root.querySelector('.item');
          return { panel: box(panel), item: box(item), font: getComputedStyle(item).fontSize, shown: getComputedStyle(document.querySelector('dossier-sidebar')).display };
        });
        await tab.close();
        return m;
      };
      const normal = await measure(`${srv.base}/pages/example/`);
      const hostile = await measure(`${srv.base}/fixtures/hostile-css.html`);
      assert.deepEqual(hostile, normal);
    });

    it('says so, and lists no entities, on a page in a language it cannot read', async () => {
      const tab = await b.open(`${srv.base}/fixtures/czech.html`);
      await settled(b, tab);
      await toggle(b, tab, 'button');
      await waitFor(() => isOpen(tab), { what: 'sidebar open' });
      const note = await tab.eval(() => {
        const n = document.querySelector('dossier-sidebar').shadowRoot.querySelector('.language-note');
        return n ? n.textContent : null;
      });
      const s = await sidebarData(tab);
      await tab.close();
      assert.ok(note && note.includes('(cs)'), `a note names the language: ${note}`);
      for (const k of ['people', 'orgs', 'places', 'quotes', 'numbers']) assert.deepEqual(s[k] || [], [], `${k}: ${JSON.stringify(s[k])}`);
    });

    // German and Spanish pages are read by their own taggers, whose models are
    // not in the WASM: the background fetches model/ner-<lang>.bin from the
    // package on first use. English-tagger nonsense ("Dabei", "Liste",
    // "Gobierno" as a person) would show if it did not; so would the note.
    const LANG_PAGES = [
      {
        file: 'german.html',
        people: ['Olaf Scholz', 'Claudia Roth', 'Stefanie Kirsten'],
        places: ['Sachsen', 'Thüringen', 'Leipzig'],
        role: ['Olaf Scholz', 'Bundeskanzler'],
        never: ['Dabei', 'Liste', 'Mitteilung', 'Welche', 'Chancen', 'Jahren', 'Theater', 'Stiftung', 'Bühnen'],
      },
      {
        file: 'spanish.html',
        people: ['Pedro Sánchez', 'María Jesús Montero', 'Lorenzo Ramos'],
        places: ['Andalucía', 'Madrid', 'Bruselas'],
        role: ['Pedro Sánchez', 'presidente'],
        never: ['Presidente', 'Cuando', 'La', 'Desde', 'Gobierno'],
      },
    ];
    for (const lp of LANG_PAGES) {
      it(`lists the entities of its own language's tagger on ${lp.file} (model loaded from the package)`, async () => {
        const tab = await b.open(`${srv.base}/fixtures/${lp.file}`);
        await settled(b, tab);
        await toggle(b, tab, 'button');
        await waitFor(() => isOpen(tab), { what: 'sidebar open' });
        const note = await tab.eval(() => {
          const n = document.querySelector('dossier-sidebar').shadowRoot.querySelector('.language-note');
          return n ? n.textContent : null;
        });
        const s = await sidebarData(tab);
        await tab.close();
        assert.equal(note, null, 'no "not available" note: the model loaded');
        const names = (k) => (s[k] || []).map((x) => x.label.split(' · ')[0]);
        for (const p of lp.people) assert.ok(names('people').includes(p), `${p} in ${JSON.stringify(s.people)}`);
        for (const p of lp.places) assert.ok(names('places').includes(p), `${p} in ${JSON.stringify(s.places)}`);
        const [who, role] = lp.role;
        const item = (s.people || []).find((x) => x.label.startsWith(who));
        assert.ok(item && `${item.label} ${item.detail}`.includes(role), `${who}'s role ${role}: ${JSON.stringify(item)}`);
        const people = names('people');
        for (const w of lp.never) {
          assert.ok(!people.some((n) => n.split(/\s+/).includes(w)), `${w} is no person: ${JSON.stringify(people)}`);
        }
        for (const k of ['orgs', 'places']) {
          for (const w of lp.never.filter((x) => x !== 'Gobierno')) {
            assert.ok(!names(k).includes(w), `${w} is no ${k}: ${JSON.stringify(names(k))}`);
          }
        }
      });
    }

    // Each test is skipped, not the describe: node's runner counts a skipped
    // describe's tests nowhere, so the summary would say "skipped 0".
    describe('real pages', { concurrency: false }, () => {
      for (const p of REAL_PAGES) {
        it(p, { skip: HAVE_SHARED ? false : `needs ${SHARED_PAGES} (set SHARED)` }, async () => {
          const tab = await b.open(`${srv.base}/shared/${p}/source.html`, { waitUntil: 'domcontentloaded' });
          const state = await settled(b, tab);
          assert.equal(state.state, 'done');
          const beforeHtml = await tab.eval(() => document.documentElement.outerHTML);
          await toggle(b, tab, 'shortcut');
          await waitFor(() => isOpen(tab), { what: 'sidebar open' });
          const s = await sidebarData(tab);
          const first = [...s.people, ...s.orgs, ...s.places][0];
          assert.ok(first, 'lists at least one entity');
          await clickItem(tab, first.label);
          const hl = await highlighted(tab);
          assert.ok(hl.length >= 1, 'highlights its mentions');
          const names = first.label.split(' · ');
          assert.ok(hl.every((t) => names.some((n) => t.replace(/\s+/g, ' ') === n) || names.some((n) => n.includes(t))), `only its mentions: ${hl}`);
          await toggle(b, tab, 'shortcut');
          await waitFor(async () => !(await isOpen(tab)), { what: 'sidebar closed' });
          assert.deepEqual(await highlighted(tab), []);
          assert.equal(await tab.eval(() => document.documentElement.outerHTML), beforeHtml);
          await tab.close();
        });
      }
    });
  });
}
