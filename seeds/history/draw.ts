/*
 * Weighted draws for the generator: a cumulative table of weights and a uniform number in [0, 1)
 * pick an index, so a multinomial draw costs one random number and a binary search.
 */
export const sum = (values: Iterable<number>) => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i]!;
  return out;
}

/** The index whose cumulative band holds u·total (binary search). */
export function pick(cumulativeWeights: Float64Array, u: number): number {
  const target = u * cumulativeWeights[cumulativeWeights.length - 1]!;
  let lo = 0;
  let hi = cumulativeWeights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulativeWeights[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
