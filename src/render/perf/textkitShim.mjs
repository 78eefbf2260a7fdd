// @react-pdf/textkit as @react-pdf/layout sees it: the same module, except that the layout
// engine it builds asks the project's text layout memo first (src/render/perf/textLayoutMemo.ts),
// skips the bidi algorithm for text that cannot need it (ltrBidi.mjs), picks fonts and
// scripts for each character in quicker forms of textkit's own engines (textkitEngines.mjs),
// and breaks lines with a quicker form of its linebreaker (textkitLinebreaker.mjs).
// Plain JavaScript: Node loads it natively in place of the package, with or without tsx.
// The memo is looked up when each paragraph is laid out, so this file needs nothing from src/.
import layoutEngine, { fontSubstitution, linebreaker, scriptItemizer } from '@react-pdf/textkit';
import { ltrBidi } from './ltrBidi.mjs';
import { quickFontSubstitution, quickScriptItemizer } from './textkitEngines.mjs';
import { quickLinebreaker } from './textkitLinebreaker.mjs';

export * from '@react-pdf/textkit';

const MEMO = Symbol.for('leaflets.textLayoutMemo');
globalThis[Symbol.for('leaflets.textkitShim')] = true;

/** textkit's engines with the quicker forms in place of its own; engines layout brings from elsewhere stay as they are. */
function quickEngines(engines) {
  const quick = { ...engines };
  if (engines.bidi) quick.bidi = ltrBidi(engines.bidi);
  if (engines.fontSubstitution === fontSubstitution) quick.fontSubstitution = quickFontSubstitution(fontSubstitution);
  if (engines.scriptItemizer === scriptItemizer) quick.scriptItemizer = quickScriptItemizer(scriptItemizer);
  if (engines.linebreaker === linebreaker) quick.linebreaker = quickLinebreaker(linebreaker);
  return quick;
}

export default function layoutEngineWithMemo(engines) {
  const engine = layoutEngine(quickEngines(engines));
  return function layoutText(attributedString, container, options) {
    const memo = globalThis[MEMO];
    return memo ? memo(engine, attributedString, container, options) : engine(attributedString, container, options);
  };
}
