// The render pool's worker thread: the compiled worker from dist/, or the TypeScript one.
import { importCompiledOrSource } from '../workerModule.mjs';

export default (await importCompiledOrSource(import.meta.url, './renderWorker')).default;
