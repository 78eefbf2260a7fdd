import { isUtf8 } from 'node:buffer';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file that must be UTF-8, or the offset of its first byte that is not.
 * (Read as 'utf8', bad bytes silently become "�" and end up printed in a leaflet.)
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  if (isUtf8(bytes)) return { text: decoder.decode(bytes) };
  return { invalidAt: firstInvalidByte(bytes) };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode table 3-7). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const first = bytes[index]!;
    if (first < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) length = 2;
    else if (first >= 0xe0 && first <= 0xef) {
      length = 3;
      if (first === 0xe0) low = 0xa0;
      if (first === 0xed) high = 0x9f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4;
      if (first === 0xf0) low = 0x90;
      if (first === 0xf4) high = 0x8f;
    } else return index;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[index + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return index;
    }
    index += length;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset in bytes that are valid UTF-8 up to it. */
export function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = decoder.decode(bytes.subarray(0, offset));
  const lastNewline = before.lastIndexOf('\n');
  let line = 1;
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) line += 1;
  return { line, column: [...before.slice(lastNewline + 1)].length + 1 };
}
