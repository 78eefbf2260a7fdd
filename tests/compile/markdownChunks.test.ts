import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearMarkdownMemo, markdownToLeafletBody, parseMarkdown, parseMarkdownWhole } from '../../src/compile/markdown.ts';
import { splitIntoPieces } from '../../src/compile/markdownChunks.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

const shippedBodies = (): Array<[string, string]> =>
  ['content/en-GB', 'content/cy'].flatMap((dir) =>
    readdirSync(path.join(PROJECT_ROOT, dir))
      .filter((name) => name.endsWith('.md'))
      .map((name): [string, string] => [`${dir}/${name}`, readFileSync(path.join(PROJECT_ROOT, dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')]),
  );

/** Partials write Markdown too (Handlebars expressions are plain text to the parser). */
const partials = (): Array<[string, string]> =>
  readdirSync(path.join(PROJECT_ROOT, 'templates/partials'))
    .filter((name) => name.endsWith('.hbs'))
    .map((name): [string, string] => [`templates/partials/${name}`, readFileSync(path.join(PROJECT_ROOT, 'templates/partials', name), 'utf8')]);

const TRICKY: Array<[string, string]> = [
  ['loose list, then a paragraph', '- one\n\n- two\n\n  more of two\n\nAfter the list.\n'],
  ['tight list then heading', '- a\n- b\n\n## Heading\n\nText *em* and **strong**.'],
  ['block quote across a blank line', '> quoted\n\n> another quote\n\nPlain.\n'],
  ['setext heading and table', 'Title\n=====\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNext paragraph.\n\n\n\nAfter blank lines'],
  ['ordered list starting at 3', '3. three\n4. four\n\nText\n'],
  ['fenced code with blank lines', '```\ncode\n\nstill code\n```\n\nText\n'],
  ['reference definitions', 'See [the site][s].\n\nMore text.\n\n[s]: https://example.org\n'],
  ['html comment across blank lines', '<!-- a\n\nb -->\n\nText\n'],
  ['closed html comments between sections', '## One\n\n<!-- clinical -->\n\nText one.\n\n<!-- a --> then text\nand more\n\nText two.\n  <!-- indented -->\nAfter\n\n<!--x-->\n\nEnd\n'],
  ['closed comment then an open one', '<!-- a -->\n\nText\n\n<!-- b\n\nc -->\n\nMore\n'],
  ['a comment closed by its own opening', '<!-->\n\nText\n\nMore -->\n'],
  ['comment inside a paragraph', 'Text\n<!-- note -->\nmore text\n\nNext\n'],
  ['autolinks and breaks', 'Visit https://example.org now.  \nNext line.\n\nwww.example.org and a@b.org\n'],
  ['indented continuation', '- item\n\n    code in item\n\nOut\n'],
  ['no trailing newline', 'One\n\nTwo'],
  ['leading blank lines', '\n\nOne\n\n#Not a heading\n\n# A heading\n'],
];

describe('Markdown parsed in pieces', () => {
  it.each([...shippedBodies(), ...partials(), ['all partials after a body', `${shippedBodies()[0]![1]}\n\n${partials().map(([, text]) => text).join('\n\n')}`] as [string, string], ...TRICKY])('%s: the same tree as one whole parse', (_name, markdown) => {
    clearMarkdownMemo();
    expect(parseMarkdown(markdown)).toEqual(parseMarkdownWhole(markdown));
  });

  it('after an edit to one paragraph, the same tree as a whole parse, with positions after the edit moved', () => {
    const [, body] = shippedBodies().find(([name]) => name.endsWith('en-GB/jak-inhibitors.md'))!;
    clearMarkdownMemo();
    parseMarkdown(body);
    const lines = body.split('\n');
    const index = lines.findIndex((line) => /^[A-Z][^|]{60,}$/.test(line));
    lines[index] = `${lines[index]} An added sentence.\nAnd an added line.`;
    const edited = lines.join('\n');
    expect(parseMarkdown(edited)).toEqual(parseMarkdownWhole(edited));
  });

  it('remembers the pieces of a whole parse: a second text sharing most of them is parsed in pieces, to the same tree', () => {
    const [, body] = shippedBodies().find(([name]) => name.endsWith('en-GB/risks-and-side-effects.md'))!;
    clearMarkdownMemo();
    // The first parse is a whole parse (every piece new), and its pieces are remembered from it.
    expect(parseMarkdown(body)).toEqual(parseMarkdownWhole(body));
    const edited = body.replace(/\n\n([A-Z][^\n]{40,})\n/, '\n\n$1 Changed.\n');
    expect(edited).not.toBe(body);
    expect(parseMarkdown(edited)).toEqual(parseMarkdownWhole(edited));
  });

  it('cuts leaflet bodies into many pieces, and texts with constructs that reach across blocks not at all', () => {
    const [, body] = shippedBodies().find(([name]) => name.endsWith('en-GB/jak-inhibitors.md'))!;
    expect(splitIntoPieces(body).length).toBeGreaterThan(10);
    expect(splitIntoPieces('```\na\n\nb\n```\n\nText')).toHaveLength(1);
    // Section markers and partials close their HTML comments on the line: still cut.
    expect(splitIntoPieces(`${body}\n\n<!-- not clinical -->\n\n${body}`).length).toBeGreaterThan(20);
    expect(splitIntoPieces('<!-- a\n\nb -->\n\nText')).toHaveLength(1);
    expect(splitIntoPieces('<!-->\n\nText')).toHaveLength(1);
  });

  it('converts a text parsed in pieces to the same leaflet body, positions and warnings as a whole parse, after an edit above them', () => {
    const [, body] = shippedBodies().find(([name]) => name.endsWith('en-GB/jak-inhibitors.md'))!;
    const warnings = '\n\n#### Too deep a heading\n\nText with <b>raw HTML</b> in it.\n\n- [ ] a task\n\nLast line.\n';
    // Line numbers of the file: the Markdown's line n is the file's line n + 20.
    const convert = (markdown: string) =>
      markdownToLeafletBody({ markdown, file: 'content/en-GB/x.md', absPath: '/project/content/en-GB/x.md', root: '/project', lineMap: markdown.split('\n').map((_, index) => index + 21) });
    const text = `${body}${warnings}`;
    const edited = text.replace(/\n\n([A-Z][^\n]{40,})\n/, '\n\n$1 Changed,\nover two lines now.\n');
    expect(edited).not.toBe(text);
    clearMarkdownMemo();
    const wholeResult = convert(edited);
    clearMarkdownMemo();
    convert(text);
    const inPieces = convert(edited);
    expect(inPieces.diagnostics.length).toBeGreaterThan(3);
    expect(inPieces).toEqual(wholeResult);
  });
});
