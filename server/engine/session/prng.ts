// Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the session state, so a stored
// session replays to the same buyer lines.
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** Index in [0, n) and the advanced state. */
export function pick(state: number, n: number): { index: number; state: number } {
  const r = nextRandom(state);
  return { index: Math.min(n - 1, Math.floor(r.value * n)), state: r.state };
}

export function seedState(seed: number): number {
  return seed >>> 0;
}

/** The same generator as a stream of numbers in [0, 1), for tools and tests that draw many. */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
}
