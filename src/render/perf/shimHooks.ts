/**
 * Where the shims (textkitShim.mjs, stylesheetShim.mjs) find the memos: a function under a
 * well-known symbol on globalThis, looked up at each call, since the shims are plain modules
 * loaded natively and import nothing from src/. The memos start installed unless the process
 * was started with LEAFLETS_LAYOUT_MEMO=off.
 */
const registry = globalThis as unknown as Record<symbol, unknown>;

export const memosStartOn = process.env.LEAFLETS_LAYOUT_MEMO !== 'off';

export function setShimHook(name: string, hook: ((...args: never[]) => unknown) | undefined): void {
  if (hook) registry[Symbol.for(name)] = hook;
  else delete registry[Symbol.for(name)];
}

export const shimHookSet = (name: string): boolean => registry[Symbol.for(name)] !== undefined;

/** Whether the shim has been loaded in place of its package (the module hook is installed). */
export const shimLoaded = (name: string): boolean => registry[Symbol.for(name)] === true;
