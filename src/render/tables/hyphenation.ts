import { createRequire } from 'node:module';
import type { Hyphenator } from 'hyphen';
import { PSEUDO_LOCALE } from '../../i18n/pseudoLocale.ts';
import type { MeasureText } from './measureText.ts';

/**
 * Language-aware hyphenation for table cells only: a long word in a narrow column
 * ("Meddyginiaeth") may break at a syllable, with a hyphen, instead of running over the cell
 * border. Body text elsewhere is never hyphenated (UK clear print guidance; see fonts.ts).
 */
export type HyphenationCallback = (word: string) => string[];

const require = createRequire(import.meta.url);
const SOFT_HYPHEN = '\u00ad';
/** Fewer letters than this on either side of a break is never worth a hyphen. */
const MIN_PART = 3;

const hyphenators = new Map<string, Hyphenator | null>();

/** The `hyphen` pattern module for a BCP 47 tag: `en-GB` -> `hyphen/en-gb`, `cy` -> `hyphen/cy`. */
function hyphenatorFor(locale: string): Hyphenator | null {
  const tag = locale === PSEUDO_LOCALE ? 'en-GB' : locale;
  const candidates = [tag.toLowerCase(), tag.toLowerCase().split('-')[0]!];
  for (const name of candidates) {
    if (hyphenators.has(name)) return hyphenators.get(name)!;
    try {
      const hyphenator = require(`hyphen/${name}`) as Hyphenator;
      hyphenators.set(name, hyphenator);
      return hyphenator;
    } catch {
      hyphenators.set(name, null);
    }
  }
  return null;
}

/** Letters as the patterns know them: the pseudo-locale's accented letters read as plain ones. */
const plainLetters = (word: string) => [...word].map((char) => char.normalize('NFD')[0] ?? char).join('');

/**
 * Splits a word into the parts it may break between, for react-pdf's `hyphenationCallback`
 * (textkit adds the hyphen where it breaks). Languages without patterns get no breaks.
 */
export function tableHyphenation(locale: string): HyphenationCallback {
  // One callback per language for the process: the text layout memo keys functions by identity.
  let callback = callbacks.get(locale);
  if (!callback) {
    callback = hyphenationFor(locale);
    callbacks.set(locale, callback);
  }
  return callback;
}

const callbacks = new Map<string, HyphenationCallback>();

function hyphenationFor(locale: string): HyphenationCallback {
  const hyphenator = hyphenatorFor(locale);
  const folded = locale === PSEUDO_LOCALE;
  return (word: string) => {
    if (!hyphenator || word.length < 2 * MIN_PART) return [word];
    const chars = [...word];
    const source = folded ? plainLetters(word) : word;
    if ([...source].length !== chars.length) return [word];
    const marked = hyphenator.hyphenateSync(source, { minWordLength: 2 * MIN_PART });
    // Break positions (in characters) read off the soft hyphens, applied to the original word.
    const parts: string[] = [];
    let start = 0;
    let index = 0;
    for (const char of marked) {
      if (char === SOFT_HYPHEN) {
        if (index - start >= MIN_PART && chars.length - index >= MIN_PART) {
          parts.push(chars.slice(start, index).join(''));
          start = index;
        }
        continue;
      }
      index += 1;
    }
    parts.push(chars.slice(start).join(''));
    return parts;
  };
}

type Measure = MeasureText;
const breakers = new WeakMap<Measure, WeakMap<HyphenationCallback, Map<string, HyphenationCallback>>>();
/** Column shapes remembered per measurer and language; a few dozen in any real project. */
const MAX_BREAKERS = 512;

/**
 * The callback for one table column: only a word wider than the column's `room` may break, at
 * a syllable; shorter words wrap whole. The same callback object for the same column shape, so
 * an unchanged table cell is a hit in the text layout memo, which keys functions by identity.
 */
export function longWordBreaker(measure: Measure, hyphenate: HyphenationCallback, room: number, fontSize: number, bold: boolean): HyphenationCallback {
  let byHyphenation = breakers.get(measure);
  if (!byHyphenation) breakers.set(measure, (byHyphenation = new WeakMap()));
  let byShape = byHyphenation.get(hyphenate);
  if (!byShape) byHyphenation.set(hyphenate, (byShape = new Map()));
  const key = `${room}|${fontSize}|${bold}`;
  let breaker = byShape.get(key);
  if (!breaker) {
    if (byShape.size >= MAX_BREAKERS) byShape.clear();
    breaker = (word: string) => (measure(word, fontSize, bold) > room ? hyphenate(word) : [word]);
    byShape.set(key, breaker);
  }
  return breaker;
}
