// End to end, in both browsers: the sidebar's export. "Copy as Markdown"
// and "Download JSON" are reached with Tab and pressed with Enter (trusted
// key presses), the status line says what happened (a polite live
// region), the clipboard holds the Markdown with text-fragment links to the
// page, the downloaded file is the report (the CLI's keys) plus the URL,
// a link opened in the browser lands on its passage, and both work on a
// page whose CSP is default-src 'none'.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, waitFor } from './browsers.mjs';
import { startServer, testsDir } from './server.mjs';
import { requireBuild, settled } from './helpers.mjs';
import { toggle, isOpen, press, tabTo, clipboardText } from './ui.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');
const root = path.resolve(testsDir, '..');
const CLI = path.join(root, 'target', 'release', 'dossier');

const status = (tab) => tab.eval(() => {
  const s = document.querySelector('dossier-sidebar').shadowRoot.querySelector('.export-status');
  return s ? { text: s.textContent, role: s.getAttribute('role'), live: s.getAttribute('aria-live') } : null;
});

/** A downloaded JSON file, once the browser has finished writing it. */
const readJson = (file) =>
  waitFor(() => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (_) {
      return null;
    }
  }, { what: `${file} written` });

for (const name of BROWSERS) {
  describe(`export in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    let tab;
    let url;
    let markdown;
    const downloads = fs.mkdtempSync(path.join(os.tmpdir(), `dossier-downloads-${name}-`));
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name), { downloadDir: downloads });
      // The page's own fragment is replaced in every link.
      url = `${srv.base}/pages/example/?from=export#top`;
      tab = await b.open(url);
      if (b.name === 'chromium') {
        await tab.page.setViewportSize({ width: 1400, height: 900 });
        await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.base });
      }
      await settled(b, tab);
      await toggle(b, tab, 'toolbar');
      await waitFor(() => isOpen(tab), { what: 'sidebar open' });
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    });

    it('"Copy as Markdown" is reached with Tab, copies, and says "Copied" politely', async () => {
      const f = await tabTo(b, tab, (x) => x.data === 'markdown');
      assert.equal(f.text, 'Copy as Markdown');
      await press(b, tab, 'Enter');
      const s = await waitFor(async () => {
        const x = await status(tab);
        return x && x.text ? x : null;
      }, { what: 'the export status' });
      assert.deepEqual(s, { text: 'Copied', role: 'status', live: 'polite' });
      markdown = await waitFor(() => clipboardText(b, tab), { what: 'the clipboard' });
    });

    it('the Markdown has the title, address, date and every section, each item linked', () => {
      const base = url.split('#')[0];
      const lines = markdown.split('\n');
      assert.equal(lines[0], "# Cambodia's ruling party and opposition resume talks \\| Example News");
      assert.ok(markdown.includes(`Source: <${url}>`), markdown);
      assert.ok(markdown.includes('Published: 2013-11-06'), markdown);
      for (const h of ['People', 'Organizations', 'Places', 'Timeline', 'Numbers', 'Quotes']) assert.ok(lines.includes(`## ${h}`), h);
      const hun = lines.find((l) => l.startsWith('- [Hun Sen]('));
      assert.ok(hun, markdown);
      assert.match(hun, /Prime Minister/);
      const link = /\]\(([^)]+)\)/.exec(hun)[1];
      assert.ok(link.startsWith(`${base}#:~:text=`), link);
      assert.ok(!link.includes('#top'), link);
      const quote = lines.find((l) => l.startsWith('- [“illegitimate”]('));
      assert.ok(quote && quote.endsWith('— Sam Rainsy'), markdown);
      assert.ok(lines.some((l) => l.startsWith("- [Cambodian People's Party](") && l.endsWith('(CPP)')), markdown);
      assert.ok(lines.some((l) => l.startsWith('- [2013-07-28](')), markdown);
      assert.ok(lines.some((l) => /^- Cambodian People's Party: \[68 of 123 parliamentary seats\]\(/.test(l)), markdown);
      // Every link is well formed: no space or bracket a Markdown reader would stop at.
      for (const m of markdown.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1], /^http:\/\/127\.0\.0\.1:\d+\/pages\/example\/\?from=export#:~:text=[^\s()[\]]+$/, m[1]);
    });

    it('"Download JSON" is the next control, and saves the report with the URL and links', async () => {
      const f = await tabTo(b, tab, (x) => x.data === 'json', 3);
      assert.equal(f.text, 'Download JSON');
      const download = b.name === 'chromium' ? tab.page.waitForEvent('download') : null;
      await press(b, tab, 'Enter');
      let file;
      if (download) {
        const d = await download;
        assert.match(d.suggestedFilename(), /^dossier-cambodia-s-ruling-party.*\.json$/);
        file = await d.path();
      } else {
        file = await waitFor(() => {
          const f = fs.readdirSync(downloads).find((x) => x.endsWith('.json'));
          return f ? path.join(downloads, f) : null;
        }, { what: 'the downloaded file' });
        assert.match(path.basename(file), /^dossier-cambodia-s-ruling-party.*\.json$/);
      }
      await waitFor(async () => (await status(tab)).text.startsWith('Downloaded'), { what: 'the download status' });
      const data = await readJson(file);
      assert.equal(data.url, url);
      assert.equal(data.version, 1);
      assert.equal(data.published, '2013-11-06');
      // The report's own keys (as the CLI prints them), plus the URL.
      if (fs.existsSync(CLI)) {
        const cli = JSON.parse(execFileSync(CLI, ['analyze', '--json', path.join(testsDir, 'pages', 'example', 'source.html')], { encoding: 'utf8' }));
        assert.deepEqual(Object.keys(data).sort(), [...Object.keys(cli), 'url'].sort());
        assert.deepEqual(data.entities.map((e) => e.name), cli.entities.map((e) => e.name));
      }
      const hun = data.entities.find((e) => e.name === 'Hun Sen');
      assert.ok(hun.link.startsWith(url.split('#')[0] + '#:~:text='), hun.link);
      for (const k of ['entities', 'dates', 'quantities', 'quotes']) for (const x of data[k]) assert.ok('link' in x, k);
      // The blocks carry their text: every mention can be read back.
      const m = hun.mentions[0];
      assert.equal(data.blocks[m.block].text.slice(m.start, m.end), 'Hun Sen');
    });

    it("works on a page whose CSP is default-src 'none'", async () => {
      const cspUrl = `${srv.base}/csp/pages/example/`;
      const t3 = await b.open(cspUrl);
      if (b.name === 'chromium') await t3.page.setViewportSize({ width: 1400, height: 900 });
      await settled(b, t3);
      await toggle(b, t3, 'toolbar');
      await waitFor(() => isOpen(t3), { what: 'sidebar open' });
      await tabTo(b, t3, (x) => x.data === 'markdown');
      await press(b, t3, 'Enter');
      await waitFor(async () => (await status(t3))?.text === 'Copied', { what: 'Copied' });
      const md = await waitFor(async () => {
        const c = await clipboardText(b, t3);
        return c && c.includes(`Source: <${cspUrl}>`) ? c : null;
      }, { what: 'the clipboard with the CSP page' });
      assert.ok(md.includes('## People'));
      await tabTo(b, t3, (x) => x.data === 'json', 3);
      const before = new Set(fs.readdirSync(downloads));
      const download = b.name === 'chromium' ? t3.page.waitForEvent('download') : null;
      await press(b, t3, 'Enter');
      let file;
      if (download) file = await (await download).path();
      else {
        file = await waitFor(() => {
          const f = fs.readdirSync(downloads).find((x) => x.endsWith('.json') && !before.has(x));
          return f ? path.join(downloads, f) : null;
        }, { what: 'the second downloaded file' });
      }
      assert.equal((await readJson(file)).url, cspUrl);
      await t3.close();
    });

    it('a link opened in the browser lands on its passage', async () => {
      const line = markdown.split('\n').find((l) => l.startsWith('- [“illegitimate”]('));
      const link = /\]\(([^)]+)\)/.exec(line)[1];
      // A short window, so that the passage is below the fold.
      const t2 = await b.open(`${srv.base}/blank.html`);
      if (b.name === 'chromium') await t2.page.setViewportSize({ width: 800, height: 300 });
      else await b.driver.manage().window().setRect({ width: 800, height: 400 });
      await t2.goto(link);
      // Scrolled to the passage: the first paragraph holding the quote is in view.
      const where = await waitFor(() => t2.eval(() => {
        const p = [...document.querySelectorAll('p')].find((x) => x.textContent.includes('illegitimate'));
        const r = p.getBoundingClientRect();
        return window.scrollY > 0 && r.bottom > 0 && r.top < window.innerHeight ? { y: window.scrollY, top: r.top } : null;
      }), { what: 'the page scrolled to the quote' });
      assert.ok(where.y > 0);
      await t2.close();
    });
  });
}
