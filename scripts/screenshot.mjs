#!/usr/bin/env node
// Takes a screenshot of the sample page with the sidebar open, in headless
// Chromium with the real extension: target/screenshot.png (make run), or the
// path given (make screenshot: docs/screenshot.png, the README's picture).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, waitFor } from '../tests/e2e/browsers.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { settled } from '../tests/e2e/helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] || path.join(root, 'target', 'screenshot.png');
const srv = await startServer();
// The tests' build (make build-test): the same extension, with the hooks settled() reads.
const b = await launch('chromium', path.join(root, 'dist', 'chrome-test'));
try {
  const tab = await b.open(`${srv.base}/pages/example/`);
  await tab.page.setViewportSize({ width: 1280, height: 860 });
  await settled(b, tab);
  const id = await tab.id();
  await b.ext((id) => chrome.tabs.sendMessage(id, { type: 'bg:toggleSidebar' }), id);
  await waitFor(() => tab.eval(() => !!document.querySelector('dossier-sidebar')), { what: 'sidebar' });
  // Show what a click does: the first person's mentions highlighted.
  await tab.eval(() => document.querySelector('dossier-sidebar').shadowRoot.querySelector('.item').click());
  await tab.eval(() => window.scrollTo(0, 0));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await tab.page.screenshot({ path: out });
  console.error(`[screenshot] ${out}`);
} finally {
  await b.close();
  await srv.close();
}
