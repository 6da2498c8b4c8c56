/*
 * A small seeded pseudo-random generator (splitmix32 seeding an sfc32 stream): the demo history and
 * the benchmark generators are deterministic from a seed number, so a run can be repeated exactly.
 */
/** sfc32, seeded through splitmix32: independent streams for different seeds. */
export function createRandom(...seeds: number[]): () => number {
  let s = 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  for (const seed of seeds) {
    s ^= seed | 0;
    s ^= Math.floor(seed / 2 ** 32) | 0;
    splitmix();
  }
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
