// @react-pdf/textkit as @react-pdf/layout sees it: the same module, except that the layout
// engine it builds asks the project's text layout memo first (src/render/perf/textLayoutMemo.ts),
// and skips the bidi algorithm for text that cannot need it (ltrBidi.mjs).
// Plain JavaScript: Node loads it natively in place of the package, with or without tsx.
// The memo is looked up when each paragraph is laid out, so this file needs nothing from src/.
import layoutEngine from '@react-pdf/textkit';
import { ltrBidi } from './ltrBidi.mjs';

export * from '@react-pdf/textkit';

const MEMO = Symbol.for('leaflets.textLayoutMemo');
globalThis[Symbol.for('leaflets.textkitShim')] = true;

export default function layoutEngineWithMemo(engines) {
  const engine = layoutEngine(engines.bidi ? { ...engines, bidi: ltrBidi(engines.bidi) } : engines);
  return function layoutText(attributedString, container, options) {
    const memo = globalThis[MEMO];
    return memo ? memo(engine, attributedString, container, options) : engine(attributedString, container, options);
  };
}
