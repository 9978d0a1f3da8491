#!/usr/bin/env node
// Builds the WASM core and the extension for both browsers, and the demo.
//
//   node scripts/build.mjs            -> dist/chrome, dist/firefox, dist/www
//   node scripts/build.mjs --test     -> dist/chrome-test, dist/firefox-test: the
//        end-to-end tests' build, with their hooks (extension/test/background.js
//        as the background; the WASM with the cargo feature `test-hooks`, built
//        in target/wasm-test); never packaged
//
// Steps (the exact commands, for reviewers who rebuild the .wasm):
//   1. cargo build --release --target wasm32-unknown-unknown --lib
//   2. wasm-bindgen --target web --no-typescript --out-dir target/pkg target/wasm32-unknown-unknown/release/dossier.wasm
//   3. wasm-opt (npm binaryen) -O3 with the features the Rust target emits
//   4. extension/ to dist/<browser>/ with a per-browser manifest, pkg/ and model/
//      (model/ner-<lang>.bin, the languages' entity models, fetched on first use): the
//      scripts bundled by esbuild (the npm package, pinned in package-lock.json),
//      content.js from content/main.js as one classic script (MV3 content
//      scripts are not modules), background.js from background.js as a module;
//      every other file as is
//   5. the demo: www/ to dist/www, demo.js bundled the same way
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => {
  console.error(`[build] ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
};

export function cargoVersion() {
  const toml = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const m = /^version\s*=\s*"([^"]+)"/m.exec(toml);
  if (!m) throw new Error('no version in Cargo.toml');
  return m[1];
}

export function buildWasm({ test = false } = {}) {
  // The tests' WASM in a target dir of its own: switching features would rebuild the shipped one.
  const targetDir = path.join(root, 'target', test ? 'wasm-test' : '');
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--locked',
    ...(test ? ['--features', 'test-hooks', '--target-dir', targetDir] : [])]);
  const pkg = path.join(root, 'target', test ? 'pkg-test' : 'pkg');
  fs.rmSync(pkg, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkg,
    path.join(targetDir, 'wasm32-unknown-unknown', 'release', 'dossier.wasm')]);
  // NOTE: a Rust panic in WASM is an abort (a trap) that can leave the
  // instance's memory half-updated, and wasm-bindgen's glue caches its one
  // instance for good. This export starts a fresh instance from the same
  // compiled module, so the background recovers from a panic on the next page.
  fs.appendFileSync(
    path.join(pkg, 'dossier.js'),
    `
// Added by scripts/build.mjs: a fresh instance after a trap (panic = abort).
export function __dossier_reinstantiate() {
    const module = wasmModule;
    wasm = undefined;
    __wbg_init_promise = undefined;
    return initSync({ module });
}
`,
  );
  // The tests' build only: forgets the instance, so that the next init() fetches, compiles and
  // instantiates the module again, as a restarted background does (make bench's cold time to fold).
  if (test) {
    fs.appendFileSync(
      path.join(pkg, 'dossier.js'),
      `
// Added by scripts/build.mjs --test: the next init() starts from nothing.
export function __dossier_forget() {
    wasm = undefined;
    wasmInstance = undefined;
    __wbg_init_promise = undefined;
}
`,
    );
  }
  const wasmOpt = path.join(root, 'node_modules', '.bin', 'wasm-opt');
  if (!fs.existsSync(wasmOpt)) throw new Error('node_modules/.bin/wasm-opt missing: run `npm ci` (make does)');
  const wasm = path.join(pkg, 'dossier_bg.wasm');
  run(wasmOpt, ['-O3', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', wasm, '-o', wasm]);
  return pkg;
}

/** Copies `src` into `dst`, but the paths `skip(path)` is true of. */
function copyDir(src, dst, skip = () => false) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (skip(path.join(src, e.name))) continue;
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    if (e.isDirectory()) copyDir(s, d, skip);
    else fs.copyFileSync(s, d);
  }
}

// The extension's bundles: file in dist/<browser>/ -> [entry point, format].
// Their sources are not copied as they are (BUNDLED_SOURCES).
export const BUNDLES = {
  'content.js': ['extension/content/main.js', 'iife'],
  'background.js': ['extension/background.js', 'esm'],
};
// The tests' build: the same but its background and content script (dist/<browser>-test).
const TEST_BUNDLES = { 'content.js': ['extension/test/content.js', 'iife'], 'background.js': ['extension/test/background.js', 'esm'] };
const BUNDLED_SOURCES = ['test', 'background.js', 'memory.js', 'settings-watch.js', 'pack.js', 'content/collect.js', 'content/env.js', 'content/fold.js',
  'content/highlight.js', 'content/main.js', 'sidebar'];

/**
 * One bundle of `entry` (a path from the repository's root), as a string;
 * an iife's exports go to the global `globalName` when given (tests only).
 * The WASM glue (pkg/dossier.js) stays a module of its own, beside it.
 */
export function bundle(entry, format, globalName = undefined) {
  const out = esbuild.buildSync({
    entryPoints: [entry],
    globalName,
    absWorkingDir: root,
    bundle: true,
    format,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    target: ['chrome120', 'firefox142'],
    // Matched as written, before resolving: the glue is no source file.
    external: ['./pkg/dossier.js'],
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/** The manifest for one browser, from the one source in extension/manifest.json. */
export function manifestFor(browser, version) {
  const m = JSON.parse(fs.readFileSync(path.join(root, 'extension', 'manifest.json'), 'utf8'));
  m.version = version;
  if (browser === 'chrome') {
    m.background = { service_worker: m.background.service_worker, type: 'module' };
    delete m.browser_specific_settings;
  } else {
    m.background = { scripts: m.background.scripts, type: 'module' };
    // Firefox's floor is browser_specific_settings.gecko.strict_min_version.
    delete m.minimum_chrome_version;
  }
  return m;
}

export function buildExtension(browser, pkg, version, { test = false } = {}) {
  const out = path.join(root, 'dist', test ? `${browser}-test` : browser);
  const bundles = test ? TEST_BUNDLES : BUNDLES;
  fs.rmSync(out, { recursive: true, force: true });
  const src = path.join(root, 'extension');
  copyDir(src, out, (p) => {
    const rel = path.relative(src, p);
    return rel === 'manifest.json' || rel === 'README.md' || path.basename(p).startsWith('.') || BUNDLED_SOURCES.includes(rel);
  });
  for (const [file, [entry, format]] of Object.entries(bundles)) fs.writeFileSync(path.join(out, file), bundle(entry, format));
  const manifest = manifestFor(browser, version);
  // The manifest names bundles only (and the bundles exist).
  const scripts = manifest.content_scripts.flatMap((c) => c.js).concat(manifest.background.scripts || [], manifest.background.service_worker || []);
  for (const f of scripts) if (!(f in bundles)) throw new Error(`manifest.json names ${f}, which is no bundle of scripts/build.mjs`);
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  fs.mkdirSync(path.join(out, 'pkg'), { recursive: true });
  for (const f of ['dossier.js', 'dossier_bg.wasm']) fs.copyFileSync(path.join(pkg, f), path.join(out, 'pkg', f));
  copyModels(path.join(out, 'model'));
  return out;
}

/**
 * The entity models (model/ner-<lang>.bin; English's model/ner.bin as
 * ner-en.bin), each a file of its own that the background fetches from the
 * package: English's as it starts, the others the first time a page in that
 * language is analysed. None is compiled into the WASM.
 */
export function copyModels(dst) {
  fs.mkdirSync(dst, { recursive: true });
  const models = fs.readdirSync(path.join(root, 'model')).filter((f) => /^ner-[a-z]{2}\.bin$/.test(f)).sort();
  for (const f of models) fs.copyFileSync(path.join(root, 'model', f), path.join(dst, f));
  fs.copyFileSync(path.join(root, 'model', 'ner.bin'), path.join(dst, 'ner-en.bin'));
  return ['ner-en.bin', ...models];
}

export function buildWww(pkg) {
  const out = path.join(root, 'dist', 'www');
  fs.rmSync(out, { recursive: true, force: true });
  copyDir(path.join(root, 'www'), out, (p) => p === path.join(root, 'www', 'demo.js'));
  // The demo draws with the extension's own sidebar and fold code (imported by demo.js).
  fs.writeFileSync(path.join(out, 'demo.js'), bundle('www/demo.js', 'esm'));
  fs.copyFileSync(path.join(root, 'tests', 'pages', 'example', 'seed.txt'), path.join(out, 'sample.txt'));
  fs.copyFileSync(path.join(root, 'extension', '_locales', 'en', 'messages.json'), path.join(out, 'messages.json'));
  copyModels(path.join(out, 'model'));
  fs.mkdirSync(path.join(out, 'pkg'), { recursive: true });
  for (const f of ['dossier.js', 'dossier_bg.wasm']) fs.copyFileSync(path.join(pkg, f), path.join(out, 'pkg', f));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = cargoVersion();
  const test = process.argv.includes('--test');
  const skip = process.argv.includes('--skip-wasm');
  const pkg = skip ? path.join(root, 'target', test ? 'pkg-test' : 'pkg') : buildWasm({ test });
  for (const b of ['chrome', 'firefox']) console.error(`[build] ${buildExtension(b, pkg, version, { test })}`);
  if (!test) console.error(`[build] ${buildWww(pkg)}`);
  const size = fs.statSync(path.join(pkg, 'dossier_bg.wasm')).size;
  console.error(`[build] dossier_bg.wasm${test ? ' (tests)' : ''}: ${size} bytes`);
}
