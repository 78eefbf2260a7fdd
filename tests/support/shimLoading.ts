import { expect } from 'vitest';
import { shimLoaded } from '../../src/render/perf/shimHooks.ts';

/** The shim registered as `name` is not loaded until `load()` imports the package whose import of it the module hook answers, and then is. */
export async function expectShimLoadedBy(name: string, load: () => Promise<unknown>): Promise<void> {
  expect(shimLoaded(name), `${name} before the import`).toBe(false);
  await load();
  expect(shimLoaded(name), `${name} after the import`).toBe(true);
}
