/**
 * Memo keys that write out everything a computation reads: plain data (objects, arrays,
 * strings, numbers, booleans) by value, and anything else (fontkit fonts, callbacks, image
 * buffers) by identity, as `#n` with n unique to that object in this process. Written by hand
 * rather than with a JSON.stringify replacer (a call per value, a quarter slower), and unlike
 * JSON it keeps undefined, Infinity, NaN and -0 apart from missing, null and 0.
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

/** Field names written as JSON, once each: layout's objects share a few dozen names. */
const fieldNames = new Map<string, string>();
const fieldName = (key: string): string => {
  let written = fieldNames.get(key);
  if (written === undefined) {
    written = `${JSON.stringify(key)}:`;
    if (fieldNames.size < 10_000) fieldNames.set(key, written);
  }
  return written;
};

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'bigint':
      return `${value}n`;
    case 'function':
      return `#${identityOf(value)}`;
    case 'symbol':
      return String(value);
    default: {
      if (value === null) return 'n';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + write(value[i]);
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return `#${identityOf(value as object)}`;
      let out = '{';
      let first = true;
      for (const key in value as Record<string, unknown>) {
        out += (first ? '' : ',') + fieldName(key) + write((value as Record<string, unknown>)[key]);
        first = false;
      }
      return `${out}}`;
    }
  }
}

export const memoKey = (...values: unknown[]): string => write(values);
