#!/usr/bin/env node
// The peers on the same sentences as scripts/eval_facts.py (tests/facts/sentences.tsv),
// scored by the same matching rules: chrono-node for dates, compromise (with
// compromise-dates) for dates and numbers, compromise for quotes (it finds
// quotations but gives no speaker). Prints P/R/F1 per kind and peer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

nlp.plugin(datesPlugin);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = fs.readFileSync(path.join(root, 'tests', 'facts', 'sentences.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));

const norm = (s) => (s || '').toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}'.%$€£-]+/gu)?.join(' ') || '';
const overlap = (a, b) => {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const wx = new Set(x.split(' ').filter((w) => !['the', 'a', 'of', 'on', 'in'].includes(w)));
  return y.split(' ').some((w) => wx.has(w));
};
const sameNum = (a, b) => a != null && b != null && Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b));
const pad = (n) => String(n).padStart(2, '0');

function chronoDates(sentence, published) {
  const ref = new Date(`${published}T12:00:00Z`);
  return chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false }).map((r) => {
    const val = (c) => {
      const y = c.get('year');
      const m = c.get('month');
      const d = c.get('day');
      if (c.isCertain('day') || c.isCertain('weekday')) return `${y}-${pad(m)}-${pad(d)}`;
      if (c.isCertain('month')) return `${y}-${pad(m)}`;
      if (c.isCertain('year')) return `${y}`;
      return `${y}-${pad(m)}-${pad(d)}`;
    };
    return { text: r.text, value: r.end ? `${val(r.start)}/${val(r.end)}` : val(r.start) };
  });
}

function compromiseDates(sentence, published) {
  const doc = nlp(sentence);
  return doc.dates({ timezone: 'UTC', today: published }).json().map((d) => {
    const s = d.dates && d.dates.start ? d.dates.start.slice(0, 10) : null;
    const e = d.dates && d.dates.end ? d.dates.end.slice(0, 10) : null;
    return { text: d.text, value: s && e && s !== e ? `${s}/${e}` : s };
  });
}

function compromiseNumbers(sentence) {
  return nlp(sentence).numbers().json().map((n) => ({ text: n.text, value: n.number && typeof n.number.num === 'number' ? n.number.num : null }));
}

function compromiseQuotes(sentence) {
  return nlp(sentence).quotations().json().map((q) => ({ text: q.text.replace(/^["“”«»„'‘’]+|["“”«»„'‘’.,]+$/g, ''), speaker_name: null }));
}

const matchers = {
  dates: (p, g) => overlap(p.text, g.text) && p.value === g.value,
  quantities: (p, g) => overlap(p.text, g.text) && sameNum(p.value, g.value) && (g.of == null || sameNum(p.of, g.of)),
  quotes: (p, g) => {
    const gw = new Set(norm(g.text).split(' '));
    const pw = new Set(norm(p.text).split(' '));
    const inter = [...gw].filter((w) => pw.has(w)).length;
    const speaker = g.speaker == null ? p.speaker_name == null : p.speaker_name != null;
    return gw.size > 0 && inter / gw.size >= 0.6 && speaker;
  },
};

const peers = {
  'chrono-node': { dates: (s, pub) => chronoDates(s, pub) },
  'compromise': {
    dates: (s, pub) => compromiseDates(s, pub),
    quantities: (s) => compromiseNumbers(s),
    quotes: (s) => compromiseQuotes(s),
  },
};

const key = { date: 'dates', quantity: 'quantities', quote: 'quotes' };
for (const [peer, fns] of Object.entries(peers)) {
  for (const [kind, fn] of Object.entries(fns)) {
    let tp = 0;
    let np = 0;
    let ng = 0;
    for (const [, k, sentence, expect] of rows) {
      if (key[k] !== kind) continue;
      const e = JSON.parse(expect);
      const gold = e[kind] || [];
      let pred = [];
      try {
        pred = fn(sentence, e.published || '2020-01-01');
      } catch (_) {
        pred = [];
      }
      const used = new Set();
      for (const g of gold) {
        const i = pred.findIndex((p, j) => !used.has(j) && matchers[kind](p, g));
        if (i >= 0) {
          used.add(i);
          tp++;
        }
      }
      np += pred.length;
      ng += gold.length;
    }
    const p = np ? tp / np : 0;
    const r = ng ? tp / ng : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`${peer.padEnd(12)} ${kind.padEnd(10)} P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)}   (tp ${tp}, predicted ${np}, gold ${ng})`);
  }
}
