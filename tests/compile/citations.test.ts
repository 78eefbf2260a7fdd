import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/compile/model.ts';
import { promoteStrict } from '../../src/build/selection.ts';
import { pseudoLocalize } from '../../src/i18n/pseudoLocale.ts';
import { compileBody } from './compileHelper.ts';

/** Two keyed sources; the body starts on file line 17. */
const frontMatter = (extra = '', title = 'An example leaflet') => `---
id: example
title: ${title}
summary: A small leaflet used by the tests.
version: '1.2'
published: 2026-01-15
reviewDue: 2027-01-15
audience: People reading the tests
${extra}sources:
  - key: nice-ta958
    title: NICE TA958
    url: https://www.nice.org.uk/guidance/ta958
  - key: mhra-safety
    title: MHRA Drug Safety Update
    url: https://www.gov.uk/drug-safety-update/jak
---
`;
const BODY_START = 17;
const CLINICAL = 'clinical: true\n';
/** First body line of a clinical leaflet (one more front-matter line). */
const CLINICAL_START = BODY_START + 1;

const compile = (body: string, extra = '', title?: string) => compileBody(body, {}, 'en-GB', frontMatter(extra, title));

function citationsIn(blocks: Block[]): Array<Extract<Inline, { type: 'citation' }>> {
  const found: Array<Extract<Inline, { type: 'citation' }>> = [];
  const inlines = (list: Inline[]) => {
    for (const inline of list) {
      if (inline.type === 'citation') found.push(inline);
      if ('children' in inline) inlines(inline.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') inlines(block.children);
    if (block.type === 'list') for (const item of block.items) found.push(...citationsIn(item.children));
    if (block.type === 'callout') found.push(...citationsIn(block.children));
    if (block.type === 'table') for (const cell of [...block.header, ...block.rows.flat()]) inlines(cell.children);
  }
  return found;
}

describe('citations', () => {
  it('turns [@key] and [@a; @b] into citations numbered as the source list, and counts them', async () => {
    const { leaflet, diagnostics } = await compile('NICE says so [@nice-ta958].\n\nBoth agree. [@mhra-safety; @nice-ta958]\n');
    expect(diagnostics).toEqual([]);
    const [first, second] = leaflet!.body.blocks as Array<Extract<Block, { type: 'paragraph' }>>;
    expect(first!.children).toEqual([
      { type: 'text', value: 'NICE says so ' },
      { type: 'citation', sources: [{ key: 'nice-ta958', number: 1, targetId: 'source-1' }], position: { line: BODY_START, column: 14 } },
      { type: 'text', value: '.' },
    ]);
    expect(second!.children.at(-1)).toMatchObject({
      type: 'citation',
      sources: [
        { key: 'mhra-safety', number: 2, targetId: 'source-2' },
        { key: 'nice-ta958', number: 1, targetId: 'source-1' },
      ],
    });
    expect(leaflet!.sources.map((s) => [s.number, s.key, s.targetId, s.citations])).toEqual([
      [1, 'nice-ta958', 'source-1', 2],
      [2, 'mhra-safety', 'source-2', 1],
    ]);
  });

  it('finds citations in list items, callouts and table cells, at their own line and column', async () => {
    const body = '- one\n- two, on a\n  second line [@mhra-safety]\n\n> Boxed [@nice-ta958]\n\n| A | B |\n| - | - |\n| x | y [@nice-ta958] |\n';
    const { leaflet, diagnostics } = await compile(body);
    expect(diagnostics).toEqual([]);
    expect(citationsIn(leaflet!.body.blocks).map((c) => [c.sources[0]!.key, c.position])).toEqual([
      ['mhra-safety', { line: BODY_START + 2, column: 15 }],
      ['nice-ta958', { line: BODY_START + 4, column: 9 }],
      ['nice-ta958', { line: BODY_START + 8, column: 9 }],
    ]);
  });

  it('an unknown key is an error at its file, line and column, naming the keys that exist', async () => {
    const { leaflet, diagnostics } = await compile('Intro.\n\nA claim [@nice-ta-958].\n');
    expect(leaflet).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'content/en-GB/example.md',
      line: BODY_START + 2,
      column: 9,
      severity: 'error',
      rule: 'unknown-source',
    });
    expect(diagnostics[0]!.message).toContain('nice-ta-958');
    expect(diagnostics[0]!.note).toContain('nice-ta958, mhra-safety');
  });

  it('a templated value that looks like a citation stays text, and so does an escaped one', async () => {
    const { leaflet, diagnostics } = await compile('{{leaflet.title}} and \\[@nice-ta958] stay text. [@nice-ta958]\n', '', '"Title [@mhra-safety]"');
    expect(diagnostics).toEqual([]);
    const paragraph = leaflet!.body.blocks[0] as Extract<Block, { type: 'paragraph' }>;
    expect(paragraph.children[0]).toEqual({ type: 'text', value: 'Title [@mhra-safety] and [@nice-ta958] stay text. ' });
    expect(citationsIn(leaflet!.body.blocks).map((c) => c.sources[0]!.key)).toEqual(['nice-ta958']);
    expect(leaflet!.sources.map((s) => s.citations)).toEqual([1, 0]);
  });

  it('inside inline code or a link address the written text is kept as it is', async () => {
    const { leaflet } = await compile('Write `[@nice-ta958]` like [this](https://example.org/[@mhra-safety]) [@nice-ta958]\n');
    const paragraph = leaflet!.body.blocks[0] as Extract<Block, { type: 'paragraph' }>;
    expect(paragraph.children[1]).toEqual({ type: 'code', value: '[@nice-ta958]' });
    expect(paragraph.children[3]).toMatchObject({ type: 'link', url: 'https://example.org/[@mhra-safety]' });
    // Columns after a citation are unchanged: the link after it starts where it was written.
    expect(paragraph.children[3]).toMatchObject({ position: { line: BODY_START, column: 28 } });
    expect(leaflet!.sources.map((s) => s.citations)).toEqual([1, 0]);
  });

  it('the pseudo-locale keeps citations as they are, and pads before a closing colon and citation', () => {
    const pseudo = pseudoLocalize('The common ones are: [@nice-ta958]');
    expect(pseudo).toMatch(/: \[@nice-ta958\]$/);
    expect(pseudo).not.toContain('common');
  });

  it('a citation inside link text is kept as its number, with a warning', async () => {
    const { leaflet, diagnostics } = await compile('See [the page [@nice-ta958]](https://example.org/page).\n');
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['citation-in-link', 'warning', BODY_START]]);
    const link = (leaflet!.body.blocks[0] as Extract<Block, { type: 'paragraph' }>).children[1];
    expect(link).toMatchObject({ type: 'link', children: [{ type: 'text', value: 'the page [1]' }] });
  });
});

describe('clinical sections', () => {
  const uncited = (diagnostics: Array<{ rule: string; line?: number; severity: string }>) =>
    diagnostics.filter((d) => d.rule === 'uncited-clinical-text').map((d) => [d.line, d.severity]);

  it('in a clinical leaflet, every paragraph, list and table without a citation warns at its line', async () => {
    const body = [
      '## Facts',
      '',
      'Cited. [@nice-ta958]',
      '',
      'Not cited.', // +4
      '',
      '- a list', // +6
      '- with no citation',
      '',
      '> A box with no citation.', // +9
      '',
      '| A | B |', // +11
      '| - | - |',
      '| x | y |',
      '',
    ].join('\n');
    const { leaflet, diagnostics } = await compile(body, CLINICAL);
    expect(leaflet).toBeDefined();
    expect(uncited(diagnostics)).toEqual([
      [CLINICAL_START + 4, 'warning'],
      [CLINICAL_START + 6, 'warning'],
      [CLINICAL_START + 9, 'warning'],
      [CLINICAL_START + 11, 'warning'],
    ]);
    expect(diagnostics.find((d) => d.rule === 'uncited-clinical-text')?.note).toContain('<!-- not clinical -->');
  });

  it('an introduction ending in a colon and its list are one piece: a citation in either covers both', async () => {
    const body = 'The common ones are: [@nice-ta958]\n\n- headache\n- rash\n\nThe rare ones are:\n\n- one [@mhra-safety]\n- two\n';
    const { diagnostics } = await compile(body, CLINICAL);
    expect(uncited(diagnostics)).toEqual([]);
  });

  it('<!-- not clinical --> exempts a section of a clinical leaflet; <!-- clinical --> marks one in any leaflet', async () => {
    const body = '## Questions\n\n<!-- not clinical -->\n\nWhat should I ask?\n\n## Facts\n\n<!-- clinical -->\n\nUncited fact.\n\n## Other\n\nUncited chat.\n';
    const clinicalLeaflet = await compile(body, CLINICAL);
    expect(uncited(clinicalLeaflet.diagnostics)).toEqual([
      [CLINICAL_START + 10, 'warning'],
      [CLINICAL_START + 14, 'warning'],
    ]);
    const plainLeaflet = await compile(body);
    expect(uncited(plainLeaflet.diagnostics)).toEqual([[BODY_START + 10, 'warning']]);
    // The markers are not raw HTML: no warning, nothing printed.
    expect(plainLeaflet.diagnostics.filter((d) => d.rule === 'raw-html')).toEqual([]);
    expect(plainLeaflet.leaflet!.body.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
  });

  it('--strict makes an uncited clinical paragraph an error', async () => {
    const { diagnostics } = await compile('Not cited.\n', CLINICAL);
    expect(uncited(promoteStrict(diagnostics, true))).toEqual([[CLINICAL_START, 'error']]);
    expect(uncited(promoteStrict(diagnostics, false))).toEqual([[CLINICAL_START, 'warning']]);
  });

  it('a partial marked clinical is checked where the leaflet calls it', async () => {
    const files = { 'templates/partials/warning-box.hbs': '## Warning\n\n<!-- clinical -->\n\n> Take care.\n' };
    const { diagnostics } = await compileBody('Intro.\n\n{{> warning-box}}\n', files, 'en-GB', frontMatter());
    expect(uncited(diagnostics)).toEqual([[BODY_START + 2, 'warning']]);
  });
});
