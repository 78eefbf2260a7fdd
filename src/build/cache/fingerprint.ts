import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The tool's own folder (where package.json and src/ are), the same from src/ and from dist/. */
export const TOOL_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Source folders whose code shapes a PDF's bytes or a leaflet's diagnostics. */
const OUTPUT_CODE = ['load', 'compile', 'render', 'i18n', 'lint', 'diagnostics', 'emit', 'build/stages'];

function hashTree(hash: ReturnType<typeof createHash>, dir: string, label: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    // Notes beside the code (a folder's README) do not shape any output: editing them keeps the cache.
    if (entry.endsWith('.md')) continue;
    const file = path.join(dir, entry);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // a folder
    }
    hash.update(`${label}/${entry.split(path.sep).join('/')}\0`).update(bytes).update('\0');
  }
}

const cachedDigests = new Map<string, string>();

/** Where the tool's TypeScript sources are, running from them or from dist/. */
const sourceRoot = () => (existsSync(path.join(TOOL_ROOT, 'src')) ? path.join(TOOL_ROOT, 'src') : fileURLToPath(new URL('../../', import.meta.url)));

/**
 * Digest of some of the tool's own source folders (the site stage keys on its code this way);
 * `codeRoot` is the folder they are in (the tool's sources unless a test gives another).
 */
export function codeDigest(folders: readonly string[], codeRoot = sourceRoot()): string {
  const id = [codeRoot, ...folders].join('\0');
  let digest = cachedDigests.get(id);
  if (!digest) {
    const hash = createHash('sha256');
    for (const folder of folders) hashTree(hash, path.join(codeRoot, folder), folder);
    digest = hash.digest('hex');
    cachedDigests.set(id, digest);
  }
  return digest;
}

let cached: string | undefined;

/**
 * One digest of everything besides the project's files that decides an output's bytes: the
 * installed versions of the tool's runtime dependencies (react-pdf, pdfkit, fontkit, ...) and
 * the tool's own pipeline code. Part of every cache key, so upgrading a package or editing the
 * renderer never serves an old PDF.
 */
export function environmentFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256').update('leaflets-output-v1\0');
  const manifest = JSON.parse(readFileSync(path.join(TOOL_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    let version = 'missing';
    try {
      version = (JSON.parse(readFileSync(path.join(TOOL_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // Not installed where expected: the name alone still keys the cache.
    }
    hash.update(`${name}@${version}\0`);
  }
  // The TypeScript sources are hashed whether running from them or from dist/, so both share one cache.
  hash.update(codeDigest(OUTPUT_CODE));
  cached = hash.digest('hex');
  return cached;
}
