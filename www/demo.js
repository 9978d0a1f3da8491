// The demo page: the same WASM core and the same fold code as the extension,
// on pasted text or HTML, or on the bundled sample article.
import init, { analyze, readPacked, modelLanguage, isModelLoaded, registerModel } from './pkg/dossier.js';
import { useMessages } from '../extension/content/env.js';
import { MAX_BLOCKS, resolve, textShape, walk } from '../extension/content/collect.js';
import { setReport, foldAll, unfoldAll } from '../extension/content/fold.js';
import { createSidebar } from '../extension/sidebar/sidebar.js';

const $ = (id) => document.getElementById(id);
// The module and English's entity model (not compiled in: model/ner-en.bin
// beside the demo, as the extension reads it from its package), side by side.
const ready = Promise.all([
  init({ module_or_path: new URL('./pkg/dossier_bg.wasm', import.meta.url) }),
  fetch('./model/ner-en.bin').then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null),
]).then(([exports, en]) => {
  if (en) registerModel('en', new Uint8Array(en));
  return exports;
});

// The extension's own page environment, fold code and sidebar (bundled into
// dist/www/demo.js by scripts/build.mjs); the demo has no background, so the
// sidebar's site switch and options link do nothing.
const sidebar = createSidebar({
  status: () => ({ state: 'done', error: '' }),
  showAll: unfoldAll,
  refold: foldAll,
  siteSwitch: () => {},
  openOptions: () => {},
});
const strings = fetch('./messages.json')
  .then((r) => r.json())
  .then(useMessages);

function render(input) {
  const box = $('article');
  box.replaceChildren();
  const looksHtml = /<\/?(p|div|article|h[1-6]|li|br)\b/i.test(input);
  if (looksHtml) {
    // Parsed inertly (no scripts run), then only elements and text are kept.
    const doc = new DOMParser().parseFromString(input, 'text/html');
    for (const s of doc.querySelectorAll('script, style, iframe, object, embed, link, meta')) s.remove();
    for (const el of doc.body.querySelectorAll('*')) {
      for (const a of [...el.attributes]) if (!['class', 'id', 'role', 'hidden'].includes(a.name)) el.removeAttribute(a.name);
    }
    box.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  } else {
    for (const line of input.split('\n')) {
      if (!line.trim()) continue;
      const p = document.createElement('p');
      p.textContent = line;
      box.append(p);
    }
  }
}

async function run() {
  await Promise.all([ready, strings]);
  const t0 = performance.now();
  render($('source').value);
  const root = $('article');
  // The extension's reading of a page (its DOM walked, the blocks found by
  // the core), here in the page itself.
  const w = walk(document);
  const { page, blocks } = readPacked(w.text, Uint32Array.from(w.nums), w.url, MAX_BLOCKS);
  const found = resolve(w.els, blocks);
  const refs = found.refs;
  page.blocks.forEach((b, k) => {
    b.visible = found.visible[k];
  });
  // Only the article box is the page here.
  const keep = refs.map((el) => root.contains(el));
  page.blocks = page.blocks.filter((_, i) => keep[i]);
  const els = refs.filter((_, i) => keep[i]);
  let report = analyze(page, { include_text: false });
  // Another language's entity model: model/ner-<lang>.bin beside the demo,
  // fetched the first time a text in that language is analysed (as the
  // extension does from its package); without it, the "not available" note.
  const lang = modelLanguage(report.language.code || '');
  if (lang && !report.language.entities && !isModelLoaded(lang)) {
    try {
      const res = await fetch('./model/ner-' + lang + '.bin');
      if (res.ok) {
        registerModel(lang, new Uint8Array(await res.arrayBuffer()));
        report = analyze(page, { include_text: false });
      }
    } catch (e) {
      console.warn(`Dossier demo: no entity model for ${lang}:`, e);
    }
  }
  setReport(report, els, textShape(page.blocks.map((b) => b.text)));
  const folded = foldAll();
  sidebar.update(report);
  sidebar.open();
  const ms = (performance.now() - t0).toFixed(1);
  $('status').textContent = `${report.stats.blocks} paragraphs, ${folded} folded as repeats (${ms} ms)`;
  document.body.dataset.ready = 'true';
}

$('analyze').addEventListener('click', () => run().catch((e) => ($('status').textContent = `Error: ${e.message}`)));
$('sample').addEventListener('click', async () => {
  $('source').value = await (await fetch('./sample.txt')).text();
  await run();
});
