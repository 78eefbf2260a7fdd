// The render pool's worker thread: the compiled worker from dist/, or the TypeScript one.
import { importCompiledOrSource } from '../workerModule.mjs';

// Before react-pdf loads: the layout memos' module hook (plain JavaScript, in src/ and dist/ alike).
await import('../render/perf/registerLayoutMemo.mjs');

export default (await importCompiledOrSource(import.meta.url, './renderWorker')).default;
