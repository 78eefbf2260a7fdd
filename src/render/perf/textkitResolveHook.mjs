// A Node module resolution hook (node:module register): @react-pdf/layout's import of
// @react-pdf/textkit resolves to textkitShim.mjs. Every other importer, the shim included,
// gets the package itself. Nothing in node_modules is changed.
const SHIM = new URL('./textkitShim.mjs', import.meta.url).href;
const LAYOUT = /\/node_modules\/@react-pdf\/layout\/lib\//;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@react-pdf/textkit' && LAYOUT.test(context.parentURL ?? '')) {
    return { url: SHIM, shortCircuit: true, format: 'module' };
  }
  return nextResolve(specifier, context);
}
