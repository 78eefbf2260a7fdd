import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';

/** Default size bound of the output cache: old entries are dropped past it, least recently used first. */
export const DEFAULT_CACHE_BYTES = 1024 * 1024 * 1024;
const MAGIC = Buffer.from('LFC1');

/** What a render produced, as kept in the cache: a hit reports exactly what the render did. */
export interface CachedOutput {
  /** The file's bytes; empty when the render's diagnostics had an error (nothing is written). */
  bytes: Uint8Array;
  pages?: number;
  diagnostics: Diagnostic[];
  /** Other results of the render (e.g. the chosen copy-fit), JSON-serializable. */
  meta: Record<string, unknown>;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/**
 * Rendered outputs by the digest of everything they depend on (see outputKey). Each entry is
 * one file: magic, SHA-256 of the rest, then a JSON header and the bytes. A truncated or
 * altered entry fails the hash and is ignored (and removed). Reads bump the file's mtime, and
 * `prune` drops the least recently used entries once the folder passes its size bound. The
 * folder is safe to delete at any time.
 */
export class OutputCache {
  constructor(
    readonly dir: string,
    readonly maxBytes = DEFAULT_CACHE_BYTES,
  ) {}

  private fileOf(key: string): string {
    return path.join(this.dir, 'objects', key.slice(0, 2), `${key}.bin`);
  }

  async get(key: string): Promise<CachedOutput | undefined> {
    const file = this.fileOf(key);
    const data = await readFile(file).catch(() => undefined);
    if (!data) return undefined;
    const parsed = decode(data);
    if (!parsed) {
      await rm(file, { force: true });
      return undefined;
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return parsed;
  }

  async put(key: string, output: CachedOutput): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, encode(output));
    await rename(temporary, file).catch(async (error: unknown) => {
      await rm(temporary, { force: true });
      throw error;
    });
  }

  /** Drops least recently used entries until the cache is within 80% of its bound. */
  async prune(): Promise<number> {
    const root = path.join(this.dir, 'objects');
    const entries: Array<{ file: string; size: number; used: number }> = [];
    for (const name of await readdir(root, { recursive: true }).catch(() => [] as string[])) {
      const file = path.join(root, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) entries.push({ file, size: info.size, used: info.mtimeMs });
    }
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    if (total <= this.maxBytes) return 0;
    entries.sort((a, b) => a.used - b.used || (a.file < b.file ? -1 : 1));
    let removed = 0;
    for (const entry of entries) {
      if (total <= this.maxBytes * 0.8) break;
      await rm(entry.file, { force: true });
      total -= entry.size;
      removed += 1;
    }
    return removed;
  }
}

function encode(output: CachedOutput): Buffer {
  const header = Buffer.from(JSON.stringify({ pages: output.pages, diagnostics: output.diagnostics, meta: output.meta }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const body = Buffer.concat([length, header, output.bytes]);
  return Buffer.concat([MAGIC, sha256(body), body]);
}

function decode(data: Buffer): CachedOutput | undefined {
  if (data.length < 40 || !data.subarray(0, 4).equals(MAGIC)) return undefined;
  const body = data.subarray(36);
  if (!sha256(body).equals(data.subarray(4, 36))) return undefined;
  try {
    const length = body.readUInt32BE(0);
    const header = JSON.parse(body.subarray(4, 4 + length).toString('utf8')) as Omit<CachedOutput, 'bytes'>;
    return { ...header, bytes: body.subarray(4 + length) };
  } catch {
    return undefined;
  }
}
