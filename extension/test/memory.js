// The tests' build only, imported before the real background: keeps the
// WebAssembly.Memory of every instance the background makes (the first, and
// a fresh one after a panic), so a long session (scripts/soak.mjs) can read
// the core's linear memory: globalThis.__dossierMemory() and test:memory.
const memories = [];
const keep = (instance) => {
  try {
    for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) memories.push(new WeakRef(v));
  } catch (_) {
    /* not an instance with exports: nothing to keep */
  }
  return instance;
};
const W = WebAssembly;
const { instantiate, instantiateStreaming } = W;
W.instantiate = function (...args) {
  return instantiate.apply(this, args).then((r) => (keep(r instanceof W.Instance ? r : r.instance), r));
};
if (instantiateStreaming) {
  W.instantiateStreaming = function (...args) {
    return instantiateStreaming.apply(this, args).then((r) => (keep(r.instance), r));
  };
}
const RealInstance = W.Instance;
W.Instance = new Proxy(RealInstance, {
  construct(target, args, newTarget) {
    return keep(Reflect.construct(target, args, newTarget));
  },
});

/** Bytes of the linear memory of the newest live instance of the core (0 before the first). */
export function wasmBytes() {
  for (let i = memories.length - 1; i >= 0; i--) {
    const m = memories[i].deref();
    if (m) return m.buffer.byteLength;
  }
  return 0;
}
/** The JS heap where this context can read it (Chromium windows only; null elsewhere). */
export function jsHeap() {
  const m = globalThis.performance && performance.memory;
  return m ? { used: m.usedJSHeapSize, total: m.totalJSHeapSize } : null;
}
