import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** What usually causes each YAML error a translator meets, keyed by the `yaml` package's error code. */
const HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY:
    'A value with ": " in it needs quotes: write title: "JAK inhibitors: what they are" (or check the indentation of this line).',
  TAB_AS_INDENT: 'Indent with spaces, not tabs: replace the tab at the start of this line with spaces, as on the lines around it.',
  MULTILINE_IMPLICIT_KEY: 'Each field is "name: value" on one line; a value that goes on must be in quotes or indented under the name.',
  MISSING_CHAR: 'Each field is "name: value"; a value with ": " or "#" in it needs quotes.',
  BAD_INDENT: 'Indent with spaces to the same depth as the lines around it.',
  BAD_DQ_ESCAPE: 'Inside "double quotes" a backslash starts an escape; write \\\\ for a backslash, or use single quotes.',
  MISSING_CLOSING_QUOTE: 'A quote is opened but not closed: end the value with the same quote mark it starts with.',
};

/** The hint for a `yaml` error code, if it is a common mistake. */
export const yamlErrorHint = (code: string): string | undefined => HINTS[code];

const MARKDOWN_HEADING = /^#{1,6}\s+\S/;

/**
 * When a leaflet's closing `---` is missing, the front matter runs on into the Markdown (up to
 * a later `---` rule). A Markdown heading inside the YAML shows it: its file line, or undefined.
 */
export function frontMatterRunsIntoBody(yaml: string, lineOffset: number): number | undefined {
  const index = yaml.split('\n').findIndex((line) => MARKDOWN_HEADING.test(line));
  return index === -1 ? undefined : index + 1 + lineOffset;
}

/** Adds the missing-`---` hint to front-matter diagnostics when the YAML holds Markdown. */
export function withMissingCloseHint(diagnostics: Diagnostic[], yaml: string, lineOffset: number): Diagnostic[] {
  const line = frontMatterRunsIntoBody(yaml, lineOffset);
  if (line === undefined || diagnostics.length === 0) return diagnostics;
  const note = `Is the closing --- missing? Line ${line} looks like Markdown, so the front matter seems to run into the text: put a --- line where the front matter ends.`;
  return diagnostics.map((d) => ({ ...d, note: d.note ? `${d.note} ${note}` : note }));
}
