#!/usr/bin/env node
// Unpacks dist/dossier-source.zip into a fresh folder, rebuilds the WASM
// there as BUILD-SOURCE.md says, and checks it is the same file, byte for
// byte, as the one in dist/firefox. (make test runs it.)
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
  const a = hash(path.join(root, 'dist', 'firefox', 'pkg', 'dossier_bg.wasm'));
  const b = hash(path.join(dir, 'dist', 'firefox', 'pkg', 'dossier_bg.wasm'));
  if (a !== b) {
    console.error(`rebuild from source differs: ${a} (dist) vs ${b} (rebuilt in ${dir})`);
    process.exit(1);
  }
  console.error(`rebuild from dossier-source.zip gives the same .wasm (sha256 ${a})`);
} finally {
  if (process.exitCode !== 1) fs.rmSync(dir, { recursive: true, force: true });
}
