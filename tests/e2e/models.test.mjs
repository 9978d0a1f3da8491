// End to end: how the background loads a language's entity model on a cold
// start (issue 25's speed target), in both browsers, from the marks the
// background leaves at each step (extension/background.js modelTrace; the
// tests' build records them: test:modelMarks). Each page is opened on a core
// forgotten first (test:coldNext), as after a restart of the background:
//
//   - a page that declares its language: the model's fetch starts with the
//     page's first message (cs:settings), before the core is compiled, and
//     the page is analysed once;
//   - a page that declares none, in German: its model is loaded before the
//     analysis (the text's language guessed first), not after an analysis
//     without it, so the page is analysed once, with German's tagger;
//   - in a browser that asks pages in German (its Accept-Language), German's
//     model is read as the background starts, before any page says a word,
//     so the undeclared German page does not wait for it; in one that asks
//     for English only, no other language's model is read.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitFor } from './browsers.mjs';
import { startServer } from './server.mjs';
import { requireBuild, settled, tabMessages } from './helpers.mjs';

const BROWSERS = (process.env.DOSSIER_BROWSERS || 'chromium,firefox').split(',');

function toBackground(b, msg) {
  if (b.name === 'chromium' && msg.type === 'test:coldNext') return b.ext(() => globalThis.__dossierColdNext());
  if (b.name === 'chromium') return b.ext((r) => globalThis.__dossierModelMarks(r), !!msg.reset);
  return b.ext((m) => browser.runtime.sendMessage(m), msg);
}

/** Opens `file` on a cold core; its marks, in order, and the report the content script got. */
async function coldVisit(b, srv, file) {
  // Marks forgotten first: the restarted background's own reads are part of the visit's.
  await toBackground(b, { type: 'test:modelMarks', reset: true });
  await toBackground(b, { type: 'test:coldNext' });
  const tab = await b.open(`${srv.base}/fixtures/${file}`);
  try {
    await settled(b, tab);
    const msgs = await tabMessages(b, await tab.id());
    const reply = msgs.filter((m) => (m.type === 'cs:analyze' || m.type === 'cs:visible') && m.reply).map((m) => JSON.parse(m.reply)).find((r) => r.report);
    const marks = await toBackground(b, { type: 'test:modelMarks', reset: true });
    return { marks, report: reply && reply.report };
  } finally {
    await tab.close();
  }
}

/** Where step `step` (of language `lang`, when given) first comes in `marks`; -1 when it does not. */
const at = (marks, step, lang) => marks.findIndex((m) => m.step === step && (!lang || m.lang === lang));

// Each row: a page, the model it must load, the order of the marks that shows
// how, and names its own tagger finds (and the English tagger would not).
const CASES = [
  {
    what: 'a page declaring German: the fetch starts before the core is ready',
    file: 'german.html',
    lang: 'de',
    before: ['fetch', 'core'],
    people: ['Olaf Scholz', 'Claudia Roth'],
  },
  {
    what: 'a page declaring Spanish: the fetch starts before the core is ready',
    file: 'spanish.html',
    lang: 'es',
    before: ['fetch', 'core'],
    people: ['Pedro Sánchez'],
  },
  {
    what: 'a German page declaring no language: the model is loaded before its one analysis',
    file: 'german-undeclared.html',
    lang: 'de',
    before: ['registered', 'model'],
    people: ['Olaf Scholz', 'Claudia Roth'],
  },
];

// The models read with no page asking: each row a browser's languages, the
// page opened, and the models read (in any order) from the background's
// start to the page's report.
const READER_CASES = [
  { what: 'a reader asking for English only: no other model is read', languages: ['en-US', 'en'], file: 'articles.html', lang: 'en', read: ['en'] },
  { what: 'a reader asking for German: its model is read before the page asks', languages: ['de-DE', 'de', 'en'], file: 'german-undeclared.html', lang: 'de', read: ['de', 'en'], people: ['Olaf Scholz'] },
  { what: 'a reader asking for Spanish (Mexico) and German: both read, English first', languages: ['es-MX', 'de', 'en'], file: 'german-undeclared.html', lang: 'de', read: ['de', 'en', 'es'], people: ['Olaf Scholz'] },
];

function readerCase(name, c) {
  describe(`${name}: ${c.what}`, { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name), { languages: c.languages });
      // The background's own start reads the reader's models too: done
      // before the visit, so that its marks are not taken for the visit's.
      const others = c.read.filter((l) => l !== 'en');
      await waitFor(async () => {
        const marks = await toBackground(b, { type: 'test:modelMarks' });
        return others.every((l) => at(marks, 'fetched', l) >= 0);
      }, { what: `the start's reads of ${others}` });
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });
    it(`reads ${c.read.join(', ')} and analyses ${c.file} once`, async () => {
      const { marks, report } = await coldVisit(b, srv, c.file);
      const seen = JSON.stringify(marks.map((m) => `${m.step}:${m.lang}`));
      const fetched = marks.filter((m) => m.step === 'fetch').map((m) => m.lang);
      assert.deepEqual([...fetched].sort(), c.read, `models read: ${seen}`);
      // English's read starts first; the others only once it is done.
      assert.equal(fetched[0], 'en', seen);
      for (const l of c.read.filter((x) => x !== 'en')) assert.ok(at(marks, 'fetch', l) > at(marks, 'fetched', 'en'), `${l} after English's: ${seen}`);
      assert.equal(marks.filter((m) => m.step === 'analyze').length, 1, `one analysis: ${seen}`);
      if (c.lang !== 'en') {
        // Read before the page's first message, and in hand before its analysis.
        assert.ok(at(marks, 'fetch', c.lang) < at(marks, 'settings'), `${c.lang} read before the page asked: ${seen}`);
        assert.ok(at(marks, 'fetched', c.lang) < at(marks, 'analyze'), `${c.lang} in hand before the analysis: ${seen}`);
      }
      assert.ok(report, 'the page was analysed');
      assert.equal(report.language.code, c.lang);
      assert.equal(report.language.entities, true);
      const people = report.entities.filter((e) => e.type === 'PER').map((e) => e.name);
      for (const p of c.people || []) assert.ok(people.includes(p), `${p} in ${JSON.stringify(people)}`);
    });
  });
}

for (const name of BROWSERS) {
  for (const c of READER_CASES) readerCase(name, c);
  describe(`entity models on a cold start in ${name}`, { concurrency: false }, () => {
    let b;
    let srv;
    before(async () => {
      srv = await startServer();
      b = await launch(name, requireBuild(name), { languages: ['en-US', 'en'] });
    });
    after(async () => {
      if (b) await b.close();
      if (srv) await srv.close();
    });

    for (const c of CASES) {
      it(c.what, async () => {
        const { marks, report } = await coldVisit(b, srv, c.file);
        const seen = JSON.stringify(marks.map((m) => `${m.step}:${m.lang}`));
        assert.equal(marks.filter((m) => m.step === 'analyze').length, 1, `one analysis: ${seen}`);
        assert.equal(at(marks, 'again'), -1, `not analysed twice: ${seen}`);
        assert.equal(marks.filter((m) => m.step === 'fetch' && m.lang === c.lang).length, 1, `${c.lang}'s model read once: ${seen}`);
        const [first, then] = c.before;
        assert.ok(at(marks, first, c.lang) >= 0 && at(marks, first, c.lang) < at(marks, then), `${first} (${c.lang}) before ${then}: ${seen}`);
        assert.ok(report, 'the page was analysed');
        assert.equal(report.language.code, c.lang);
        assert.equal(report.language.entities, true, "read by its own language's tagger");
        const people = report.entities.filter((e) => e.type === 'PER').map((e) => e.name);
        for (const p of c.people) assert.ok(people.includes(p), `${p} in ${JSON.stringify(people)}`);
      });
    }
  });
}
