import { stripLineMarkers } from './lineMarkers.ts';

/** Every ASCII punctuation character: CommonMark allows a backslash before any of them. */
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Makes an interpolated value plain text in Markdown. Escaping every ASCII punctuation mark
 * means no value can start emphasis, a link, a list (`\-`, `1\.`), a heading, a table cell
 * or HTML, while the rendered text is unchanged. (GFM still spots bare URLs in the unescaped
 * text; markdownInline.ts turns those links back into text.) Line breaks become
 * spaces so a value cannot open a new block, and leading spaces go so it cannot start code.
 * Limitation: inside a code span the backslashes would show, so values do not belong there.
 */
export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  return stripLineMarkers(String(value))
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(/^ +/, '')
    .replace(ASCII_PUNCTUATION, (mark) => `\\${mark}`);
}
