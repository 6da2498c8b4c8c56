/*
 * Whether PNG and JPEG bytes are a picture and not just its first eight bytes: the whole chunk
 * (PNG) or marker (JPEG) structure is walked and the dimensions read from the header. "PNG magic
 * followed by HTML" has no valid chunk after the signature and is refused; a header claiming a
 * picture of 100,000 × 100,000 pixels (a decompression bomb for the officer's viewer) is refused
 * too. Pure: no decoder runs, only the container is read.
 */

export const MAX_IMAGE_SIDE = 20_000;
export const MAX_IMAGE_PIXELS = 100_000_000;

export type ImageProblem = "damaged" | "dimensions";
export type ImageCheck = { ok: true; width: number; height: number } | { ok: false; error: ImageProblem };

const damaged: ImageCheck = { ok: false, error: "damaged" };

function sized(width: number, height: number): ImageCheck {
  if (width < 1 || height < 1) return damaged;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return { ok: false, error: "dimensions" };
  }
  return { ok: true, width, height };
}

const uint32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const uint16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = from; i < to; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Allowed bit depths per PNG colour type (PNG specification, table 11.1). */
const PNG_BIT_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/**
 * A PNG: signature, IHDR first (13 bytes, valid depth and colour type), every chunk with its
 * length, a letter-only type and a matching CRC, at least one IDAT, IEND last and nothing after.
 */
export function checkPng(bytes: Uint8Array): ImageCheck {
  let at = 8;
  let size: ImageCheck | null = null;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = uint32(bytes, at);
    const typeStart = at + 4;
    const dataStart = at + 8;
    const dataEnd = dataStart + length;
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) return damaged;
    const type = String.fromCharCode(...bytes.subarray(typeStart, dataStart));
    if (!/^[A-Za-z]{4}$/.test(type)) return damaged;
    if (crc32(bytes, typeStart, dataEnd) !== uint32(bytes, dataEnd)) return damaged;
    if (size === null) {
      if (type !== "IHDR" || length !== 13) return damaged;
      const colourType = bytes[dataStart + 9]!;
      const depth = bytes[dataStart + 8]!;
      if (!PNG_BIT_DEPTHS[colourType]?.includes(depth)) return damaged;
      if (bytes[dataStart + 10] !== 0 || bytes[dataStart + 11] !== 0 || bytes[dataStart + 12]! > 1) return damaged;
      size = sized(uint32(bytes, dataStart), uint32(bytes, dataStart + 4));
      if (!size.ok) return size;
    } else if (type === "IHDR") {
      return damaged;
    }
    if (type === "IDAT") sawData = true;
    at = dataEnd + 4;
    if (type === "IEND") {
      // Anything after the end is not part of the picture: a polyglot hides HTML or a ZIP there.
      return length === 0 && sawData && at === bytes.length ? size : damaged;
    }
  }
  return damaged;
}

// Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG) and CC (DAC) share the range.
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * A JPEG: SOI, then marker segments with consistent lengths, a start-of-frame with sane
 * dimensions before the first scan, entropy-coded data (byte stuffing and restart markers
 * allowed) and an EOI. Bytes after the EOI are tolerated: phone cameras append their own data.
 */
export function checkJpeg(bytes: Uint8Array): ImageCheck {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return damaged;
  let at = 2;
  let size: ImageCheck | null = null;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return damaged;
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[at] === 0xff) at++;
    if (at >= bytes.length) return damaged;
    const marker = bytes[at]!;
    at++;
    if (marker === 0xd9) return size ?? damaged; // EOI
    if (marker === 0x00 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      // Stuffing, a second SOI or a restart marker outside a scan: not a valid stream.
      return damaged;
    }
    if (at + 2 > bytes.length) return damaged;
    const length = uint16(bytes, at);
    if (length < 2 || at + length > bytes.length) return damaged;
    if (isStartOfFrame(marker)) {
      if (length < 8 || size !== null) return damaged;
      size = sized(uint16(bytes, at + 5), uint16(bytes, at + 3));
      if (!size.ok) return size;
    }
    at += length;
    if (marker === 0xda) {
      if (size === null) return damaged;
      // Entropy-coded data runs to the next marker that is neither stuffing nor a restart.
      while (at < bytes.length) {
        if (bytes[at] === 0xff && at + 1 < bytes.length) {
          const next = bytes[at + 1]!;
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
            at += next === 0xff ? 1 : 2;
            continue;
          }
          break;
        }
        at++;
      }
    }
  }
  return damaged;
}
