/**
 * pdfkit 0.20's `PDFObject.convert` for the values an unencrypted document's objects hold:
 * names (strings), numbers, booleans, null, `String` objects (PDF text strings), dates, byte
 * arrays, arrays, plain dictionaries and references. Every object of the document is written
 * through it when the document ends (about 700 for an A5 leaflet, most of them structure
 * elements); pdfkit's own builds an array of lines for every dictionary and joins it. The text
 * is pdfkit's, character for character (tests/render/drawFastPaths.test.ts compares whole
 * documents); for anything else (pdfkit's name trees, spot colours, another class) this gives
 * undefined and pdfkit writes the object itself.
 */

/** What pdfkit writes for any byte above 0x7f in a text string: UTF-16BE with a byte order mark. */
function textStringBytes(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      let bytes = '\u00fe\u00ff';
      for (let j = 0; j < text.length; j++) {
        const code = text.charCodeAt(j);
        bytes += String.fromCharCode(code >> 8, code & 0xff);
      }
      return bytes;
    }
  }
  return text;
}

const ESCAPABLE = /[\n\r\t\b\f()\\]/g;
const ESCAPED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
const escapeText = (bytes: string): string => bytes.replace(ESCAPABLE, (c) => ESCAPED[c]!);

const pad = (value: number, length: number): string => String(value).padStart(length, '0').slice(-length);

/** pdfkit's number: six decimals at most; out of range, pdfkit's own throws. */
const numberText = (n: number): string | undefined => (n > -1e21 && n < 1e21 ? String(Math.round(n * 1e6) / 1e6) : undefined);

/**
 * The value as pdfkit writes it, or undefined where pdfkit's own must. `reference` is the
 * prototype of the document's references (written `id gen R`); without it, a reference is left
 * to pdfkit like any other object this does not know.
 */
export function pdfObjectText(value: unknown, reference?: object): string | undefined {
  switch (typeof value) {
    case 'string':
      return `/${value}`;
    case 'number':
      return numberText(value);
    case 'boolean':
      return String(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = pdfObjectText(value[i] === undefined ? null : value[i], reference);
      if (item === undefined) return undefined;
      out += i === 0 ? item : ` ${item}`;
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) {
    let out = '<<';
    for (const key in value as Record<string, unknown>) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined) continue;
      const text = pdfObjectText(field, reference);
      if (text === undefined) return undefined;
      out += `\n/${key} ${text}`;
    }
    return `${out}\n>>`;
  }
  if (reference !== undefined && proto === reference) {
    const { id, gen } = value as { id: number; gen: number };
    return `${id} ${gen} R`;
  }
  if (value instanceof String) return `(${escapeText(textStringBytes(value.valueOf()))})`;
  if (value instanceof Uint8Array) return `<${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}>`;
  if (value instanceof Date) {
    const date = `D:${pad(value.getUTCFullYear(), 4)}${pad(value.getUTCMonth() + 1, 2)}${pad(value.getUTCDate(), 2)}${pad(value.getUTCHours(), 2)}${pad(value.getUTCMinutes(), 2)}${pad(value.getUTCSeconds(), 2)}Z`;
    return `(${date})`;
  }
  return undefined;
}
