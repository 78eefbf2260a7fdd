// Installs the layout memos' module hook in this thread, once, just before react-pdf is first
// needed. Node 20 runs module hooks on a thread of their own and every import resolved after
// registering waits on it, so a command that never renders (a build that fails to compile, one
// with nothing changed, `i18n status`) should not register it, and react-pdf's own dependencies,
// which the hook leaves alone, load before it. Plain JavaScript, the same file in src/ and dist/.
import { preloadRendererDependencies } from './preloadRenderer.mjs';

export async function installLayoutMemoHook() {
  if (globalThis[Symbol.for('leaflets.layoutMemoHookRegistered')]) return;
  await preloadRendererDependencies();
  await import('./registerLayoutMemo.mjs');
}
