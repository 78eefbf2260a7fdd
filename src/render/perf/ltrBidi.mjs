// textkit's bidi engine without the Unicode bidi algorithm for text that cannot need it.
// textkit runs bidi-js's getEmbeddingLevels on every paragraph it lays out; in a left-to-right
// paragraph with no right-to-left letters, Arabic digits or explicit direction marks, every
// level is 0 and the engine returns one run at level 0. Other text goes to the engine itself.
// Plain JavaScript: the textkit shim loads it natively (see textkitShim.mjs).

// A superset of what can take a level above 0 in a left-to-right paragraph: the right-to-left
// blocks of the BMP (Hebrew to Arabic Extended-A; Hebrew and Arabic presentation forms), RLM,
// embeddings, overrides and isolates, and any character of the supplementary right-to-left
// ranges U+10800-10FFF and U+1E800-1EFFF (found by their high surrogates).
const MAY_NEED_BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202A-\u202E\u2066-\u2069\uD802\uD803\uD83A\uD83B]/;

/** The result of textkit's bidi engine when every level is 0. */
const allLeftToRight = (string) => ({ string, runs: string.length === 0 ? [] : [{ start: 0, end: string.length, attributes: { bidiLevel: 0 } }] });

/** Wraps textkit's `bidi` engine factory (the `engines.bidi` @react-pdf/layout passes to the layout engine). */
export function ltrBidi(bidi) {
  let full;
  const engine = (attributedString) => {
    const { string } = attributedString;
    const direction = attributedString.runs[0]?.attributes.direction;
    if ((direction === undefined || direction === 'ltr') && !MAY_NEED_BIDI.test(string)) return allLeftToRight(string);
    full ??= bidi();
    return full(attributedString);
  };
  return () => engine;
}
