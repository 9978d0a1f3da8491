// What the reader feels (issue 20, parts 1–3), measured by scripts/bench.mjs with the loaded
// extension (the tests' build: the same content script and background, plus the hooks these
// measurements read), in the same browser session as the rest of the run:
//
//   1. main thread: the content script's main-thread time per page (collect + post + fold, its
//      status.timings) against the floor on the same page in the same run, one read of
//      document.documentElement.outerHTML by a content script (test:floor);
//   2. time to fold: from document_idle (the content script starts) to the last fold applied and
//      the badge set (status.timings.toFold), warm (the background's core already loaded) and
//      cold (test:coldNext: the core forgotten, so the page's analysis fetches, compiles and
//      instantiates the module and loads the model first; not a restart of the browser's
//      service-worker or background process itself);
//   3. memory: the background's WebAssembly memory and JS heap (Chromium: the service worker's V8
//      heap by the debugging protocol; Firefox: not measured, no API reaches it) over 1,000 analyses in
//      one session, driven by real messages from an extension page (the corpus pages parsed there,
//      sent as a content script sends them, three times over, plus one page over the size cap early on).
//
// Every figure is a measurement of this run; nothing here is a timed test.
import { settled } from '../../tests/e2e/helpers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends `msg` to the content script of tab `tabId` (from the extension) and returns its answer. */
function toTab(b, tabId, msg) {
  if (b.name === 'chromium') return b.ext((id, m) => chrome.tabs.sendMessage(id, m), tabId, msg);
  return b.ext((id, m) => browser.tabs.sendMessage(id, m), tabId, msg);
}

/** Sends `msg` to the background (from the extension) and returns its answer. */
async function toBackground(b, msg) {
  if (b.name === 'chromium') {
    // The test hooks are globals of the service worker itself.
    if (msg.type === 'test:coldNext') return b.ext(() => globalThis.__dossierColdNext());
    if (msg.type === 'test:memory') {
      const m = await b.ext(() => globalThis.__dossierMemory());
      // A service worker has no performance.memory: its V8 heap through the debugging protocol.
      return { ...m, js_bytes: await workerHeap(b) };
    }
  }
  return b.ext((m) => browser.runtime.sendMessage(m), msg);
}

/** The used V8 heap of the extension's service worker (Chromium), by Runtime.getHeapUsage. */
async function workerHeap(b) {
  const cdp = await b.context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url === b.extUrl('background.js'));
    if (!sw) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
    const answer = new Promise((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        const m = JSON.parse(e.message);
        if (m.id === 1) resolve(m.result ? m.result.usedSize : null);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    return await Promise.race([answer, sleep(5000).then(() => null)]);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** One visit: open, settle, read the content script's timings (with toFold) and the floor. */
async function visit(b, url) {
  const row = {};
  let page;
  try {
    page = await b.open(url);
    const st = await settled(b, page);
    row.state = st.state;
    const id = await page.id();
    let status = null;
    // toFold is set when the background's answer to the state message (badge set) comes back.
    for (let i = 0; i < 40; i++) {
      status = await toTab(b, id, { type: 'popup:status' });
      if (!status || status.state !== 'done' || (status.timings && 'toFold' in status.timings)) break;
      await sleep(50);
    }
    row.timings = (status && status.timings) || {};
    const floor = await toTab(b, id, { type: 'test:floor' });
    row.floor_ms = floor ? floor.ms : NaN;
  } catch (e) {
    row.error = String(e && e.message ? e.message : e).split('\n')[0];
  }
  if (page) await page.close().catch(() => {});
  return row;
}

/**
 * Parts 1 and 2 on `sample` (corpus pages as `group/name`): each page cold (the core forgotten
 * first), then warm (the same page again). Rows: `{src, cold, warm}`, each a visit.
 */
export async function readerVisits(b, server, sample, log) {
  const rows = [];
  const t = Date.now();
  for (const src of sample) {
    const url = `${server.base}/site/${src}/`;
    await toBackground(b, { type: 'test:coldNext' });
    const cold = await visit(b, url);
    const warm = await visit(b, url);
    rows.push({ src, cold, warm });
  }
  log(`${b.name}: cold and warm visits of ${sample.length} pages in ${((Date.now() - t) / 1e3).toFixed(1)} s`);
  return rows;
}

/**
 * Part 3: `total` analyses in the background of this session, sent from an extension page as the
 * content script sends them (`cs:analyze`: the page's serialization, its element count and every
 * element's visibility, all visible: a parsed document has no layout), over `pages` (URLs the page
 * fetches) in turn, with one page over the size cap early (the 100th). The background's memory is
 * sampled every `every` analyses (the WebAssembly memory never shrinks: its last sample is its high-water mark). Returns `{samples: [{n, wasm_bytes, js_bytes}], analyses, skipped, failed}`.
 */
export async function backgroundMemory(b, pageUrls, log, { total = 1000, every = 25 } = {}) {
  if (!total) return null;
  // The page over the cap early, in the warm-up: what it costs must not grow afterwards.
  const HUGE_AT = Math.min(100, Math.floor(total / 4));
  const t = Date.now();
  // An extension page of its own (the options page: it asks nothing of a tab).
  const page = await b.extPage('options/options.html');
  const out = { samples: [], analyses: 0, skipped: 0, failed: 0, unread: 0 };
  try {
    out.samples.push({ n: 0, ...(await toBackground(b, { type: 'test:memory' })) });
    for (let n = 0; n < total; n += every) {
      const urls = [];
      for (let k = n; k < Math.min(total, n + every); k++) urls.push(k === HUGE_AT ? 'HUGE' : pageUrls[k % pageUrls.length]);
      const r = await page.eval(async (list) => {
        const api = globalThis.browser || globalThis.chrome;
        const res = { analyses: 0, skipped: 0, failed: 0, unread: 0 };
        for (const u of list) {
          let html;
          if (u === 'HUGE') {
            // Over the 2 Mi-character cap (extension/background.js MAX_TEXT_UNITS): read, then skipped.
            const para = '<p>' + 'The council met again on Tuesday to discuss the budget for next year. '.repeat(40) + '</p>';
            html = `<!doctype html><html><head><title>huge</title></head><body>${para.repeat(Math.ceil((2.2 * 1024 * 1024) / para.length))}</body></html>`;
          } else {
            html = await (await fetch(u)).text();
          }
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const ser = doc.documentElement.outerHTML;
          const count = doc.querySelectorAll('*').length;
          const msg = {
            type: 'cs:analyze',
            html: ser,
            count,
            noscriptRaw: ser.indexOf('<noscript') < 0 || !doc.querySelector('noscript *'),
            url: u,
            attrHidden: false,
            vis: '1'.repeat(count),
          };
          const a = await api.runtime.sendMessage(msg);
          if (a && a.unread) res.unread++;
          else if (a && a.skipped) res.skipped++;
          else if (a && a.ok) res.analyses++;
          else res.failed++;
        }
        return res;
      }, urls);
      for (const k of Object.keys(r)) out[k] += r[k];
      const m = await toBackground(b, { type: 'test:memory' });
      out.samples.push({ n: Math.min(total, n + every), ...m });
    }
  } finally {
    await page.close().catch(() => {});
  }
  const last = out.samples[out.samples.length - 1];
  log(`${b.name}: ${total} analyses in ${((Date.now() - t) / 1e3).toFixed(1)} s (${out.analyses} analysed, ${out.skipped} skipped, ${out.unread} unread, ${out.failed} failed); ` +
    `WASM memory ${(last.wasm_bytes / 2 ** 20).toFixed(1)} MB${last.js_bytes ? `, JS heap ${(last.js_bytes / 2 ** 20).toFixed(1)} MB` : ''}`);
  return out;
}

function pct(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length, Math.max(1, Math.ceil(q * v.length))) - 1];
}
const median = (v) => pct(v, 0.5);
const MB = 2 ** 20;

/** One browser's figures for parts 1–3. */
export function summarizeReader(visits, mem) {
  const warm = visits.map((r) => r.warm).filter((v) => v && v.state === 'done' && Number.isFinite(v.timings.mainThread));
  const cold = visits.map((r) => r.cold).filter((v) => v && v.state === 'done' && Number.isFinite(v.timings.toFold));
  const main = warm.map((v) => v.timings.mainThread);
  const floor = warm.map((v) => v.floor_ms);
  const ratios = warm.filter((v) => v.floor_ms > 0).map((v) => v.timings.mainThread / v.floor_ms);
  const total = (s) => s.wasm_bytes + (s.js_bytes || 0);
  const samples = mem ? mem.samples : [];
  const after = samples.length ? samples[samples.length - 1] : null;
  // Growth after warm-up: the second half of the run against its first sample.
  const half = samples.filter((s) => s.n >= (after ? after.n : 0) / 2);
  return {
    pages: warm.length,
    sampled: visits.length,
    errors: visits.flatMap((r) => [r.cold, r.warm]).filter((v) => v && v.error).map((v) => v.error),
    main_ms: median(main),
    main_p95_ms: pct(main, 0.95),
    floor_ms: median(floor),
    read_ms: median(warm.map((v) => v.timings.read)),
    floor_p95_ms: pct(floor, 0.95),
    ratio_median: median(ratios),
    ratio_of_medians: median(main) / median(floor),
    collect_ms: median(warm.map((v) => v.timings.collect)),
    post_ms: median(warm.map((v) => v.timings.post)),
    fold_ms: median(warm.map((v) => v.timings.fold)),
    round_trip_ms: median(warm.map((v) => v.timings.analyze)),
    // Where the time to fold goes (builds that report it; NaN otherwise).
    longest_ms: median(warm.map((v) => v.timings.longest)),
    longest_p95_ms: pct(warm.map((v) => v.timings.longest), 0.95),
    bg_read_ms: median(warm.map((v) => v.timings.bgRead)),
    bg_analyze_ms: median(warm.map((v) => v.timings.bgAnalyze)),
    settings_ms: median(warm.map((v) => v.timings.settings)),
    tell_ms: median(warm.map((v) => v.timings.tell)),
    fold_warm_ms: median(warm.filter((v) => Number.isFinite(v.timings.toFold)).map((v) => v.timings.toFold)),
    fold_warm_p95_ms: pct(warm.filter((v) => Number.isFinite(v.timings.toFold)).map((v) => v.timings.toFold), 0.95),
    fold_cold_ms: median(cold.map((v) => v.timings.toFold)),
    fold_cold_p95_ms: pct(cold.map((v) => v.timings.toFold), 0.95),
    fold_cold_pages: cold.length,
    mem: mem
      ? {
          analyses: mem.analyses,
          skipped: mem.skipped,
          failed: mem.failed + mem.unread,
          peak_mb: Math.max(...samples.map(total)) / MB,
          after_mb: total(after) / MB,
          wasm_peak_mb: Math.max(...samples.map((s) => s.wasm_bytes)) / MB,
          wasm_after_mb: after.wasm_bytes / MB,
          js_peak_mb: samples.some((s) => s.js_bytes) ? Math.max(...samples.map((s) => s.js_bytes || 0)) / MB : NaN,
          js_after_mb: after.js_bytes ? after.js_bytes / MB : NaN,
          second_half_growth_mb: half.length ? (total(after) - total(half[0])) / MB : NaN,
          wasm_second_half_growth_mb: half.length ? (after.wasm_bytes - half[0].wasm_bytes) / MB : NaN,
          js_measured: samples.some((s) => s.js_bytes),
        }
      : null,
  };
}
