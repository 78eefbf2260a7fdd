/** The part of `hyphen` (Liang's patterns from CTAN, one module per language) the table cells use. */
declare module 'hyphen' {
  export interface HyphenOptions {
    hyphenChar?: string;
    minWordLength?: number;
    exceptions?: string[];
  }
  export interface Hyphenator {
    hyphenateSync(text: string, options?: HyphenOptions): string;
  }
}
