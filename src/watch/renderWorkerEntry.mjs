// Worker threads do not inherit the parent's module hooks: register tsx here, as bin/ does,
// then load the TypeScript worker. The repository's tsconfig (JSX settings) applies whatever
// folder the command runs in.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { default: renderTask } = await import('./renderWorker.ts');
export default renderTask;
