// emoji-regex-xs as @react-pdf/layout sees it: the same pattern, with a quick test in front.
// Layout runs the pattern over every piece of text it lays out (embedEmojis), to put images in
// place of emoji when an emoji source is registered (this project registers none); with no
// match the text is passed on as it is. Most pieces have no character that can be part of an
// emoji, and then the pattern cannot match: they are passed over without running it.
// Plain JavaScript, loaded natively in place of the package (see reactPdfResolveHook.mjs).
import emojiRegex from 'emoji-regex-xs';

/**
 * Every match of emoji-regex-xs 1.0's pattern holds a regional indicator, U+1F3F4, U+FE0F, an
 * Emoji_Modifier_Base or an Emoji_Presentation character, all at U+231A or above; astral
 * characters are surrogate pairs, also above. tests/render/emojiPattern.test.ts checks both.
 */
export const MAY_HOLD_EMOJI = /[\u231A-\uFFFF]/;

globalThis[Symbol.for('leaflets.emojiPatternShim')] = true;

export default function emojiPatternWithQuickTest() {
  const pattern = emojiRegex();
  const matchAll = pattern[Symbol.matchAll];
  Object.defineProperties(pattern, {
    // String.prototype.matchAll reads `flags` through RegExp.prototype's getter, which reads
    // every flag in turn; this pattern's flags never change.
    flags: { value: pattern.flags },
    [Symbol.matchAll]: {
      value(string) {
        return MAY_HOLD_EMOJI.test(string) ? matchAll.call(this, string) : [].values();
      },
    },
  });
  return pattern;
}
