// The WASM core of the last `make build` (target/pkg), loaded in Node: the
// code the extension's background runs, for tests that give it what a page's
// content script reads.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { testsDir } from './server.mjs';

const pkg = path.resolve(testsDir, '..', 'target', 'pkg');

export async function loadCore() {
  const glue = await import(pathToFileURL(path.join(pkg, 'dossier.js')).href);
  glue.initSync({ module: fs.readFileSync(path.join(pkg, 'dossier_bg.wasm')) });
  // English's model is not compiled into the module: the background registers it as it starts.
  glue.registerModel('en', fs.readFileSync(path.resolve(testsDir, '..', 'model', 'ner.bin')));
  return glue;
}
