// A Node module resolution hook (node:module register): @react-pdf/layout's imports of
// @react-pdf/textkit, @react-pdf/stylesheet and emoji-regex-xs resolve to the project's shims,
// which are those packages with a memo or a quick test in front of one function. Every other importer, the shims included,
// gets the packages themselves. Nothing in node_modules is changed.
const LAYOUT = /\/node_modules\/@react-pdf\/layout\/lib\//;
const SHIMS = {
  '@react-pdf/textkit': new URL('./textkitShim.mjs', import.meta.url).href,
  '@react-pdf/stylesheet': new URL('./stylesheetShim.mjs', import.meta.url).href,
  'emoji-regex-xs': new URL('./emojiPatternShim.mjs', import.meta.url).href,
};

export async function resolve(specifier, context, nextResolve) {
  const shim = SHIMS[specifier];
  if (shim !== undefined && LAYOUT.test(context.parentURL ?? '')) return { url: shim, shortCircuit: true, format: 'module' };
  return nextResolve(specifier, context);
}
