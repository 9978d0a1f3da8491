// End to end, in both browsers: "already read" (extension/memory.js). Page
// A (tests/memory/wire-a.html on 127.0.0.1) is read; the same story on
// another site (wire-b.html on localhost) folds its shared paragraphs as
// "Read before — '<A's title>', <day>" with a link back to A, and not its
// own intro. "Forget everything" on the options page, the per-site forget
// and the switch turned off each leave B unfolded. In a private Firefox
// window, Dossier reads the pages but remembers nothing (the last suite).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitFor } from './browsers.mjs';
import path from 'node:path';
import { startServer, testsDir } from './server.mjs';
import { requireBuild, settled } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');

/** Each fold on the page: its label, its link back, and the first words of the paragraphs it hides. */
const folds = (tab) =>
  tab.eval(() =>
    [...document.querySelectorAll('dossier-fold')].map((f) => {
      const a = f.shadowRoot.querySelector('a.read-before');
      const hidden = [];
      for (let n = f.nextElementSibling; n && n.hasAttribute('data-dossier-folded'); n = n.nextElementSibling) hidden.push(n.textContent.trim().split(' ').slice(0, 3).join(' '));
      return { label: f.shadowRoot.querySelector('.label').textContent, href: a ? a.href : null, hidden };
    }),
  );

const memorySize = (options) => waitFor(() => options.eval(() => document.getElementById('memory-size').textContent), { what: 'the memory size line' });

for (const name of BROWSERS) {
  describe(`already read in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    let urlA;
    let urlB;
    let n = 0;
    before(async () => {
      srv = await startServer({ roots: { '/memory/': path.join(testsDir, 'memory') } });
      b = await launch(name, requireBuild(name));
      // The tests' build starts with it off (extension/test/background.js); the
      // shipped default, on, is that of extension/memory.js (tests/js/memory.test.mjs).
      if (name === 'chromium') await b.ext(() => { globalThis.__dossierReadMemory.defaults.enabled = true; });
      else await b.ext(() => browser.runtime.sendMessage({ type: 'test:memoryDefault', enabled: true }));
      urlA = `${srv.base}/memory/wire-a.html`;
      urlB = `http://localhost:${srv.port}/memory/wire-b.html`;
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    /** Opens B (another query string each time: still the same page, never "read before" on itself) and returns its folds. */
    async function openB() {
      const tab = await b.open(`${urlB}?v=${++n}`);
      assert.equal((await settled(b, tab)).state, 'done');
      const f = await folds(tab);
      await tab.close();
      return f.filter((x) => x.href !== null || /Read before/.test(x.label));
    }
    async function readA() {
      const tab = await b.open(urlA);
      assert.equal((await settled(b, tab)).state, 'done');
      await tab.close();
    }

    it('is on (by default, when the reader never chose); a paragraph read on A folds on B with a link back to A', async () => {
      const options = await b.extPage('options/options.html');
      await waitFor(() => options.eval(() => document.getElementById('memory-on').checked), { what: 'the switch on' });
      assert.match(await memorySize(options), /Nothing remembered/);
      await options.close();
      await readA();
      const f = await openB();
      assert.equal(f.length, 1, JSON.stringify(f));
      assert.match(f[0].label, /^Read before — ‘Coronavirus: New York buries unclaimed dead in mass graves[^’]*’, \S+/);
      assert.equal(f[0].href, urlA);
      // The six shared paragraphs (two edited by a word), not B's own intro.
      assert.deepEqual(f[0].hidden, ['Officials say burials', 'The drone footage', 'But burial operations', 'Prisoners from Rikers', 'It is not', 'The daily rise']);
    });

    it('"Forget everything" forgets: B no longer folds', async () => {
      const options = await b.extPage('options/options.html');
      assert.match(await memorySize(options), /^[1-9]\d* pages/);
      await options.click('#memory-forget');
      await waitFor(async () => /Nothing remembered/.test(await memorySize(options)), { what: 'the store emptied' });
      await options.close();
      assert.deepEqual(await openB(), []);
    });

    it('forgetting one site forgets its pages only', async () => {
      let options = await b.extPage('options/options.html');
      await options.click('#memory-forget');
      await waitFor(async () => /Nothing remembered/.test(await memorySize(options)), { what: 'the store emptied' });
      await options.close();
      await readA();
      assert.equal((await openB()).length, 1, 'B folds, and is remembered itself (on localhost)');
      options = await b.extPage('options/options.html');
      const hosts = await waitFor(async () => {
        const h = await options.eval(() => [...document.querySelectorAll('.memory-forget-site')].map((x) => x.dataset.host));
        return h.length ? h : null;
      }, { what: 'the sites listed' });
      assert.ok(hosts.includes('127.0.0.1'), hosts.join());
      await options.click('.memory-forget-site[data-host="127.0.0.1"]');
      await waitFor(async () => !(await options.eval(() => !!document.querySelector('.memory-forget-site[data-host="127.0.0.1"]'))), { what: '127.0.0.1 forgotten' });
      assert.equal(await options.eval(() => !!document.querySelector('.memory-forget-site[data-host="localhost"]')), true, 'localhost kept');
      await options.close();
      // A is forgotten; B's own earlier visit (another query string) is the same page.
      assert.deepEqual(await openB(), []);
    });

    it('a blurb on every page of a site is marked as site boilerplate, not read before, and left open', async () => {
      const options = await b.extPage('options/options.html');
      await options.click('#memory-forget');
      await waitFor(async () => /Nothing remembered/.test(await memorySize(options)), { what: 'the store emptied' });
      await options.close();
      for (const i of [0, 1, 2]) {
        const t = await b.open(`${srv.base}/memory/boiler-${i}.html`);
        assert.equal((await settled(b, t)).state, 'done');
        await t.close();
      }
      const tab = await b.open(`${srv.base}/memory/boiler-3.html`);
      assert.equal((await settled(b, tab)).state, 'done');
      const f = await folds(tab);
      const blurbShown = await tab.eval(() => {
        const p = [...document.querySelectorAll('article p')].find((x) => x.textContent.startsWith('Sign up'));
        return getComputedStyle(p).display !== 'none';
      });
      await tab.close();
      // Its first paragraph was read on boiler-0 (one page of the site: reading history).
      assert.deepEqual(f.map((x) => [x.label.replace(/’, .*/, '’'), x.href]), [
        ['Read before — ‘Local story 0 | Town Crier’', `${srv.base}/memory/boiler-0.html`],
        ['On every page of 127.0.0.1 (site boilerplate)', null],
      ]);
      assert.equal(blurbShown, true);
    });

    it('survives a panic in the core: the index is built again, and B still folds', async () => {
      const options = await b.extPage('options/options.html');
      await options.click('#memory-forget');
      await waitFor(async () => /Nothing remembered/.test(await memorySize(options)), { what: 'the store emptied' });
      await options.close();
      await readA();
      // The next analysis panics: the background starts a fresh instance of the core,
      // whose memory no longer holds the index of what was read.
      if (name === 'chromium') await b.ext(() => globalThis.__dossierPanicNext());
      else await b.ext(() => browser.runtime.sendMessage({ type: 'test:panicNext' }));
      const crash = await b.open(`${srv.base}/memory/boiler-0.html?panic`);
      assert.equal((await settled(b, crash)).state, 'error');
      await crash.close();
      const f = await openB();
      assert.equal(f.length, 1, JSON.stringify(f));
      assert.equal(f[0].href, urlA);
    });

    it('switched off: nothing looked up, nothing remembered', async () => {
      let options = await b.extPage('options/options.html');
      await options.click('#memory-forget');
      await waitFor(async () => /Nothing remembered/.test(await memorySize(options)), { what: 'the store emptied' });
      await options.close();
      await readA();
      options = await b.extPage('options/options.html');
      assert.match(await memorySize(options), /^1 pages/);
      await options.click('#memory-on');
      await waitFor(async () => !(await options.eval(() => document.getElementById('memory-on').checked)), { what: 'the switch off' });
      await options.close();
      // A is still kept, but B does not fold, and B is not kept.
      assert.deepEqual(await openB(), []);
      options = await b.extPage('options/options.html');
      assert.match(await memorySize(options), /^1 pages/);
      assert.equal(await options.eval(() => document.getElementById('memory-on').checked), false);
      await options.close();
    });
  });
}

// A private window beside the normal one, in Firefox, with the add-on allowed
// there (as a reader allows it on about:addons).
// Chromium runs no extension in an incognito window unless the reader allows
// it on chrome://extensions, which no command-line switch can do; the guard
// there is the same `tab.incognito` check (tests/js/memory.test.mjs).
if (BROWSERS.includes('firefox')) {
  describe('already read in a private Firefox window', { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      srv = await startServer({ roots: { '/memory/': path.join(testsDir, 'memory') } });
      b = await launch('firefox', requireBuild('firefox'), { private: true });
      await b.ext(() => browser.runtime.sendMessage({ type: 'test:memoryDefault', enabled: true }));
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    it('reads and folds the page, but remembers nothing and folds nothing as read before', async () => {
      const a = await b.openPrivate(`${srv.base}/memory/wire-a.html`);
      // Dossier did run on the page (the guard, not a disabled add-on, is what keeps it out).
      assert.equal((await settled(b, a)).state, 'done');
      const incognito = await b.ext(async () => (await browser.tabs.query({})).some((t) => t.incognito && /wire-a/.test(t.url || '')));
      assert.equal(incognito, true, 'the page is in a private window');
      await a.close();
      const tab = await b.openPrivate(`http://localhost:${srv.port}/memory/wire-b.html`);
      assert.equal((await settled(b, tab)).state, 'done');
      assert.deepEqual((await folds(tab)).filter((x) => x.href !== null || /Read before/.test(x.label)), []);
      await tab.close();
      const options = await b.extPage('options/options.html');
      assert.match(await memorySize(options), /Nothing remembered/);
      await options.close();
    });
  });
}
