/**
 * The letters a language is written with: CLDR's main exemplar characters, from the
 * `cldr-misc-full` package (Intl does not expose them), with their capitals.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const cldrMain = path.join(path.dirname(createRequire(import.meta.url).resolve('cldr-misc-full/package.json')), 'main');

/** The characters of a CLDR UnicodeSet such as `[a ą b {ch} d-f \-]` (strings inside `{}` give their letters). */
export function unicodeSetCharacters(set: string): string[] {
  const chars = [...set.trim().replace(/^\[/, '').replace(/\]$/, '')];
  const result = new Set<string>();
  for (let i = 0; i < chars.length; i += 1) {
    let char = chars[i]!;
    if (/\s/.test(char)) continue;
    if (char === '{') {
      const end = chars.indexOf('}', i);
      for (const inner of chars.slice(i + 1, end === -1 ? chars.length : end)) result.add(inner);
      i = end === -1 ? chars.length : end;
      continue;
    }
    if (char === '\\') {
      const next = chars[i + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(chars.slice(i + 2, i + 6).join(''))) {
        char = String.fromCodePoint(parseInt(chars.slice(i + 2, i + 6).join(''), 16));
        i += 5;
      } else {
        char = next;
        i += 1;
      }
    }
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && !/\s/.test(chars[i + 2]!)) {
      const last = chars[i + 2]!.codePointAt(0)!;
      for (let code = char.codePointAt(0)!; code <= last; code += 1) result.add(String.fromCodePoint(code));
      i += 2;
      continue;
    }
    result.add(char);
  }
  return [...result];
}

/** CLDR folder names to try for a locale: `pt-BR`, then `pt`. */
function candidates(locale: string): string[] {
  const canonical = Intl.getCanonicalLocales(locale)[0] ?? locale;
  const language = new Intl.Locale(canonical).language;
  return [...new Set([canonical, language])];
}

/**
 * The letters (lower and upper case) of a language per CLDR, or undefined when CLDR has no
 * data for it. `source` names the CLDR locale used.
 */
export async function exemplarLetters(locale: string): Promise<{ letters: string[]; source: string } | undefined> {
  for (const name of candidates(locale)) {
    let json: { main: Record<string, { characters: { exemplarCharacters: string } }> };
    try {
      json = JSON.parse(await readFile(path.join(cldrMain, name, 'characters.json'), 'utf8'));
    } catch {
      continue;
    }
    const set = Object.values(json.main)[0]?.characters.exemplarCharacters;
    if (set === undefined) continue;
    const letters = new Set<string>();
    for (const char of unicodeSetCharacters(set)) {
      letters.add(char);
      const upper = char.toLocaleUpperCase(locale);
      if ([...upper].length === 1) letters.add(upper);
    }
    return { letters: [...letters], source: name };
  }
  return undefined;
}
