#!/usr/bin/env node
// Packs the built extension for the stores, and the source for reviewers:
//   dist/dossier-chrome.zip   Chrome Web Store (manifest at the root)
//   dist/dossier-firefox.zip  Firefox Add-ons (manifest at the root)
//   dist/dossier-source.zip   every tracked file of the repository, with
//                             BUILD-SOURCE.md: the exact steps that rebuild
//                             the .wasm byte for byte (Firefox's reviewers ask)
// Run `make package` (it builds first). Archives are deterministic: sorted
// entries, fixed times.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDir } from './bench/zip.mjs';
import { cargoVersion } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const version = cargoVersion();
const sha256 = (f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

for (const b of ['chrome', 'firefox']) {
  const dir = path.join(dist, b);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} missing: run make build first`);
  fs.writeFileSync(path.join(dist, `dossier-${b}.zip`), zipDir(dir));
}

// The source: tracked files only (no build output, no node_modules).
const stage = path.join(root, 'target', 'source-stage');
fs.rmSync(stage, { recursive: true, force: true });
const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
for (const f of files) {
  const dst = path.join(stage, f);
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  fs.copyFileSync(path.join(root, f), dst);
}
const wasm = path.join(dist, 'firefox', 'pkg', 'dossier_bg.wasm');
const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
const bindgen = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim();
fs.writeFileSync(
  path.join(stage, 'BUILD-SOURCE.md'),
  `# Rebuilding Dossier ${version} from this source

The extension's only compiled file is \`pkg/dossier_bg.wasm\` (with its
generated glue \`pkg/dossier.js\`). Its scripts \`content.js\` and
\`background.js\` are bundles of the ES modules in \`extension/\` made by
esbuild (not minified); everything else in the package is this source as
is. To rebuild it byte for byte, on Linux (x86_64):

1. Rust via rustup: \`${rustc}\`, with the target:
   \`rustup target add wasm32-unknown-unknown\`
2. The wasm-bindgen CLI of the same version as the crate:
   \`cargo install wasm-bindgen-cli --version ${bindgen.split(' ').pop()}\` (gives \`${bindgen}\`)
3. Node.js 20+ and npm, then in this folder: \`npm ci\` (installs the npm
   package \`binaryen\` 132 for \`wasm-opt\`, do not use a system binaryen;
   and \`esbuild\`, the version package-lock.json pins)
4. \`node scripts/build.mjs\` — runs, in order:
   - \`cargo build --release --target wasm32-unknown-unknown --lib --locked\`
   - \`wasm-bindgen --target web --no-typescript --out-dir target/pkg target/wasm32-unknown-unknown/release/dossier.wasm\`
   - \`node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue target/pkg/dossier_bg.wasm -o target/pkg/dossier_bg.wasm\`
   - and writes \`dist/chrome\` and \`dist/firefox\`: \`extension/\` with \`target/pkg/\`,
     \`content.js\` bundled from \`extension/content/main.js\` (an iife) and
     \`background.js\` from \`extension/background.js\` (a module), by esbuild
     (\`BUNDLES\` in \`scripts/build.mjs\`).

Or simply \`make build\`, which also installs the tools when they are missing.

Expected result:

    sha256(dist/firefox/pkg/dossier_bg.wasm) = ${sha256(wasm)}

and every other file of \`dist/firefox\` the same as in \`dossier-firefox.zip\`.

The entity model \`model/ner.bin\` is built by \`make model\` from
CoNLL-2003 and registry gazetteers (see docs/ner-model.md); it is
data, read with \`include_bytes!\`, not code.
`,
);
fs.writeFileSync(path.join(dist, 'dossier-source.zip'), zipDir(stage));
fs.writeFileSync(path.join(dist, 'SHA256SUMS'), ['dossier-chrome.zip', 'dossier-firefox.zip', 'dossier-source.zip'].map((f) => `${sha256(path.join(dist, f))}  ${f}`).join('\n') + `\n${sha256(wasm)}  firefox/pkg/dossier_bg.wasm\n`);
for (const f of ['dossier-chrome.zip', 'dossier-firefox.zip', 'dossier-source.zip']) {
  console.error(`[package] dist/${f}: ${fs.statSync(path.join(dist, f)).size} bytes`);
}
