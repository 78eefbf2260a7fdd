/**
 * A locale file shaped like i18next's own "extra-large" test resource (about 490 KB on one line,
 * nine levels of objects, three keys each, 19,683 strings of random identifier characters), made
 * from a fixed seed. Set LEAFLETS_LARGE_LOCALE to a JSON file to use another one instead.
 */
import { readFileSync } from 'node:fs';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$$$___';

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function largeLocaleJson(seed = 18): string {
  const next = random(seed);
  const word = () => Array.from({ length: 1 + Math.floor(next() * 10) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
  const node = (depth: number): string => {
    if (depth === 9) return JSON.stringify(word());
    const keys = new Set<string>();
    while (keys.size < 3) keys.add(word());
    return `{ ${[...keys].map((key) => `${JSON.stringify(key)}: ${node(depth + 1)}`).join(', ')} }`;
  };
  return node(0);
}

export const largeLocaleText = (): string =>
  process.env.LEAFLETS_LARGE_LOCALE ? readFileSync(process.env.LEAFLETS_LARGE_LOCALE, 'utf8') : largeLocaleJson();
