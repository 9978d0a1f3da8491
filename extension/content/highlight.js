// Highlights mentions in the page: with the CSS Custom Highlight API where
// the browser has it (nothing in the DOM changes), else with <mark> wrappers
// that are removed, and the text nodes joined back, when the highlight ends.
import { mutating } from './env.js';
import { blockElement, blockSegments } from './fold.js';

const NAME = 'dossier-mention';
const CURRENT = 'dossier-current';
let wrappers = []; // fallback: [{wrap, mid, orig:{node,data,extra}}]

function rangeFor(block, start, end) {
  const segs = blockSegments(block);
  let sNode = null;
  let sOff = 0;
  let eNode = null;
  let eOff = 0;
  for (const s of segs) {
    if (!sNode && start < s.end) {
      sNode = s.node;
      sOff = Math.max(0, start - s.start);
    }
    if (end <= s.end) {
      eNode = s.node;
      eOff = Math.max(0, end - s.start);
      break;
    }
  }
  if (!sNode || !eNode) return null;
  const r = document.createRange();
  try {
    r.setStart(sNode, Math.min(sOff, sNode.data.length));
    r.setEnd(eNode, Math.min(eOff, eNode.data.length));
  } catch (_) {
    return null;
  }
  return r;
}

const supported = () => typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function';

/** Highlights `mentions` ({block,start,end}) of the current report; `current` is emphasised. Returns the ranges. */
export function highlight(mentions, current) {
  clearHighlight();
  const ranges = [];
  for (const m of mentions) {
    const el = blockElement(m.block);
    if (!el || !el.isConnected) {
      ranges.push(null);
      continue;
    }
    ranges.push(rangeFor(m.block, m.start, m.end));
  }
  const live = ranges.filter(Boolean);
  if (supported()) {
    CSS.highlights.set(NAME, new Highlight(...live));
    if (current != null && ranges[current]) CSS.highlights.set(CURRENT, new Highlight(ranges[current]));
  } else {
    mutating(() => {
      ranges.forEach((r, i) => r && wrap(r, i === current));
    });
  }
  return ranges;
}

// Fallback: wrap a range that lies within one text node (mentions do).
function wrap(r, current) {
  const node = r.startContainer;
  if (node !== r.endContainer || node.nodeType !== 3) return;
  const rec = { node, data: node.data, extra: [] };
  let mid = node;
  if (r.startOffset > 0) {
    mid = node.splitText(r.startOffset);
    rec.extra.push(mid);
  }
  const len = r.endOffset - r.startOffset;
  if (len < mid.data.length) rec.extra.push(mid.splitText(len));
  const mark = document.createElement('mark');
  mark.setAttribute('data-dossier-highlight', current ? 'current' : '');
  mid.parentNode.insertBefore(mark, mid);
  mark.appendChild(mid);
  wrappers.push({ mark, mid, rec });
}

/** Removes every highlight and wrapper. */
export function clearHighlight() {
  if (supported()) {
    CSS.highlights.delete(NAME);
    CSS.highlights.delete(CURRENT);
  }
  if (!wrappers.length) return;
  mutating(() => {
    for (const { mark, mid } of wrappers.reverse()) if (mark.parentNode) mark.parentNode.replaceChild(mid, mark);
    for (const { rec } of wrappers) {
      for (const x of rec.extra) x.remove();
      rec.node.data = rec.data;
    }
  });
  wrappers = [];
}

/** Scrolls a range into view. */
export function scrollToRange(r) {
  if (!r) return;
  const el = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
  if (el && el.scrollIntoView) el.scrollIntoView({ block: 'center', behavior: 'auto' });
}
