#!/usr/bin/env node
// make corpus-check: every page of ../shared/data/pages, with the extension,
// in headless Chromium and Firefox. Page scripts are off (the saved pages'
// scripts would make every load different); the content script still runs.
// For each page: Dossier settles without an error of its own, and after
// "Show all" the DOM is byte for byte the DOM of the same page loaded where
// Dossier is off (the same server under the name "localhost").
//
// With --scripts on (make corpus-check SCRIPTS=on) the pages' own scripts
// run: pages come from 127.0.0.1 and every other request goes to a proxy on
// 127.0.0.1 that answers it with an error (tests/e2e/blackhole.mjs; counted),
// and each page is checked after it settles (tests/e2e/live-check.mjs).
// Usage: node scripts/corpus-check.mjs [--browsers chromium,firefox] [--limit N] [--sample N]
//          [--scripts on] [--pages DIR] [--dist DIR] [--json FILE]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, waitFor } from '../tests/e2e/browsers.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { tabState } from '../tests/e2e/helpers.mjs';
import { startBlackhole } from '../tests/e2e/blackhole.mjs';
import { checkLivePage, PAGE_TROUBLE } from '../tests/e2e/live-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const pagesDir = path.resolve(arg('--pages', path.join(root, '..', 'shared', 'data', 'pages')));
if (!fs.existsSync(pagesDir)) {
  console.error(`corpus-check needs the pages at ${pagesDir} (../shared/data/pages is not part of a clone); pass --pages DIR`);
  process.exit(2);
}
const browsers = arg('--browsers', 'chromium,firefox').split(',');
const limit = Number(arg('--limit', '100000'));
const pages = [];
for (const src of fs.readdirSync(pagesDir).sort()) {
  const d = path.join(pagesDir, src);
  if (!fs.statSync(d).isDirectory()) continue;
  for (const name of fs.readdirSync(d).sort()) if (fs.existsSync(path.join(d, name, 'source.html'))) pages.push(`${src}/${name}`);
}
pages.splice(limit);
// --sample N: N pages spread evenly over the (sorted) list.
const sample = Number(arg('--sample', '0'));
if (sample > 0 && sample < pages.length) {
  const step = pages.length / sample;
  const picked = Array.from({ length: sample }, (_, i) => pages[Math.floor(i * step)]);
  pages.splice(0, pages.length, ...picked);
}
const distFor = (name) => path.join(arg('--dist', path.join(root, 'dist')), name === 'chromium' ? 'chrome-test' : 'firefox-test');
if (arg('--scripts', 'off') === 'on') {
  const code = await liveRun();
  process.exit(code);
}

/** Every page with its own scripts running (--scripts on). */
async function liveRun() {
  const srv = await startServer({ roots: { '/p/': pagesDir + '/' } });
  const bh = await startBlackhole();
  const t0 = Date.now();
  const results = {};
  for (const name of browsers) {
    const b = await launch(name, distFor(name), { proxy: bh.port });
    await b.ext((s) => (globalThis.browser || globalThis.chrome).storage.local.set({ settings: s }), { version: 1, disabledSites: ['localhost'], autoFold: true, autoOpen: false });
    bh.take(); // the browser's own start-up requests apart
    // What the harness itself caused before the first page (Firefox: its popup.html?tab=-1).
    const seenErrors = new Set(b.consoleErrors ? await b.consoleErrors() : []);
    const rows = [];
    let n = 0;
    for (const p of pages) {
      n++;
      const pageErrorsBefore = b.errors.length;
      const r = await checkLivePage(b, `${srv.base}/p/${p}/source.html`, { seenErrors });
      r.page = p;
      // The page's own script errors (not Dossier's): Chromium's pageerror, Firefox's console.
      r.pageErrors = b.errors.slice(pageErrorsBefore).map((e) => e.message.slice(0, 200));
      if (b.consoleErrors) {
        const all = await b.consoleErrors(`${srv.base}/p/${p}/`).catch(() => []);
        // Script errors only (not the cookie and CSP notices the console also holds).
        r.pageErrors.push(...all.filter((e) => !seenErrors.has(e) && /\b[A-Za-z]*Error\b/.test(e)).map((e) => (seenErrors.add(e), e.slice(0, 200))));
      }
      const refused = bh.take();
      r.refused = refused.count;
      r.refusedHosts = [...refused.hosts.keys()].slice(0, 10);
      rows.push(r);
      if (r.cause) console.error(`\n${name} ${p}: ${r.cause}: ${r.detail}`);
      process.stderr.write(`\r${name} ${n}/${pages.length}   `);
    }
    await b.close();
    results[name] = rows;
  }
  await bh.close();
  await srv.close();
  const secs = Math.round((Date.now() - t0) / 1000);
  let failures = 0;
  console.log(`\ncorpus-check SCRIPTS=on: ${pages.length} pages × ${browsers.length} browsers in ${secs} s`);
  for (const [name, rows] of Object.entries(results)) {
    const by = {};
    for (const r of rows) if (r.cause) by[r.cause] = (by[r.cause] || 0) + 1;
    const dossierFailures = rows.filter((r) => r.cause && !PAGE_TROUBLE.has(r.cause));
    failures += dossierFailures.length;
    const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`  ${name}: ${rows.filter((r) => r.ok).length} pages pass, ${dossierFailures.length} fail, ` +
      `${rows.filter((r) => PAGE_TROUBLE.has(r.cause)).length} not checked (the page's own trouble); ` +
      `${rows.filter((r) => r.settled).length} settled, ${rows.filter((r) => !r.settled && r.ok).length} still changing after 15 s; ` +
      `${rows.filter((r) => r.folded > 0).length} with folds; median ${ms[ms.length >> 1]} ms a page`);
    for (const [k, v] of Object.entries(by)) console.log(`    ${k}: ${v}`);
    console.log(`    requests refused (would have left the machine): ${rows.reduce((n, r) => n + r.refused, 0)}, from ${rows.filter((r) => r.refused).length} pages`);
    const own = rows.filter((r) => r.pageErrors.length);
    console.log(`    pages whose own scripts threw offline: ${own.length}`);
    for (const r of rows.filter((x) => x.cause)) console.log(`    ${r.page}: ${r.cause}: ${r.detail}`);
  }
  const json = arg('--json', path.join(root, 'target', 'corpus-live.json'));
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(json, JSON.stringify(results, null, 1));
  console.log(`  per page (causes, the page's own errors, refused hosts): ${path.relative(process.cwd(), json)}`);
  return failures ? 1 : 0;
}

const srv = await startServer({ roots: { '/p/': pagesDir + '/' } });
const failures = [];
const tally = {};
const extensionRequests = [];
const t0 = Date.now();
for (const name of browsers) {
  // The tests' build (make build-test): it has the hooks tabState() reads.
  const dir = distFor(name);
  const b = await launch(name, dir, { javaScript: false });
  // No network: with page scripts off, a page cannot fetch, so any script-made
  // request (fetch, XHR, WebSocket, beacon) in Chromium comes from the
  // extension; the service worker's own requests are watched too.
  if (b.context) {
    b.context.on('request', (r) => {
      const scripted = ['fetch', 'xhr', 'websocket', 'eventsource', 'ping'].includes(r.resourceType());
      if (/^(https?|wss?):/.test(r.url()) && (scripted || r.serviceWorker())) extensionRequests.push(`${name}: ${r.resourceType()} ${r.url()}`);
    });
  }
  await b.ext((s) => (globalThis.browser || globalThis.chrome).storage.local.set({ settings: s }), { version: 1, disabledSites: ['localhost'], autoFold: true, autoOpen: false });
  let n = 0;
  for (const p of pages) {
    n++;
    const url = `${srv.base}/p/${p}/source.html`;
    try {
      const tab = await b.open(url, { waitUntil: 'domcontentloaded' });
      let id;
      try {
        id = await tab.id();
      } catch (e) {
        // A page that sends itself elsewhere (<noscript><meta http-equiv=refresh>,
        // which fires because page scripts are off) is not there to check.
        const now = await tab.url;
        if (now === url) throw e;
        tally[`${name} redirected by the page itself`] = (tally[`${name} redirected by the page itself`] || 0) + 1;
        console.error(`\n${name} ${p}: the page redirected itself to ${now}; not checked`);
        await tab.close();
        continue;
      }
      const s = await waitFor(async () => {
        const st = await tabState(b, id);
        return st && ['done', 'skipped', 'error', 'disabled'].includes(st.state) ? st : null;
      }, { ms: 60000, what: 'settle' });
      if (s.state === 'error') throw new Error('Dossier reported an error');
      tally[`${name} ${s.state}`] = (tally[`${name} ${s.state}`] || 0) + 1;
      if (s.folded > 0) tally[`${name} pages with folds`] = (tally[`${name} pages with folds`] || 0) + 1;
      const extErrors = tab.extensionErrors ? tab.extensionErrors() : [];
      if (extErrors.length) throw new Error(`extension errors: ${extErrors.join('; ')}`);
      // What the popup's "Show all" sends (the popup itself has no scripts here:
      // turning page scripts off turns off extension pages' too).
      await b.ext(new Function('id', `return ${b.name === 'chromium' ? 'chrome' : 'browser'}.tabs.sendMessage(id, { type: 'popup:showAll' })`), id);
      const after = await tab.source();
      await tab.close();
      const base = await b.open(`http://localhost:${srv.port}/p/${p}/source.html`, { waitUntil: 'domcontentloaded' });
      await waitFor(async () => {
        const st = await tabState(b, await base.id());
        return st && st.state === 'disabled';
      }, { ms: 60000, what: 'baseline' });
      const before = await base.source();
      await base.close();
      if (after !== before) {
        let k = 0;
        while (k < after.length && after[k] === before[k]) k++;
        throw new Error(`DOM differs after Show all at char ${k}: ${JSON.stringify(after.slice(k, k + 80))} vs ${JSON.stringify(before.slice(k, k + 80))}`);
      }
      process.stderr.write(`\r${name} ${n}/${pages.length}   `);
    } catch (e) {
      if (process.env.DEBUG) console.error(e.stack);
      failures.push(`${name} ${p}: ${e.message.split('\n')[0]}`);
      console.error(`\n${name} ${p}: ${e.message.split('\n')[0]}`);
    }
  }
  await b.close();
}
await srv.close();
// Both browsers: nothing reached the test server from an extension origin, and
// every request was for a page or its own files under /p/.
for (const r of srv.requests) {
  if (/^(chrome|moz)-extension:/.test(r.headers.origin || r.headers.referer || '')) extensionRequests.push(`request from the extension: ${r.path}`);
}
for (const r of extensionRequests) failures.push(`network: ${r}`);
tally['requests seen by the test server'] = srv.requests.length;
const secs = Math.round((Date.now() - t0) / 1000);
console.log(`\ncorpus-check: ${pages.length} pages × ${browsers.length} browsers in ${secs} s; ${failures.length} failures`);
for (const [k, v] of Object.entries(tally)) console.log(`  ${k}: ${v}`);
for (const f of failures) console.log(`  ${f}`);
process.exit(failures.length ? 1 : 0);
