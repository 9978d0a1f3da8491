// Pages of several articles (an endless page that appends the next story as
// the reader scrolls, a page of full stories one after another): which one
// the reader is in. The report lists them (`articles`, src/feed.rs), each a
// range of blocks. The story being read is the one of the last block (in
// page order) in the top 40% of the viewport: the text just above where the
// eye rests. One IntersectionObserver watches the blocks against that band,
// so scrolling costs this thread nothing until a block enters or leaves it;
// a band with no block in it (a tall picture) keeps the story it had. (A
// thin line across the viewport would fall between two paragraphs as often
// as not, and a margin is no story.)
import { blockElement } from './fold.js';

const BAND = '0px 0px -60% 0px';
let observer = null;
let current = 0;
let count = 0;
let onChange = () => {};

/** Stops following (a report of one article, the site switched off). */
export function stopFollowing() {
  if (observer) observer.disconnect();
  observer = null;
}

/** The article the reader is in (0 on a page of one). */
export function currentArticle() {
  return count ? current : 0;
}

/**
 * Follows the articles of `report` (its blocks' elements from fold.js):
 * `changed(k)` whenever the reader reaches article k. A report of the same
 * page grown (an appended story) keeps the article the reader is in.
 */
export function followArticles(report, changed) {
  stopFollowing();
  onChange = changed;
  const arts = (report && report.articles) || [];
  count = arts.length >= 2 ? arts.length : 0;
  if (!count) {
    current = 0;
    return;
  }
  if (current >= count) current = 0;
  if (typeof IntersectionObserver !== 'function') return;
  const of = new Map(); // element -> [block, article]
  const inBand = new Set(); // the blocks in the band now
  const articleOf = new Map(); // block -> article
  observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const at = of.get(e.target);
        if (!at) continue;
        if (e.isIntersecting) inBand.add(at[0]);
        else inBand.delete(at[0]);
      }
      if (!inBand.size) return;
      const k = articleOf.get(Math.max(...inBand));
      if (k !== undefined && k !== current) {
        current = k;
        onChange(k);
      }
    },
    { rootMargin: BAND },
  );
  arts.forEach((a, k) => {
    for (let i = a.start; i < a.end; i++) {
      const el = blockElement(i);
      if (el && !of.has(el)) {
        of.set(el, [i, k]);
        articleOf.set(i, k);
        observer.observe(el);
      }
    }
  });
}

/** Takes the reader to article k (its headline at the top) and makes it the current one. */
export function goToArticle(report, k) {
  const a = report && report.articles && report.articles[k];
  if (!a) return;
  const head = blockElement(a.headline);
  if (head && typeof head.scrollIntoView === 'function') head.scrollIntoView({ block: 'start' });
  if (k !== current) {
    current = k;
    onChange(k);
  }
}
