// Worker threads do not inherit the parent's module hooks: register tsx here, as bin/ does,
// then load the TypeScript cover renderer.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { default: renderCover } = await import('./coverRenderer.ts');
export default renderCover;
