// Worker threads do not inherit the parent's module hooks. From dist/ the compiled module sits
// beside the worker's entry file; from src/ (tests, development) tsx is registered first, as
// bin/ does, and the TypeScript module is loaded.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Loads `<name>.js` next to `entryUrl` when compiled, else `<name>.ts` through tsx. */
export async function importCompiledOrSource(entryUrl, name) {
  const compiled = new URL(`${name}.js`, entryUrl);
  if (existsSync(fileURLToPath(compiled))) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  return import(new URL(`${name}.ts`, entryUrl).href);
}
