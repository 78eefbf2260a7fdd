/**
 * Memo keys that write out everything a computation reads: plain data (objects, arrays,
 * strings, numbers) by value, and objects that are not plain data (fontkit fonts, callbacks,
 * image buffers) by identity, as `#n` / `ƒn` with n unique to the object for this process.
 */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;

export const identityOf = (value: object): number => {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
};

const isPlainData = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(value);
};

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // `this[key]` is the value before any toJSON (a Buffer would otherwise arrive as its bytes).
  const original = this[key];
  if (typeof original === 'function') return `ƒ${identityOf(original)}`;
  if (original !== null && typeof original === 'object' && !isPlainData(original)) return `#${identityOf(original)}`;
  // JSON would write Infinity and NaN as null.
  if (typeof original === 'number' && !Number.isFinite(original)) return `${original}`;
  return value;
}

export const memoKey = (...values: unknown[]): string => JSON.stringify(values, replacer);
