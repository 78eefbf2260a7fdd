// The render pool's worker thread: the compiled worker from dist/, or the TypeScript one.
import { importCompiledOrSource } from '../workerModule.mjs';

// The worker itself does not load react-pdf; it is loaded after the layout memos' module hook
// (plain JavaScript, in src/ and dist/ alike), and only react-pdf's layout and renderer
// packages after it, so few imports pay for the hook's thread.
const worker = await importCompiledOrSource(import.meta.url, './renderWorker');
await (await import('../render/perf/preloadRenderer.mjs')).preloadRendererDependencies();
await import('../render/perf/registerLayoutMemo.mjs');
await worker.warmUp();

export default worker.default;
