#!/usr/bin/env node
// Unpacks dist/dossier-source.zip into a fresh folder, rebuilds the WASM
// and the extension there as BUILD-SOURCE.md says, and checks every file of
// dist/firefox and dist/chrome (the .wasm, the bundles) is the same, byte
// for byte. (make test runs it.)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const zip = path.join(root, 'dist', 'dossier-source.zip');
if (!fs.existsSync(zip)) throw new Error('dist/dossier-source.zip missing: run make package');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-source-'));
try {
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  // The npm tools are the same pinned versions: reuse the installed ones.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync('node', ['scripts/build.mjs'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const hash = (f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  // Every file of the packages (the bundled scripts too), not only the .wasm.
  for (const b of ['firefox', 'chrome']) {
    const list = (d) => fs.readdirSync(d, { recursive: true }).filter((f) => fs.statSync(path.join(d, f)).isFile()).sort();
    const mine = list(path.join(root, 'dist', b));
    const theirs = list(path.join(dir, 'dist', b));
    const differ = mine.filter((f) => !theirs.includes(f) || hash(path.join(root, 'dist', b, f)) !== hash(path.join(dir, 'dist', b, f)));
    differ.push(...theirs.filter((f) => !mine.includes(f)));
    if (differ.length) {
      console.error(`rebuild from source differs in dist/${b}: ${differ.join(', ')} (rebuilt in ${dir})`);
      process.exit(1);
    }
  }
  const a = hash(path.join(root, 'dist', 'firefox', 'pkg', 'dossier_bg.wasm'));
  const b = hash(path.join(dir, 'dist', 'firefox', 'pkg', 'dossier_bg.wasm'));
  if (a !== b) {
    console.error(`rebuild from source differs: ${a} (dist) vs ${b} (rebuilt in ${dir})`);
    process.exit(1);
  }
  console.error(`rebuild from dossier-source.zip gives the same .wasm (sha256 ${a}) and the same extension files`);
} finally {
  if (process.exitCode !== 1) fs.rmSync(dir, { recursive: true, force: true });
}
