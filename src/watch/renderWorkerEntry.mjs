// Worker threads do not inherit the parent's module hooks: register tsx here, as bin/ does,
// then load the TypeScript worker. The repository's tsconfig (JSX settings) applies whatever
// folder the command runs in.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname });
const { default: renderTask } = await import('./renderWorker.ts');
export default renderTask;
