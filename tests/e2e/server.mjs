// A small static server on 127.0.0.1 for the end-to-end tests: serves
// tests/pages/<name>/source.html at /pages/<name>/ and files under
// tests/e2e/fixtures/, with per-path headers (a strict CSP copy of any page
// lives at /csp/pages/<name>/). Records every request so a test can assert
// that none came from the extension.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const testsDir = path.resolve(here, '..');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.wasm': 'application/wasm' };

export function startServer({ roots = {}, routes = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push({ path: url.pathname, headers: req.headers });
    let p = url.pathname;
    const headers = {};
    if (routes[p]) {
      const r = typeof routes[p] === 'function' ? routes[p]() : routes[p];
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(r.headers || {}) });
      return res.end(r.body);
    }
    if (p.startsWith('/csp/')) {
      headers['Content-Security-Policy'] = "default-src 'none'";
      p = p.slice(4);
    }
    let file = null;
    const m = /^\/pages\/([\w.-]+)\/?$/.exec(p);
    if (m) file = path.join(testsDir, 'pages', m[1], 'source.html');
    else if (p.startsWith('/fixtures/')) file = path.join(here, 'fixtures', p.slice('/fixtures/'.length));
    else if (p === '/blank.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<!doctype html><title>blank</title><p>blank</p>');
    } else {
      for (const [prefix, dir] of Object.entries(roots)) {
        if (p.startsWith(prefix)) {
          file = path.join(dir, p.slice(prefix.length) || 'index.html');
          if (file.endsWith('/')) file += 'index.html';
        }
      }
    }
    if (!file || file.includes('..') || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, port, base: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export function pageSource(name) {
  return fs.readFileSync(path.join(testsDir, 'pages', name, 'source.html'), 'utf8');
}
