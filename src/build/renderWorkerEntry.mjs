// The render pool's worker thread: the compiled worker from dist/, or the TypeScript one.
import { importCompiledOrSource } from '../workerModule.mjs';

// The worker itself does not load react-pdf; its warm-up loads it after the layout memos' module
// hook (src/render/loadRenderer.ts), and only react-pdf's layout and renderer packages after
// it, so few imports pay for the hook's thread.
const worker = await importCompiledOrSource(import.meta.url, './renderWorker');
await worker.warmUp();

export default worker.default;
