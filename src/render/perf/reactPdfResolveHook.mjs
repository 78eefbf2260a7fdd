// A Node module resolution hook (node:module register): @react-pdf/layout's imports of
// @react-pdf/textkit, @react-pdf/stylesheet and emoji-regex-xs, the imports of @react-pdf/fns
// by layout, textkit and stylesheet, and @react-pdf/render's import of color-string resolve
// to the project's shims, which are those packages with a memo or a quicker form in front of a
// few functions. Every other importer, the shims included, gets the packages themselves.
// Nothing in node_modules is changed.
const LAYOUT = /\/node_modules\/@react-pdf\/layout\/lib\//;
const LAYOUT_TEXTKIT_OR_STYLESHEET = /\/node_modules\/@react-pdf\/(layout|textkit|stylesheet)\/lib\//;
const RENDER = /\/node_modules\/@react-pdf\/render\/lib\//;
const SHIMS = {
  '@react-pdf/textkit': { url: new URL('./textkitShim.mjs', import.meta.url).href, importers: LAYOUT },
  '@react-pdf/stylesheet': { url: new URL('./stylesheetShim.mjs', import.meta.url).href, importers: LAYOUT },
  'emoji-regex-xs': { url: new URL('./emojiPatternShim.mjs', import.meta.url).href, importers: LAYOUT },
  '@react-pdf/fns': { url: new URL('./fnsShim.mjs', import.meta.url).href, importers: LAYOUT_TEXTKIT_OR_STYLESHEET },
  'color-string': { url: new URL('./colorStringShim.mjs', import.meta.url).href, importers: RENDER },
};

export async function resolve(specifier, context, nextResolve) {
  const shim = SHIMS[specifier];
  if (shim !== undefined && shim.importers.test(context.parentURL ?? '')) return { url: shim.url, shortCircuit: true, format: 'module' };
  return nextResolve(specifier, context);
}
