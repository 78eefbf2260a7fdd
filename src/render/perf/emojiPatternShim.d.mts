// Types of emojiPatternShim.mjs.
export const MAY_HOLD_EMOJI: RegExp;
export default function emojiPatternWithQuickTest(): RegExp;
