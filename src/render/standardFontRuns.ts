import type { LayoutNode } from './tagging/taggedRender.ts';

interface LayoutRun {
  start: number;
  end: number;
  glyphs?: unknown[];
  attributes: { font?: Array<{ type?: string; fullName?: string }> };
}
interface LayoutLine {
  string: string;
  runs: LayoutRun[];
}

/**
 * react-pdf ends every font stack with Helvetica and hands it any character no font has a
 * glyph for, including the line feed of an explicit line break. Drawing that run would put a
 * standard-14 font, never embedded, into the PDF (PDF/UA forbids it) to show nothing.
 * Such runs are blanked here; a run with visible characters in Helvetica is a real missing
 * glyph, which the glyph-coverage check reports before rendering, so it is an error here.
 */
export function dropInvisibleStandardFontRuns(node: LayoutNode): LayoutNode {
  const lines = node.lines as LayoutLine[] | undefined;
  if (lines?.some((line) => line.runs.some(isStandardFontRun))) {
    // Lines may be shared with the text layout memo: changed lines are copies.
    const blanked = lines.map((line) => (line.runs.some(isStandardFontRun) ? { ...line, runs: line.runs.map((run) => withoutInvisibleGlyphs(line, run)) } : line));
    node.lines = blanked as unknown as LayoutNode['lines'];
  }
  for (const child of node.children ?? []) dropInvisibleStandardFontRuns(child);
  return node;
}

const isStandardFontRun = (run: LayoutRun): boolean => run.attributes.font?.[0]?.type === 'STANDARD';

function withoutInvisibleGlyphs(line: LayoutLine, run: LayoutRun): LayoutRun {
  if (!isStandardFontRun(run)) return run;
  const text = line.string.slice(run.start, run.end);
  if (text.trim() !== '') {
    const codes = [...text.trim()].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    throw new Error(`No embedded font has ${codes.join(', ')} ("${text.trim()}"); add a fallback font to the brand file`);
  }
  const { glyphs: _dropped, ...blank } = run;
  return blank;
}
