// The download a reader pays, checked on every `make test` (sizes are exact,
// so this cannot flake, unlike a timing): the WASM core and each extension
// zip within the budgets of `make bench-check` (BUDGETS in scripts/bench.mjs),
// and each entity model within issue 25's 600 KB. A budget went over
// unnoticed once (the core reached 721,768 bytes gzipped against 716,800)
// because only `make bench-check` looked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { zipDir } from '../../scripts/bench/zip.mjs';
import { requireBuild } from './helpers.mjs';

const KB = 1024;
const MB = 1024 * KB;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

for (const name of ['chromium', 'firefox']) {
  test(`the ${name} package is within its size budgets`, () => {
    const dir = path.resolve(requireBuild(name), '..', name === 'chromium' ? 'chrome' : 'firefox');
    const wasm = fs.readFileSync(path.join(dir, 'pkg', 'dossier_bg.wasm'));
    assert.ok(wasm.length <= 1.5 * MB, `dossier_bg.wasm is ${wasm.length} bytes (budget 1.5 MB)`);
    const gz = zlib.gzipSync(wasm, { level: 9 }).length;
    assert.ok(gz <= 700 * KB, `dossier_bg.wasm is ${gz} bytes gzipped (budget 700 KB)`);
    const zip = zipDir(dir).length;
    assert.ok(zip <= 4 * MB, `the ${name} zip is ${zip} bytes (budget 4 MB)`);
    const models = fs.readdirSync(path.join(dir, 'model')).filter((f) => /^ner-[a-z]{2}\.bin$/.test(f));
    assert.ok(models.includes('ner-en.bin'), `English's model is in the package: ${models}`);
    for (const f of models) {
      const n = fs.statSync(path.join(dir, 'model', f)).size;
      assert.ok(n <= 600 * KB, `${f} is ${n} bytes (budget 600 KB)`);
    }
  });
}

test('no entity model is compiled into the WASM core', () => {
  // The English model's first 4 KB would show in the module if it were embedded.
  const model = fs.readFileSync(path.join(root, 'model', 'ner.bin')).subarray(64, 4096 + 64);
  const wasm = fs.readFileSync(path.join(root, 'target', 'pkg', 'dossier_bg.wasm'));
  assert.equal(wasm.indexOf(model), -1);
});
