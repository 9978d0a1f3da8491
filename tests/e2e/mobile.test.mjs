// End to end, in both browsers, on a phone-sized screen: 360 CSS px wide
// with touch (Chromium: mobile emulation, touch events from the debugging
// protocol; Firefox: a window 540 px wide zoomed to 150 %, since Firefox
// keeps windows at least 500 px wide, with touch events on, the swipe sent as
// pointer events from the page, since geckodriver has no touch input).
// The sidebar opens from the toolbar button as a bottom sheet that leaves
// the top of the article readable, the end of the article can scroll
// above it, a selected mention is shown above it, every control is at least
// 44 x 44 px, and a swipe down or the × button closes it, leaving the page
// as it was.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launch, waitFor } from './browsers.mjs';
import { startServer } from './server.mjs';
import { requireBuild, settled } from './helpers.mjs';
import { toggle, isOpen, clickIn } from './ui.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const sheet = (tab) => tab.eval(() => {
  const host = document.querySelector('dossier-sidebar');
  const r = host.getBoundingClientRect();
  const h = host.shadowRoot.querySelector('header').getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height, bottom: r.bottom, vw: document.documentElement.clientWidth, vh: window.innerHeight, header: { x: h.left + h.width / 2, y: h.top + 8 } };
});

/** Every control a finger can reach in the sheet that is smaller than 44 x 44 px. */
const smallTargets = (tab) => tab.eval(() => {
  const root = document.querySelector('dossier-sidebar').shadowRoot;
  const out = [];
  for (const e of root.querySelectorAll('button, label, input, a[href], textarea')) {
    const r = e.getBoundingClientRect();
    if (!r.width && !r.height) continue; // not shown
    if (e.localName === 'input' && e.closest('label')) continue; // its label is the target
    if (r.width < 44 || r.height < 44) out.push(`${e.localName}.${e.className} "${e.textContent.slice(0, 20)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
});

async function swipeDown(b, tab, from, dy) {
  if (b.name === 'chromium') {
    const s = await b.context.newCDPSession(tab.page);
    const pt = (y) => [{ x: from.x, y, id: 1 }];
    await s.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(from.y) });
    for (let k = 1; k <= 5; k++) await s.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(from.y + (dy * k) / 5) });
    await s.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await s.detach();
    return;
  }
  await tab.eval((x, y, d) => {
    const header = document.querySelector('dossier-sidebar').shadowRoot.querySelector('header');
    const ev = (type, yy) => new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: yy, bubbles: true, composed: true, button: type === 'pointermove' ? -1 : 0 });
    header.dispatchEvent(ev('pointerdown', y));
    for (let k = 1; k <= 5; k++) header.dispatchEvent(ev('pointermove', y + (d * k) / 5));
    header.dispatchEvent(ev('pointerup', y + d));
  }, from.x, from.y, dy);
}

for (const name of BROWSERS) {
  describe(`small touch screen in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    let tab;
    let initialHtml;
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name), { mobile: true });
      if (name === 'firefox') await b.driver.manage().window().setRect({ width: 540, height: 1200 });
      tab = await b.open(`${srv.base}/pages/example/`);
      if (name === 'firefox') {
        await b.zoom(tab, 1.5);
        await waitFor(() => tab.eval(() => window.innerWidth <= 360), { what: 'a 360-px viewport' });
      }
      await settled(b, tab);
      initialHtml = await tab.eval(() => document.documentElement.outerHTML);
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    it('the page is 360 px wide, with touch', async () => {
      const m = await tab.eval(() => ({ w: window.innerWidth, points: navigator.maxTouchPoints, touchEvents: typeof TouchEvent === 'function' }));
      assert.ok(m.w <= 360, `viewport ${m.w}`);
      // Headless Firefox has the touch APIs on but no touch screen to report.
      if (name === 'chromium') assert.ok(m.points > 0, 'a touch screen');
      else assert.ok(m.touchEvents, 'touch events on');
    });

    it('opens from the toolbar button as a bottom sheet that leaves the article readable above it', async () => {
      await toggle(b, tab, 'toolbar');
      await waitFor(() => isOpen(tab), { what: 'sheet open' });
      const s = await sheet(tab);
      assert.equal(Math.round(s.left), 0, JSON.stringify(s));
      assert.equal(Math.round(s.width), s.vw, JSON.stringify(s));
      assert.ok(Math.abs(s.bottom - s.vh) <= 1, `at the bottom: ${JSON.stringify(s)}`);
      assert.ok(s.height <= s.vh * 0.5 && s.height >= s.vh * 0.3, `under half the screen: ${JSON.stringify(s)}`);
      // The headline and the start of the article are above the sheet.
      const top = await tab.eval(() => document.querySelector('h1').getBoundingClientRect().bottom + window.scrollY);
      assert.ok(top < s.top, `headline above the sheet: ${top} < ${s.top}`);
      // The end of the article can be scrolled above the sheet.
      const last = await tab.eval(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const ps = document.querySelectorAll('.article-body > p:not([data-dossier-folded])');
        return ps[ps.length - 1].getBoundingClientRect().bottom;
      });
      assert.ok(last <= s.top + 1, `last paragraph above the sheet: ${last} <= ${s.top}`);
      await tab.eval(() => window.scrollTo(0, 0));
    });

    it('every control is at least 44 x 44 px', async () => {
      assert.deepEqual(await smallTargets(tab), []);
    });

    it('has no accessibility violations as a sheet', async () => {
      const v = await tab.eval(async (src) => {
        if (!window.axe) (0, eval)(src);
        const res = await window.axe.run({ include: [{ fromShadowDom: ['dossier-sidebar', 'aside'] }] }, { resultTypes: ['violations'] });
        return res.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, AXE);
      assert.deepEqual(v, []);
    });

    it('a tapped item shows its mention above the sheet', async () => {
      await clickIn(b, tab, '.item');
      const got = await waitFor(() => tab.eval(() => {
        const h = CSS.highlights && CSS.highlights.get('dossier-mention');
        const ranges = h ? [...h] : [...document.querySelectorAll('mark[data-dossier-highlight]')].map((m) => { const r = document.createRange(); r.selectNodeContents(m); return r; });
        if (!ranges.length) return null;
        const top = document.querySelector('dossier-sidebar').getBoundingClientRect().top;
        return { rects: ranges.map((r) => r.getBoundingClientRect().top), top };
      }), { what: 'a highlight' });
      assert.ok(got.rects.some((y) => y >= 0 && y < got.top), `a mention above the sheet: ${JSON.stringify(got)}`);
      // The stepper's buttons too.
      assert.deepEqual(await smallTargets(tab), []);
    });

    it('a swipe down on its header closes it, and the page is as it was', async () => {
      const s = await sheet(tab);
      await swipeDown(b, tab, s.header, 150);
      await waitFor(async () => !(await isOpen(tab)), { what: 'sheet closed by a swipe' });
      await tab.eval(() => window.scrollTo(0, 0));
      assert.equal(await tab.eval(() => document.documentElement.outerHTML), initialHtml);
    });

    it('turned sideways (wider than 600 px), it becomes the side panel, and back', async () => {
      const widen = async (wide) => {
        if (name === 'chromium') await tab.page.setViewportSize(wide ? { width: 740, height: 360 } : { width: 360, height: 740 });
        else await b.zoom(tab, wide ? 0.75 : 1.5);
      };
      await toggle(b, tab, 'toolbar');
      await waitFor(() => isOpen(tab), { what: 'sheet open' });
      await widen(true);
      const pad = () => tab.eval(() => document.documentElement.style.paddingBottom);
      const side = await waitFor(async () => {
        const s = await sheet(tab);
        return s.vw >= 600 && s.top === 0 && s.width < s.vw && (await pad()) === '' ? s : null;
      }, { what: 'the side panel, and no room kept at the end' });
      assert.ok(Math.abs(side.bottom - side.vh) <= 1, JSON.stringify(side));
      await widen(false);
      await waitFor(async () => {
        const s = await sheet(tab);
        return s.vw <= 360 && s.top > 0 && Math.round(s.width) === s.vw && (await pad()) !== '';
      }, { what: 'the sheet again, with room at the end' });
      await clickIn(b, tab, '.close');
      await waitFor(async () => !(await isOpen(tab)), { what: 'closed' });
    });

    it('⌄ shrinks it to its header bar, still full width, and ⌃ brings it back', async () => {
      await toggle(b, tab, 'toolbar');
      await waitFor(() => isOpen(tab), { what: 'sheet open' });
      const full = await sheet(tab);
      await clickIn(b, tab, '.collapse');
      const bar = await waitFor(async () => {
        const s = await sheet(tab);
        return s.height < 80 ? s : null;
      }, { what: 'the header bar' });
      assert.equal(Math.round(bar.width), bar.vw);
      assert.ok(Math.abs(bar.bottom - bar.vh) <= 1, JSON.stringify(bar));
      assert.deepEqual(await smallTargets(tab), []);
      assert.equal(await tab.eval(() => document.querySelector('dossier-sidebar').shadowRoot.querySelector('.collapse').getAttribute('aria-expanded')), 'false');
      await clickIn(b, tab, '.collapse');
      await waitFor(async () => (await sheet(tab)).height === full.height, { what: 'the sheet back' });
      await clickIn(b, tab, '.close');
      await waitFor(async () => !(await isOpen(tab)), { what: 'closed' });
    });

    it('a short drag does not close it; the × button does', async () => {
      await toggle(b, tab, 'toolbar');
      await waitFor(() => isOpen(tab), { what: 'sheet open again' });
      const s = await sheet(tab);
      await swipeDown(b, tab, s.header, 20);
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(await isOpen(tab), 'still open after a 20-px drag');
      assert.equal((await sheet(tab)).top, s.top, 'back in place');
      await clickIn(b, tab, '.close');
      await waitFor(async () => !(await isOpen(tab)), { what: 'sheet closed by ×' });
      assert.equal(await tab.eval(() => document.documentElement.outerHTML), initialHtml);
    });
  });
}
