// Quicker forms of two of textkit's engines, giving the same runs as textkit 7.0.1's own
// (tests/render/textkitEngines.test.ts compares them on every shipped paragraph and on tricky
// text). textkit runs both over every paragraph it lays out, one character at a time:
// - fontSubstitution picks each character's font from the run's font stack, copying the stack
//   into a new array for every character to do so;
// - scriptItemizer looks up each character's Unicode script in unicode-properties' trie.
// Plain JavaScript: the textkit shim loads it natively (see textkitShim.mjs).
import unicode from 'unicode-properties';

const SOFT_HYPHEN = 173;
const fontSizeOf = (run) => run.attributes.fontSize || 12;
const hasGlyph = (font, codePoint) => font && font.hasGlyphForCodePoint && font.hasGlyphForCodePoint(codePoint);

/** textkit's pickFontFromFontStack: the first font of the stack, then the last font used, that has the glyph; else the stack's last. */
function pickFont(codePoint, fontStack, lastFont) {
  if (codePoint === SOFT_HYPHEN) return lastFont;
  for (let i = 0; i < fontStack.length; i += 1) if (hasGlyph(fontStack[i], codePoint)) return fontStack[i];
  if (hasGlyph(lastFont, codePoint)) return lastFont;
  return fontStack.at(-1);
}

/** Wraps textkit's `fontSubstitution` engine factory; runs whose font stack is not an array go to textkit's own. */
export function quickFontSubstitution(fontSubstitution) {
  const full = fontSubstitution();
  const engine = (attributedString) => {
    const { string, runs } = attributedString;
    for (let i = 0; i < runs.length; i += 1) if (!Array.isArray(runs[i].attributes.font)) return full(attributedString);
    let lastFont = null;
    let lastFontSize = null;
    let lastIndex = 0;
    let index = 0;
    const res = [];
    for (let i = 0; i < runs.length; i += 1) {
      const run = runs[i];
      if (string.length === 0) {
        res.push({ start: 0, end: 0, attributes: { font: run.attributes.font } });
        break;
      }
      const chars = string.slice(run.start, run.end);
      const fontStack = run.attributes.font;
      const fontSize = fontSizeOf(run);
      let j = 0;
      while (j < chars.length) {
        const codePoint = chars.codePointAt(j);
        const charLength = codePoint > 0xffff ? 2 : 1;
        const font = pickFont(codePoint, fontStack, lastFont);
        if (font !== lastFont || fontSize !== lastFontSize || font.unitsPerEm !== lastFont?.unitsPerEm) {
          if (lastFont) res.push({ start: lastIndex, end: index, attributes: { font: [lastFont], scale: lastFontSize / lastFont.unitsPerEm } });
          lastFont = font;
          lastFontSize = fontSize;
          lastIndex = index;
        }
        j += charLength;
        index += charLength;
      }
    }
    if (lastIndex < string.length) {
      const fontSize = fontSizeOf(runs.at(-1));
      res.push({ start: lastIndex, end: string.length, attributes: { font: [lastFont], scale: fontSize / lastFont.unitsPerEm } });
    }
    return { string, runs: res };
  };
  return () => engine;
}

/** Each UTF-16 code unit's script, as unicode-properties names it, looked up once: a byte per code unit indexes the names met so far. */
const scriptNames = [undefined];
const scriptIndex = new Uint8Array(0x10000);
function scriptOf(codeUnit) {
  const index = scriptIndex[codeUnit];
  if (index !== 0) return scriptNames[index];
  const script = unicode.getScript(codeUnit);
  let found = scriptNames.indexOf(script, 1);
  if (found === -1 && scriptNames.length < 256) found = scriptNames.push(script) - 1;
  if (found !== -1) scriptIndex[codeUnit] = found;
  return script;
}
const isIgnoredScript = (script) => script === 'Common' || script === 'Inherited' || script === 'Unknown';

/**
 * Wraps textkit's `scriptItemizer` engine factory. Like textkit's, it goes one UTF-16 code unit
 * at a time (a surrogate is looked up on its own).
 */
export function quickScriptItemizer(scriptItemizer) {
  const full = scriptItemizer();
  const engine = (attributedString) => {
    const { string } = attributedString;
    if (typeof string !== 'string') return full(attributedString);
    if (!string) return { string: '', runs: [] };
    let lastScript = 'Unknown';
    let lastIndex = 0;
    const runs = [];
    for (let i = 0; i < string.length; i += 1) {
      const script = scriptOf(string.charCodeAt(i));
      if (script !== lastScript && !isIgnoredScript(script)) {
        if (lastScript !== 'Unknown') runs.push({ start: lastIndex, end: i, attributes: { script: lastScript } });
        lastIndex = i;
        lastScript = script;
      }
    }
    if (lastIndex < string.length) runs.push({ start: lastIndex, end: string.length, attributes: { script: lastScript } });
    return { string, runs };
  };
  return () => engine;
}
