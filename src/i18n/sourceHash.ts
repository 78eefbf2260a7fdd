import { createHash } from 'node:crypto';

/** Hex digits kept from the SHA-256: enough to tell versions of a leaflet apart, short enough to read. */
export const SOURCE_HASH_LENGTH = 12;

/**
 * The Markdown body as far as a translator is concerned: line endings, trailing spaces and
 * blank lines at either end do not change its meaning, so they do not change its hash.
 */
export function normaliseBody(body: string): string {
  return body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

/** Content hash of a source leaflet's body, recorded as `translation.sourceHash` in its translations. */
export function bodyHash(body: string): string {
  return createHash('sha256').update(normaliseBody(body), 'utf8').digest('hex').slice(0, SOURCE_HASH_LENGTH);
}
