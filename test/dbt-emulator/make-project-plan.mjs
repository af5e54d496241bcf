// @ts-check
// The shape of a generated project, before anything is written: how many models per layer, which
// models each one refs, which ones fail, and the seeded random numbers that make the same options
// give the same project. Used by make-project.mjs.

export const ENTITIES = [
  'customers',
  'orders',
  'payments',
  'products',
  'stores',
  'suppliers',
  'employees',
  'invoices',
];

/**
 * How many models per layer: a quarter staging, a mart layer, the rest spread over log2(n) layers.
 * @param {number} models
 */
export function planLayers(models) {
  if (models <= 2) return [models];
  const staging = Math.max(1, Math.round(models * 0.25));
  const marts = Math.max(1, Math.round(models * 0.15));
  const middle = models - staging - marts;
  const middleLayers =
    middle <= 0 ? 0 : Math.max(1, Math.min(10, Math.round(Math.log2(models)) - 2));
  const layers = [staging];
  for (let i = 0; i < middleLayers; i++) {
    layers.push(Math.floor(middle / middleLayers) + (i < middle % middleLayers ? 1 : 0));
  }
  layers.push(marts + (middle < 0 ? middle : 0));
  return layers.filter((n) => n > 0);
}

/**
 * One parent from the previous layer (so the layers are real), up to two more from any earlier layer.
 * @param {{ name: string, layer: number }[]} earlier
 * @param {number} layer
 * @param {() => number} random
 */
export function pickParents(earlier, layer, random) {
  const previous = earlier.filter((m) => m.layer === layer - 1);
  const chosen = new Set([pick(previous, random).name]);
  const extra = random() < 0.5 ? 0 : random() < 0.7 ? 1 : 2;
  for (let i = 0; i < extra; i++) chosen.add(pick(earlier, random).name);
  return [...chosen];
}

/**
 * @param {string[]} names
 * @param {number} ratio
 * @param {() => number} random
 */
export function chooseFailing(names, ratio, random) {
  if (ratio <= 0) return [];
  const count = Math.max(1, Math.round(names.length * ratio));
  const pool = [...names];
  const chosen = [];
  while (chosen.length < count && pool.length > 0)
    chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return chosen;
}

/**
 * @template T
 * @param {T[]} items
 * @param {() => number} random
 * @returns {T}
 */
function pick(items, random) {
  return /** @type {T} */ (items[Math.floor(random() * items.length)]);
}

/** @param {number} seed a small, fast, seedable PRNG */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
