#!/usr/bin/env node
// make soak: one browser session reads 1,000 pages (issue 23, part 3): the
// real pages of ../shared/data/pages three times over, mixed with the
// hostile pages (tests/e2e/hostile-pages.mjs) and the live fixture
// (tests/e2e/fixtures/live.html, every mode), the sidebar opened on every
// tenth page (and an entity of it clicked). Page scripts run; every request
// not for 127.0.0.1 is refused by a proxy on 127.0.0.1 (counted).
//
// Checks: no error of Dossier's own (its state, the background's
// console.error / uncaught errors / unhandled rejections, the extension's
// console errors), the background's memory flat after warm-up, and the
// extension still answers at the end (the example page folds its 7
// paragraphs). Memory, every 25 pages: the core's WASM linear memory (the
// tests' build keeps its WebAssembly.Memory) and the background's JS heap
// (Chromium: the service worker's V8 heap over the DevTools protocol;
// Firefox: the resident memory of the extension process).
//
// Usage: node scripts/soak.mjs [--browsers chromium,firefox] [--pages N] [--pages-dir DIR] [--json FILE]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, waitFor } from '../tests/e2e/browsers.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { startBlackhole } from '../tests/e2e/blackhole.mjs';
import { CASES, REWRITING } from '../tests/e2e/hostile-pages.mjs';
import { tabState, tell, backgroundErrors, backgroundMemory, distDir } from '../tests/e2e/helpers.mjs';
import { BROWSER_NOTICE } from '../tests/e2e/live-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pagesDir = path.resolve(arg('--pages-dir', path.join(process.env.SHARED || path.join(root, '..', 'shared'), 'data', 'pages')));
if (!fs.existsSync(pagesDir)) {
  console.error(`soak needs the real pages at ${pagesDir} (not part of a clone); set SHARED=/path/to/shared`);
  process.exit(2);
}
const browsers = arg('--browsers', 'chromium,firefox').split(',');
const TOTAL = Number(arg('--pages', '1000'));
const MB = 1024 * 1024;

const real = [];
for (const src of fs.readdirSync(pagesDir).sort()) {
  const d = path.join(pagesDir, src);
  if (!fs.statSync(d).isDirectory()) continue;
  for (const name of fs.readdirSync(d).sort()) if (fs.existsSync(path.join(d, name, 'source.html'))) real.push(`/p/${src}/${name}/source.html`);
}
const hostile = [
  ...Object.keys(CASES).map((k) => `/hostile/${k}`),
  '/hostile/rewriting',
  ...['none', 'hydrate', 'append', 'newsletter', 'rerender', 'all'].map((m) => `/fixtures/live.html?do=${m}`),
  '/fixtures/hostile-css.html',
  '/fixtures/polish.html',
];
// The corpus three times, a hostile page in between every so often, up to TOTAL.
const plan = [];
let h = 0;
// One in thirteen: the 308 pages three times and 71 others make about 1,000 (mixed the same in a short run).
const every = 13;
for (let round = 0; plan.length < TOTAL; round++) {
  for (let i = 0; i < real.length && plan.length < TOTAL; i++) {
    plan.push(real[i]);
    if (plan.length % every === 0 && plan.length < TOTAL) plan.push(hostile[h++ % hostile.length]);
  }
  if (round > 10) break;
}

const mix = `${plan.filter((p) => p.startsWith('/p/')).length} real pages, ${plan.filter((p) => !p.startsWith('/p/')).length} hostile and live pages`;
console.error(`soak: ${plan.length} pages a session (${mix})`);
if (process.argv.includes('--dry')) {
  console.log(plan.join('\n'));
  process.exit(0);
}

/** The background's JS heap: Chromium's service worker over CDP; Firefox's extension process (resident). */
async function heapOf(b) {
  if (b.name === 'chromium') {
    const cdp = await b.context.browser().newBrowserCDPSession();
    try {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${b.extId}/`));
      if (!sw) return null;
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
      const reply = new Promise((resolve) => {
        cdp.on('Target.receivedMessageFromTarget', (ev) => {
          if (ev.sessionId !== sessionId) return;
          const m = JSON.parse(ev.message);
          if (m.id === 1) resolve(m.result || null);
        });
      });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
      const r = await Promise.race([reply, sleep(5000).then(() => null)]);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      return r ? r.usedSize : null;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }
  const d = b.driver;
  await d.setContext('chrome');
  try {
    return await d.executeAsyncScript(`
      const cb = arguments[arguments.length - 1];
      ChromeUtils.requestProcInfo().then((info) => {
        const ext = (info.children || []).filter((c) => c.type === 'extension');
        cb(ext.length ? ext.reduce((n, c) => n + (c.memory || 0), 0) : null);
      }, () => cb(null));`);
  } finally {
    await d.setContext('content');
  }
}

async function soak(name, srv, bh) {
  const b = await launch(name, distDir(name), { proxy: bh.port });
  await b.ext((s) => (globalThis.browser || globalThis.chrome).storage.local.set({ settings: s }), { version: 1, disabledSites: ['localhost'], autoFold: true, autoOpen: false });
  bh.take();
  const t0 = Date.now();
  const errors = [];
  const states = {};
  const samples = [];
  // What the harness itself caused before the first page (Firefox: its popup.html?tab=-1).
  const seen = new Set(b.consoleErrors ? await b.consoleErrors() : []);
  let sidebars = 0;
  let unsettled = 0;
  const sample = async (n) => {
    const m = await backgroundMemory(b).catch(() => null);
    const heap = await heapOf(b).catch(() => null);
    samples.push({ n, wasm: m ? m.wasm : null, heap });
  };
  await sample(0);
  for (let n = 1; n <= plan.length; n++) {
    const p = plan[n - 1];
    const url = srv.base + p;
    let tab;
    try {
      try {
        tab = await b.open(url, { waitUntil: 'domcontentloaded' });
      } catch (e) {
        // Firefox: a page that sends itself to a host the proxy refuses ends on an error page.
        if (!/Reached error page/.test(e.message)) throw e;
        states['navigated away'] = (states['navigated away'] || 0) + 1;
        continue;
      }
      let id;
      // A page's own alert() can cost WebDriver a command, and a large page under load
      // takes more than one wait to report: three waits of 15 s.
      for (let k = 0; !id; k++) {
        try {
          id = await tab.id();
        } catch (e) {
          const now = await Promise.resolve(tab.url).catch(() => null);
          if (now && now !== url) break;
          if (k >= 2) throw e;
        }
      }
      if (!id) {
        states['navigated away'] = (states['navigated away'] || 0) + 1;
        continue;
      }
      const st = await waitFor(async () => {
        const s = await tabState(b, id);
        return s && ['done', 'skipped', 'error', 'disabled'].includes(s.state) ? s : null;
      }, { ms: 60000, what: 'settle' }).catch(() => null);
      const key = st ? st.state : 'never settled';
      if (!st) unsettled++;
      states[key] = (states[key] || 0) + 1;
      if (key === 'error' && !p.includes('panic')) errors.push(`${p}: Dossier reported an error`);
      if (n % 10 === 0 && st && st.state !== 'disabled') {
        await tell(b, id, { type: 'bg:toggleSidebar' });
        await waitFor(() => tab.eval(() => !!document.querySelector('dossier-sidebar')?.shadowRoot.querySelector('.summary, section')), { ms: 10000, what: 'sidebar' });
        await tab.eval(() => {
          const item = document.querySelector('dossier-sidebar').shadowRoot.querySelector('.item');
          if (item) item.click();
        });
        await tell(b, id, { type: 'bg:toggleSidebar' });
        sidebars++;
      }
      if (tab.extensionErrors) for (const e of tab.extensionErrors()) errors.push(`${p}: ${e}`);
    } catch (e) {
      errors.push(`${p}: harness: ${String(e.message).split('\n')[0]}`);
    } finally {
      if (tab) await tab.close().catch(() => {});
    }
    if (n % 25 === 0) {
      for (const e of await backgroundErrors(b)) if (!seen.has(e)) (seen.add(e), errors.push(`background: ${e}`));
      if (b.consoleErrors) for (const e of await b.consoleErrors()) if (!seen.has(e) && !BROWSER_NOTICE.test(e)) (seen.add(e), errors.push(`console: ${e}`));
      await sample(n);
      const last = samples[samples.length - 1];
      process.stderr.write(`\r${name} ${n}/${plan.length} pages, ${errors.length} errors, wasm ${(last.wasm / MB).toFixed(1)} MB, heap ${last.heap == null ? '?' : (last.heap / MB).toFixed(1) + ' MB'}   `);
    }
  }
  for (const e of await backgroundErrors(b)) if (!seen.has(e)) (seen.add(e), errors.push(`background: ${e}`));
  if (b.consoleErrors) for (const e of await b.consoleErrors()) if (!seen.has(e) && !BROWSER_NOTICE.test(e)) (seen.add(e), errors.push(`console: ${e}`));
  // Still answering: the example page folds its seven paragraphs.
  let answers = false;
  try {
    const tab = await b.open(`${srv.base}/pages/example/?end-of-soak`);
    const st = await waitFor(async () => {
      const s = await tabState(b, await tab.id());
      return s && s.state === 'done' ? s : null;
    }, { ms: 30000, what: 'the example page at the end' });
    answers = st.folded === 7;
    await tab.close();
  } catch (e) {
    errors.push(`at the end: ${e.message.split('\n')[0]}`);
  }
  await sample(plan.length + 1);
  const refused = bh.take();
  await b.close();
  return { browser: name, pages: plan.length, secs: Math.round((Date.now() - t0) / 1000), states, sidebars, unsettled, errors, answers, samples, refused: refused.count, refusedHosts: refused.hosts.size };
}

/** start, peak, end and the peak after warm-up (the first fifth) of one series. */
function flat(samples, key) {
  const xs = samples.filter((s) => s[key] != null);
  if (!xs.length) return null;
  const warm = xs.filter((s) => s.n >= plan.length / 5);
  const peak = (ys) => Math.max(...ys.map((s) => s[key]));
  const afterWarm = warm.length ? warm : xs;
  return {
    start: xs[0][key],
    warm: afterWarm[0][key],
    peak: peak(xs),
    peakAfterWarm: peak(afterWarm),
    end: xs[xs.length - 1][key],
  };
}

/** The median of each fifth of the session: a flat series has flat medians, whatever its garbage collector's sawtooth. */
function fifths(samples, key) {
  const xs = samples.filter((s) => s[key] != null);
  const out = [];
  for (let k = 0; k < 5; k++) {
    const part = xs.filter((s) => s.n >= (k * plan.length) / 5 && (s.n < ((k + 1) * plan.length) / 5 || k === 4)).map((s) => s[key]).sort((a, b) => a - b);
    out.push(part.length ? part[part.length >> 1] : null);
  }
  return out;
}

const srv = await startServer({
  roots: { '/p/': pagesDir + '/' },
  routes: { ...Object.fromEntries(Object.entries(CASES).map(([k, html]) => [`/hostile/${k}`, { body: html }])), '/hostile/rewriting': { body: REWRITING } },
});
const bh = await startBlackhole();
let failed = false;
const out = {};
for (const name of browsers) {
  const r = await soak(name, srv, bh);
  r.wasm = flat(r.samples, 'wasm');
  r.heap = flat(r.samples, 'heap');
  r.heapFifths = fifths(r.samples, 'heap');
  out[name] = r;
  const f = (x) => (x == null ? '?' : `${(x / MB).toFixed(1)} MB`);
  const line = (k) => (r[k] ? `start ${f(r[k].start)}, after warm-up ${f(r[k].warm)}, peak ${f(r[k].peak)} (after warm-up ${f(r[k].peakAfterWarm)}), end ${f(r[k].end)}` : 'not measured');
  console.log(`\nsoak ${name}: ${r.pages} pages (${mix}) in ${r.secs} s; states ${JSON.stringify(r.states)}; sidebar opened ${r.sidebars} times`);
  console.log(`  errors: ${r.errors.length}; still answers at the end: ${r.answers}; requests refused: ${r.refused} (${r.refusedHosts} hosts)`);
  console.log(`  WASM linear memory: ${line('wasm')}`);
  console.log(`  ${name === 'chromium' ? 'service worker JS heap (used)' : 'extension process, resident'}: ${line('heap')}`);
  console.log(`  JS heap, median of each fifth of the session: ${r.heapFifths.map(f).join(', ')}`);
  for (const e of r.errors.slice(0, 30)) console.log(`    ${e}`);
  // Flat: after warm-up the peak stays within 25 % (and 8 MB) of the level reached at warm-up.
  const grows = (m) => m && m.peakAfterWarm > Math.max(m.warm * 1.25, m.warm + 8 * MB);
  if (r.errors.length || !r.answers || grows(r.wasm)) failed = true;
  if (grows(r.wasm)) console.log('  the WASM memory grew after warm-up');
  // The heap: the last fifth's median against the second's (past warm-up).
  const [, second, , , last] = r.heapFifths;
  if (second != null && last != null && last > Math.max(second * 1.25, second + 8 * MB)) console.log('  the JS heap grew after warm-up (reported, not failed: a garbage collector decides when)');
}
await bh.close();
await srv.close();
const json = arg('--json', path.join(root, 'target', 'soak.json'));
fs.mkdirSync(path.dirname(json), { recursive: true });
fs.writeFileSync(json, JSON.stringify({ plan: plan.length, results: out }, null, 1));
console.log(`samples and errors: ${path.relative(process.cwd(), json)}`);
process.exit(failed ? 1 : 0);
