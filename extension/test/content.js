// The content script of the end-to-end tests' build (dist/<browser>-test; never
// shipped): the real one plus the hook the benchmark measures its floor by.
//
//   test:floor   one read of document.documentElement.outerHTML by a content
//                script, timed (the median of three): the least any reading of
//                the page costs this thread (make bench's main-thread ratio is to it)
import '../content/main.js';
import { ext } from '../content/env.js';

ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (!msg || msg.type !== 'test:floor') return false;
  // Three reads, the median: one read's time, with less of the machine's noise.
  const times = [];
  let length = 0;
  for (let i = 0; i < 3; i++) {
    const a = performance.now();
    length = document.documentElement.outerHTML.length;
    times.push(performance.now() - a);
  }
  sendResponse({ ms: times.sort((x, y) => x - y)[1], length });
  return false;
});
