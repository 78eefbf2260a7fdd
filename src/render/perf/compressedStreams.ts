import { deflateSync } from 'node:zlib';
import { BoundedMemo } from './boundedMemo.ts';

/**
 * Compressed content streams remembered by their text. A page's content depends only on the
 * page once glyphs are numbered by id (glyphNumbering.ts), so an unchanged page of a rebuilt
 * leaflet (the pages an edit did not move, the cover, the back page) writes the same text
 * again, and deflate, the largest single cost of drawing it, is skipped. zlib is deterministic:
 * the same text at the same level gives the same bytes.
 */

/** Streams per generation (two are kept): every page of a few leaflets' editions, 5-30 KB of text each. */
const MAX_STREAMS = 128;
const streams = new BoundedMemo<{ level: number; bytes: Buffer }>(MAX_STREAMS);
let enabled = true;

/** The text (Latin-1, one byte per character) deflated at `level`. */
export function deflateText(text: string, level: number): Buffer {
  if (!enabled) return deflateSync(Buffer.from(text, 'latin1'), { level });
  const known = streams.get(text);
  if (known?.level === level) return known.bytes;
  const bytes = deflateSync(Buffer.from(text, 'latin1'), { level });
  streams.set(text, { level, bytes });
  return bytes;
}

/** Streams found and compressed since the process started. */
export const compressedStreamStats = (): { hits: number; misses: number } => ({ hits: streams.hits, misses: streams.misses });

/** Empties the memo (the render bench's fresh scenario, tests). */
export const clearCompressedStreams = (): void => streams.clear();

/** Turns the memo on or off for this process; tests compare the bytes both ways. */
export const setCompressedStreamMemo = (on: boolean): void => {
  enabled = on;
};
