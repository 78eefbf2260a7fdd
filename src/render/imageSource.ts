import { readFileSync, statSync } from 'node:fs';

/** An image's bytes as react-pdf takes them (`{ data, format }`). */
export interface ImageBytes {
  data: Buffer;
  format: 'png' | 'jpg';
}

/**
 * An image file as react-pdf should read it: its bytes, kept while the file's size and
 * modification time stay the same. react-pdf keeps an image read from a path under that path
 * for the life of the process, so in watch mode a logo replaced under the same name went on
 * showing the old one until watch restarted; bytes it keeps by their content instead. The same
 * object comes back while the file is unchanged, so the page memo (layoutTree.ts), which keys
 * a page by the objects it shows, still finds the pages that show it. layoutTree.ts applies it
 * to every image of a tree before layout. PNG and JPEG only:
 * anything else, or a file that cannot be read, goes to react-pdf by its path as before (and
 * fails there as before).
 */
const known = new Map<string, { size: number; mtimeMs: number; bytes: ImageBytes }>();

const formatOf = (data: Buffer): ImageBytes['format'] | undefined =>
  data.length > 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47 ? 'png' : data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff ? 'jpg' : undefined;

export function imageSource(path: string): string | ImageBytes {
  try {
    const { size, mtimeMs } = statSync(path);
    const seen = known.get(path);
    if (seen && seen.size === size && seen.mtimeMs === mtimeMs) return seen.bytes;
    const data = readFileSync(path);
    const format = formatOf(data);
    if (!format) return path;
    const bytes = { data: withRememberedText(data), format };
    known.set(path, { size, mtimeMs, bytes });
    return bytes;
  } catch {
    return path;
  }
}

/**
 * react-pdf keys every image it lays out by `data.toString()`: the whole file decoded as UTF-8
 * again at each layout (0.8 ms of a fresh A5 render's CPU profile, for the shipped logo). The bytes are never written
 * to while their file is unchanged, so neither is that text: it is decoded once.
 */
function withRememberedText(data: Buffer): Buffer {
  const toString = data.toString;
  let text: string | undefined;
  Object.defineProperty(data, 'toString', {
    value: function toStringRemembered(this: Buffer, ...args: Parameters<Buffer['toString']>): string {
      if (args.length > 0) return toString.apply(this, args);
      text ??= toString.call(this);
      return text;
    },
  });
  return data;
}
