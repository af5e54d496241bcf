/**
 * Small statistics for noisy machines: medians of repeated samples, and an A/B/C order that
 * rotates every repetition so no variant always runs first (warm caches) or last.
 */

/** The median of some samples (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The variants in the order repetition `index` runs them: rotated by one each repetition. */
export function rotation<T>(variants: readonly T[], index: number): T[] {
  const shift = variants.length === 0 ? 0 : index % variants.length;
  return [...variants.slice(shift), ...variants.slice(0, shift)];
}

/** Run every variant `repetitions` times in rotating order; returns each variant's samples. */
export async function sampleRotating<K extends string, S>(params: {
  readonly variants: readonly K[];
  readonly repetitions: number;
  readonly measure: (variant: K, repetition: number) => Promise<S>;
}): Promise<Record<K, S[]>> {
  const samples = Object.fromEntries(params.variants.map((v) => [v, [] as S[]])) as Record<K, S[]>;
  for (let repetition = 0; repetition < params.repetitions; repetition += 1) {
    for (const variant of rotation(params.variants, repetition)) {
      samples[variant].push(await params.measure(variant, repetition));
    }
  }
  return samples;
}

/** Round to a number of decimals, for figures people read. */
export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
