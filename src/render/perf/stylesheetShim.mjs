// @react-pdf/stylesheet as @react-pdf/layout sees it: the same module, except that its style
// resolver asks the project's style memo first (src/render/perf/styleMemo.ts). Plain
// JavaScript, loaded natively in place of the package (see reactPdfResolveHook.mjs).
import resolveStyle from '@react-pdf/stylesheet';

export * from '@react-pdf/stylesheet';

const MEMO = Symbol.for('leaflets.styleMemo');
globalThis[Symbol.for('leaflets.stylesheetShim')] = true;

export default function resolveStyleWithMemo(container, style) {
  const memo = globalThis[MEMO];
  return memo ? memo(resolveStyle, container, style) : resolveStyle(container, style);
}
