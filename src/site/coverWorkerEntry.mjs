// The cover thread: the compiled cover renderer from dist/, or the TypeScript one.
import { importCompiledOrSource } from '../workerModule.mjs';

export default (await importCompiledOrSource(import.meta.url, './coverRenderer')).default;
