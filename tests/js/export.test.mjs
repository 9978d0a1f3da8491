// Unit tests of the export builder (extension/sidebar/export.js): text
// fragments (encoding, uniqueness by context, long passages, the address's
// own fragment replaced) and the Markdown and JSON made from a report.
// Run: node --test tests/js/ (make test-js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePart, textDirective, fragmentLink, exportReport, toMarkdown, mdEscape, fileName } from '../../extension/sidebar/export.js';

test('encodes the directive syntax and what would end a Markdown link', () => {
  assert.equal(encodePart('Vice-President, CPP & co (acting)'), 'Vice%2DPresident%2C%20CPP%20%26%20co%20%28acting%29');
  assert.equal(encodePart("it's 100%!*"), 'it%27s%20100%25%21%2A');
  assert.equal(decodeURIComponent(encodePart('Phnom Penh – “quoted” ünïcode')), 'Phnom Penh – “quoted” ünïcode');
});

test('a passage that occurs once needs no context', () => {
  const text = 'Prime Minister Hun Sen spoke on Tuesday.';
  assert.equal(textDirective(text, 15, 22, text), 'Hun%20Sen');
});

test('a repeated passage gets prefix and suffix words until it is unique', () => {
  const text = 'Hun Sen met Sam Rainsy. Later Hun Sen left.';
  const d = textDirective(text, 30, 37, text);
  assert.equal(d, 'Later-,Hun%20Sen,-left.');
  // The first one: no word before it, so the suffix does it.
  assert.equal(textDirective(text, 0, 7, text), 'Hun%20Sen,-met');
});

test('uniqueness is judged against the whole visible page, case and spacing ignored', () => {
  const block = 'The CPP won 68 seats.';
  const page = 'Menu\nthe  cpp won  everything\n' + block + '\nFooter';
  // "CPP" alone and "The CPP won" occur twice in the page; one more word each side decides.
  assert.equal(textDirective(block, 4, 7, page), 'The-,CPP,-won%2068');
  assert.equal(textDirective(block, 4, 7, block), 'CPP');
});

test('a long passage is linked by its first and last words', () => {
  const q = 'We will not accept the results of an election that was neither free nor fair, and we say so again today';
  const text = `He said: “${q}”, and left.`;
  const start = text.indexOf(q);
  const d = textDirective(text, start, start + q.length, text);
  assert.equal(d, 'We%20will%20not%20accept,say%20so%20again%20today');
});

test("the address's own fragment is replaced", () => {
  const text = 'Cambodia held a general election on July 28.';
  assert.equal(fragmentLink('https://example.org/a/b?x=1#top', text, 36, 43, text), 'https://example.org/a/b?x=1#:~:text=July%2028');
  assert.equal(fragmentLink('https://example.org/a#:~:text=old', text, 0, 8, text), 'https://example.org/a#:~:text=Cambodia');
});

test('whitespace inside a passage is matched as one space', () => {
  const text = 'Hun\n  Sen';
  assert.equal(textDirective(text, 0, text.length, text), 'Hun%20Sen');
});

const REPORT = {
  version: 1,
  title: 'Talks resume [update] | News',
  blocks: [
    { index: 0, tag: 'h1', text: '', article: true, folded: false, in_sidebar: true },
    { index: 1, tag: 'p', text: '', article: true, folded: false, in_sidebar: true },
  ],
  repeats: [],
  entities: [
    { name: 'Hun Sen', type: 'PER', aliases: [], roles: ['Prime Minister'], mentions: [{ block: 1, start: 30, end: 37 }, { block: 1, start: 15, end: 22 }], salience: 3 },
    { name: "Cambodian People's Party", type: 'ORG', aliases: ['CPP'], roles: [], mentions: [{ block: 1, start: 47, end: 50 }], salience: 2 },
    { name: 'Phnom Penh', type: 'LOC', aliases: [], roles: [], mentions: [], salience: 1 },
  ],
  published: '2013-11-06',
  language: { code: 'en', source: 'declared', declared: 'en', entities: true, facts: true },
  dates: [{ text: 'July 28', value: '2013-07-28', kind: 'absolute', event: 'an election', same_as: null, mention: { block: 1, start: 58, end: 65 } }],
  quantities: [{ text: '68 seats', value: 68, of: 123, range_to: null, unit: 'seats', approx: false, entity: 1, mention: { block: 1, start: 70, end: 78 } }],
  quotes: [{ text: 'illegitimate', speaker: 0, speaker_name: 'Hun Sen', mention: { block: 1, start: 85, end: 97 } }],
  stats: { blocks: 2, article_blocks: 2, folded: 0, article_words: 20 },
};
test('the JSON is the report with texts, the URL and a link per item', () => {
  const texts = ['Talks resume', 'Talks resumed, said the Prime Minister Hun Sen. Of the CPP: on July 28, 68 seats; “illegitimate”, he said.'];
  const r = structuredClone(REPORT);
  const find = (s) => texts[1].indexOf(s);
  r.entities[0].mentions = [{ block: 1, start: find('Hun Sen'), end: find('Hun Sen') + 7 }];
  r.entities[1].mentions = [{ block: 1, start: find('CPP'), end: find('CPP') + 3 }];
  r.dates[0].mention = { block: 1, start: find('July 28'), end: find('July 28') + 7 };
  r.quantities[0].mention = { block: 1, start: find('68 seats'), end: find('68 seats') + 8 };
  r.quotes[0].mention = { block: 1, start: find('illegitimate'), end: find('illegitimate') + 12 };
  const url = 'https://news.example/talks#comments';
  const data = exportReport(r, { url, textOf: (i) => texts[i], visible: texts.join('\n') });
  assert.equal(data.url, url);
  assert.equal(data.version, 1);
  assert.deepEqual(data.blocks.map((b) => b.text), texts);
  assert.equal(data.entities[0].link, 'https://news.example/talks#:~:text=Hun%20Sen');
  assert.equal(data.entities[1].link, 'https://news.example/talks#:~:text=CPP');
  assert.equal(data.entities[2].link, null);
  assert.equal(data.dates[0].link, 'https://news.example/talks#:~:text=July%2028');
  assert.equal(data.quotes[0].link, 'https://news.example/talks#:~:text=illegitimate');
  // The report itself is untouched.
  assert.equal(r.blocks[1].text, '');
  assert.equal(r.entities[0].link, undefined);
  // Every key of the report is kept.
  for (const k of Object.keys(r)) assert.ok(k in data, k);

  const md = toMarkdown(data);
  assert.equal(
    md,
    [
      '# Talks resume \\[update\\] \\| News',
      '',
      'Source: <https://news.example/talks#comments>  ',
      'Published: 2013-11-06',
      '',
      '## People',
      '',
      '- [Hun Sen](https://news.example/talks#:~:text=Hun%20Sen) — Prime Minister',
      '',
      '## Organizations',
      '',
      "- [Cambodian People's Party](https://news.example/talks#:~:text=CPP) (CPP)",
      '',
      '## Places',
      '',
      '- Phnom Penh',
      '',
      '## Timeline',
      '',
      '- [2013-07-28](https://news.example/talks#:~:text=July%2028) — an election (July 28)',
      '',
      '## Numbers',
      '',
      "- Cambodian People's Party: [68 of 123 seats](https://news.example/talks#:~:text=68%20seats) — “68 seats”",
      '',
      '## Quotes',
      '',
      '- [“illegitimate”](https://news.example/talks#:~:text=illegitimate) — Hun Sen',
      '',
    ].join('\n'),
  );
});

test('the first mention in reading order is linked, whatever the mentions order', () => {
  const texts = ['', 'Hun Sen here. And Hun Sen there.'];
  const r = structuredClone(REPORT);
  r.entities = [{ ...REPORT.entities[0], mentions: [{ block: 1, start: 18, end: 25 }, { block: 1, start: 0, end: 7 }] }];
  const data = exportReport(r, { url: 'http://x/', textOf: (i) => texts[i], visible: texts[1] });
  assert.equal(data.entities[0].link, 'http://x/#:~:text=Hun%20Sen,-here.');
});

test('page strings cannot break the Markdown', () => {
  assert.equal(mdEscape('a *b* [c](d) <e> _f_'), 'a \\*b\\* \\[c\\](d) \\<e\\> \\_f\\_');
  assert.equal(mdEscape('1. first'), '1\\. first');
  assert.equal(mdEscape('line\nbreak'), 'line break');
});

test('file names', () => {
  assert.equal(fileName("Cambodia's ruling party | Example News"), 'dossier-cambodia-s-ruling-party-example-news.json');
  assert.equal(fileName(''), 'dossier-page.json');
});

test('a paragraph printed twice gets the shortest context that gives the fewest matches', () => {
  const para = 'Later that day Hun Sen met the press in Phnom Penh and left.';
  const page = `Hun Sen spoke.\n${para}\n${para}`;
  // "Hun Sen" occurs 3 times; "day Hun Sen met" twice (both prints): no more context helps.
  assert.equal(textDirective(para, 15, 22, page), 'day-,Hun%20Sen,-met');
});
