// The `xliff` and `gettext-parser` packages ship no types for the parts used in src/i18n/exchange/.
declare module 'xliff/js2xliff' {
  export default function js2xliff(document: Record<string, unknown>, options?: { indent?: string }): Promise<string>;
}

declare module 'gettext-parser' {
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgstr: string[];
    comments?: { translator?: string; extracted?: string; reference?: string; flag?: string; previous?: string };
  }
  export interface PoData {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
  }
  export const po: {
    parse(input: string | Buffer, options?: { defaultCharset?: string; validation?: boolean }): PoData;
    compile(data: PoData, options?: { foldLength?: number; sort?: boolean; escapeCharacters?: boolean }): Buffer;
  };
}
