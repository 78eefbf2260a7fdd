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
      if (!isPlain(value as object)) return `#${identityOf(value as object)}`;
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

/**
 * Whether memoKey would write `a` and `b` alike, found without writing either: plain data by
 * value (objects' fields in the same order), anything else by identity. Stricter only for
 * symbols (memoKey writes two symbols with one description alike; here they differ). A memo
 * that keeps its inputs compares them with this instead of building and hashing a key string.
 */
export function sameMemoInputs(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN is written alike; 0 and -0 (=== above) are not.
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameMemoInputs(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const fieldsA = Object.keys(a);
  const fieldsB = Object.keys(b);
  if (fieldsA.length !== fieldsB.length) return false;
  for (let i = 0; i < fieldsA.length; i++) {
    const field = fieldsA[i]!;
    if (field !== fieldsB[i] || !sameMemoInputs((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field])) return false;
  }
  return true;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
