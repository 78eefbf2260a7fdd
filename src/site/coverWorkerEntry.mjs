// Worker threads do not inherit the parent's module hooks. From dist/ the compiled cover
// renderer sits beside this file; from src/ tsx is registered first, as bin/ does.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('./coverRenderer.js', import.meta.url);
let module;
if (existsSync(fileURLToPath(compiled))) {
  module = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
  module = await import('./coverRenderer.ts');
}
export default module.default;
