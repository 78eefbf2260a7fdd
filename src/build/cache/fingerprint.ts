import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceState } from '../sourceState.mjs';

/** The tool's own folder (where package.json and src/ are), the same from src/ and from dist/. */
export const TOOL_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Source folders whose code shapes a PDF's bytes or a leaflet's diagnostics. */
const OUTPUT_CODE = ['load', 'compile', 'render', 'i18n', 'lint', 'diagnostics', 'emit', 'build/stages'];

function hashTree(hash: ReturnType<typeof createHash>, dir: string, label: string): void {
  let files: string[];
  try {
    // The files the command's dist/ check counts as sources: notes beside the code (a folder's
    // README) shape no output, so editing one keeps the cache.
    files = sourceState(dir).files;
  } catch {
    return;
  }
  for (const file of files) hash.update(`${label}/${file.split(path.sep).join('/')}\0`).update(readFileSync(path.join(dir, file))).update('\0');
}

const cachedDigests = new Map<string, string>();

/** Where the tool's TypeScript sources are, running from them or from dist/. */
const SOURCE_ROOT = existsSync(path.join(TOOL_ROOT, 'src')) ? path.join(TOOL_ROOT, 'src') : fileURLToPath(new URL('../../', import.meta.url));

/**
 * Digest of some of the tool's own source folders (the site stage keys on its code this way);
 * `codeRoot` is the folder they are in (the tool's sources unless a test gives another).
 */
export function codeDigest(folders: readonly string[], codeRoot = SOURCE_ROOT): string {
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
