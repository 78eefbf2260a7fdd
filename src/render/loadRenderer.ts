// Nothing heavy loads with this module (react-pdf only inside loadRenderer), so the build imports it statically.
import { installLayoutMemoHook } from './perf/layoutMemoHook.mjs';
import { shimLoaded } from './perf/shimHooks.ts';

let warned = false;

/**
 * The renderer, loaded the one way that gives it the layout memos: their module hook is
 * registered first (only now, so a command that never renders does not pay for the hook's
 * thread on every import). Were react-pdf already loaded without the hook, pages would come out
 * the same, only slower; that is a defect in how the process loaded, so it is said once.
 */
export async function loadRenderer(): Promise<typeof import('./renderEdition.ts')> {
  await installLayoutMemoHook();
  const renderer = await import('./renderEdition.ts');
  if (!shimLoaded('leaflets.textkitShim') && !warned) {
    warned = true;
    process.emitWarning('react-pdf was loaded before the layout memos\' module hook: rendering without the layout memos (same pages, slower)', { code: 'LEAFLETS_NO_LAYOUT_MEMO_HOOK' });
  }
  return renderer;
}
