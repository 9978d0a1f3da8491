// The benchmark's static server on 127.0.0.1 (scripts/bench.mjs starts it).
//
//   /bench/...            tests/bench/ (the benchmark page; never shipped)
//   /pkg/...              target/pkg/ (the WASM build as shipped)
//   /ext/...              extension/ (pack.js: the page as the background hands it over)
//   /data/...             target/bench/ (pages.json, corpus, the bench-only tagger module)
//   /nm/<pkg>/...         the peers from node_modules (Readability, compromise)
//   /src/<group>/<name>   a corpus page's raw source.html (for Readability)
//   /site/<group>/<name>/ the same page as a site the extension runs on
//
// /bench/ and /site/ are served cross-origin isolated (COOP + COEP) so both
// browsers give fine-grained performance.now() (Firefox rounds to 1 ms
// otherwise, and the content script's timings of a median page are ~10 ms).
// /site/ pages get a CSP that keeps their remote resources from loading and
// their scripts from running: there is no network here, and a page must not
// wait on one to finish loading.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' };
// script-src 'none': a snapshot's scripts have no server to talk to, and
// some block the page (readability/remove-script-tags calls alert() while it
// loads, and no content script runs until someone dismisses it).
const SITE_CSP = "default-src 'self' 'unsafe-inline' data: blob:; script-src 'none'";

export function startBenchServer({ root, pagesDir }) {
  const roots = [
    ['/bench/', path.join(root, 'tests', 'bench')],
    ['/pkg/', path.join(root, 'target', 'pkg')],
    ['/ext/', path.join(root, 'extension')],
    // The entity models as the package holds them (ner-en.bin beside ner-<lang>.bin).
    ['/model/', path.join(root, 'dist', 'chrome', 'model')],
    ['/data/', path.join(root, 'target', 'bench')],
    ['/nm/', path.join(root, 'node_modules')],
  ];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const p = decodeURIComponent(url.pathname);
    let file = null;
    let headers = { ...ISOLATED };
    const page = /^\/(src|site)\/([\w.-]+)\/([\w.-]+)\/?$/.exec(p);
    if (page) {
      file = path.join(pagesDir, page[2], page[3], 'source.html');
      if (page[1] === 'site') headers = { 'Content-Security-Policy': SITE_CSP, ...ISOLATED };
      // The memory run fetches the raw pages from an extension page (scripts/bench/reader.mjs).
      else headers = { ...ISOLATED, 'Access-Control-Allow-Origin': '*' };
    } else {
      for (const [prefix, dir] of roots) {
        if (p.startsWith(prefix)) {
          const rel = p.slice(prefix.length);
          file = path.join(dir, !rel || rel.endsWith('/') ? rel + 'index.html' : rel);
          break;
        }
      }
    }
    if (!file || p.includes('..') || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...headers });
      return res.end('not found');
    }
    // Corpus pages go out as bytes without a charset: the browser sniffs <meta charset> as it would.
    const type = page ? 'text/html' : TYPES[path.extname(file)] || 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ base: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
