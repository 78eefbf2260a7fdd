// Loads react-pdf's own dependencies, all but the two packages whose imports the layout memo
// hook redirects, before that hook is registered. Node 20 runs module hooks on a thread of
// their own, and every import resolved after registering waits on it: for react-pdf's module
// graph that is about 0.3 s of CPU per thread. Loading a package early changes nothing else;
// one that fails to load here fails where it is really imported.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** @react-pdf/layout must load through the hook, and so must every package that imports it. */
const THROUGH_HOOK = new Set(['@react-pdf/layout', '@react-pdf/renderer']);

export async function preloadRendererDependencies() {
  const names = new Set(['react', 'fontkit']);
  for (const owner of THROUGH_HOOK) {
    for (const name of Object.keys(require(`${owner}/package.json`).dependencies ?? {})) if (!THROUGH_HOOK.has(name)) names.add(name);
  }
  for (const name of names) await import(name).catch(() => undefined);
}
