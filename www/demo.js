// The demo page: the same WASM core and the same fold code as the extension,
// on pasted text or HTML, or on the bundled sample article.
import init, { analyze } from './pkg/dossier.js';

const $ = (id) => document.getElementById(id);
const ready = init({ module_or_path: new URL('./pkg/dossier_bg.wasm', import.meta.url) });

// The extension's content-script code expects these; the demo provides them.
let messages = {};
globalThis.__dossier = globalThis.__dossier || {};
const D = globalThis.__dossier;
D.i18n = (key, subs = []) => {
  const m = messages[key];
  if (!m) return key;
  return m.message.replace(/\$(\w+)\$/g, (_, name) => {
    const ph = m.placeholders && m.placeholders[name.toLowerCase()];
    const idx = ph ? Number(ph.content.slice(1)) - 1 : -1;
    return subs[idx] ?? '';
  });
};
D.mutating = (fn) => fn();
D.status = { state: 'done' };
// The demo has no background: the sidebar's site switch and options link do nothing.
D.send = async () => ({ ok: true });
D.adoptStyles = (root, css) => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  root.adoptedStyleSheets = [s];
};

async function loadScripts() {
  messages = await (await fetch('./ext/messages.json')).json();
  for (const f of ['collect.js', 'fold.js', 'highlight.js', 'sidebar.js']) {
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = `./ext/content/${f}`;
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
  }
}
const scripts = loadScripts();

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
  await Promise.all([ready, scripts]);
  const t0 = performance.now();
  render($('source').value);
  const root = $('article');
  const { page, refs } = D.collect(document);
  // Only the article box is the page here.
  const keep = refs.map((el) => root.contains(el));
  page.blocks = page.blocks.filter((_, i) => keep[i]);
  const els = refs.filter((_, i) => keep[i]);
  const report = analyze(page, { include_text: false });
  const texts = page.blocks.map((b) => b.text);
  D.setReport(report, els, (i) => texts[i] || '');
  const folded = D.foldAll();
  D.sidebar.update(report);
  D.sidebar.open();
  const ms = (performance.now() - t0).toFixed(1);
  $('status').textContent = `${report.stats.blocks} paragraphs, ${folded} folded as repeats (${ms} ms)`;
  document.body.dataset.ready = 'true';
}

$('analyze').addEventListener('click', () => run().catch((e) => ($('status').textContent = `Error: ${e.message}`)));
$('sample').addEventListener('click', async () => {
  $('source').value = await (await fetch('./sample.txt')).text();
  await run();
});
