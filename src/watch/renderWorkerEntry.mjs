// Worker threads do not inherit the parent's module hooks: register tsx here, as bin/ does,
// then load the TypeScript worker. The repository's tsconfig (JSX settings) applies whatever
// folder the command runs in.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
// Before react-pdf loads: the layout memos' module hook (src/render/perf).
await import('../render/perf/registerLayoutMemo.mjs');
const { default: renderTask } = await import('./renderWorker.ts');
export default renderTask;
