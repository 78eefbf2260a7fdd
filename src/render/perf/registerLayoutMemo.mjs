// Installs reactPdfResolveHook.mjs (the layout memos' shims), once per thread. Must run before
// anything imports @react-pdf/renderer or @react-pdf/layout: the CLI and the render threads
// reach react-pdf only through src/render/loadRenderer.ts, which runs it first (see
// layoutMemoHook.mjs); test files and benches import it first. A process that skips it renders
// the same bytes, only without the layout memos.
import { register } from 'node:module';

const REGISTERED = Symbol.for('leaflets.layoutMemoHookRegistered');
if (!globalThis[REGISTERED]) {
  globalThis[REGISTERED] = true;
  register('./reactPdfResolveHook.mjs', import.meta.url);
}
