import { describe, expect, it } from 'vitest';
import { markdownToLeafletBody } from '../../src/compile/markdown.ts';
import { markdownShapeProblems } from '../../src/compile/markdownShape.ts';
import { DEFAULT_LIMITS } from '../../src/load/limits.ts';
import { pageLimitDiagnostic } from '../../src/render/pageLimit.ts';

const compile = (markdown: string) =>
  markdownToLeafletBody({ markdown, file: 'content/en-GB/x.md', absPath: '/project/content/en-GB/x.md', root: '/project', lineMap: markdown.split('\n').map((_, index) => index + 10) });

const rules = (markdown: string) => compile(markdown).diagnostics.map((d) => [d.rule, d.line]);

describe('what the page cannot hold is refused before layout', () => {
  it('lists nested deeper than limits.listDepth, at the list that goes too deep', () => {
    const list = Array.from({ length: 8 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');
    expect(rules(list)).toEqual([['nesting-limit', 16]]);
    expect(rules(Array.from({ length: 6 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n'))).toEqual([]);
  });

  it('tables wider than limits.tableColumns, and words longer than limits.wordLength', () => {
    expect(rules(`|${' a |'.repeat(7)}\n|${' - |'.repeat(7)}\n|${' b |'.repeat(7)}`)).toEqual([['table-limit', 10]]);
    expect(rules(`Some text and ${'x'.repeat(61)}.`)).toEqual([['word-limit', 10]]);
    expect(rules(`Some text and ${'x'.repeat(59)}.`)).toEqual([]);
  });

  it('counts a word in characters, not UTF-16 units: letters outside the Basic Multilingual Plane count once', () => {
    // 𝐱 (U+1D431) is two UTF-16 units: 40 of them are 80 units but 40 characters, under the limit of 60.
    expect(rules(`Some text and ${'𝐱'.repeat(40)}.`)).toEqual([]);
    const [problem] = compile(`Some ${'𝐱'.repeat(40)} and ${'𝐱'.repeat(62)} text.`).diagnostics;
    expect(problem).toMatchObject({ rule: 'word-limit', message: expect.stringContaining(`A word of 62 characters ("${'𝐱'.repeat(24)}…")`) });
  });

  it('text that needs more pages than limits.pages, but not a large legal leaflet of 300 paragraphs', () => {
    const paragraph = 'Paragraph that says a little about living well with alopecia, in plain words, for the reader.';
    expect(rules(Array(300).fill(paragraph).join('\n\n'))).toEqual([]);
    expect(rules(Array(3000).fill(paragraph).join('\n\n'))).toEqual([['page-limit', undefined]]);
  });

  it('checks each rendered edition against the page limit (a booklet sheet side holds two pages)', () => {
    expect(pageLimitDiagnostic({ file: 'content/en-GB/x.md', edition: 'a5', pageCount: 64, limit: 64 })).toBeUndefined();
    expect(pageLimitDiagnostic({ file: 'content/en-GB/x.md', edition: 'a4', pageCount: 65, limit: 64 })).toMatchObject({ file: 'content/en-GB/x.md', rule: 'page-limit' });
    expect(pageLimitDiagnostic({ file: 'content/en-GB/x.md', edition: 'booklet', pageCount: 33, limit: 64 })?.message).toContain('66 pages');
  });
});

describe('Markdown shapes the parser cannot take are refused before parsing', () => {
  it('counts block quote, list and indentation depth, bracket depth and marks, without recursion', () => {
    expect(markdownShapeProblems(`${'> '.repeat(20)}x`, DEFAULT_LIMITS).map((p) => p.rule)).toEqual(['nesting-limit']);
    expect(markdownShapeProblems(`${'['.repeat(20)}x`, DEFAULT_LIMITS).map((p) => [p.rule, p.column])).toEqual([['nesting-limit', 20]]);
    expect(markdownShapeProblems('**bold** '.repeat(2600), DEFAULT_LIMITS).map((p) => p.rule)).toEqual(['markup-limit']);
    expect(markdownShapeProblems('* * * * * * * * * * * * * * * * * * * *\n\n\\[\\[\\[ x', DEFAULT_LIMITS)).toEqual([]);
    expect(markdownShapeProblems(`${'- '.repeat(500_000)}x\n${'['.repeat(500_000)}`, DEFAULT_LIMITS).map((p) => p.rule)).toEqual(['nesting-limit', 'nesting-limit', 'markup-limit']);
  });
});
