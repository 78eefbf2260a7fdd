import { describe, expect, it } from 'vitest';
import type { Block, ListBlock } from '../../src/compile/model.ts';
import { BODY_START, compileBody } from './compileHelper.ts';

const bodyLine = (n: number) => BODY_START + n - 1;

function allKeys(blocks: Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    if (block.type === 'list') return [block.key, ...block.items.flatMap((item) => [item.key, ...allKeys(item.children)])];
    if (block.type === 'callout') return [block.key, ...allKeys(block.children)];
    if (block.type === 'table') return [block.key, block.headerKey, ...block.header.map((c) => c.key), ...block.rowKeys, ...block.rows.flat().map((c) => c.key)];
    return [block.key];
  });
}

describe('Markdown to the leaflet model', () => {
  it('builds nested lists whose items hold blocks', async () => {
    const { leaflet, diagnostics } = await compileBody('- First\n  - Nested *one*\n  - Nested two\n- Second\n\n3. Three\n4. Four\n');
    expect(diagnostics).toEqual([]);
    const [bullets, numbers] = leaflet!.body.blocks as [ListBlock, ListBlock];
    expect(bullets.ordered).toBe(false);
    expect(bullets.items).toHaveLength(2);
    const [firstPara, nested] = bullets.items[0]!.children;
    expect(firstPara).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'First' }] });
    expect(nested).toMatchObject({ type: 'list', ordered: false });
    expect((nested as ListBlock).items[0]!.children[0]).toMatchObject({
      children: [{ type: 'text', value: 'Nested ' }, { type: 'emphasis', children: [{ type: 'text', value: 'one' }] }],
    });
    expect(numbers).toMatchObject({ ordered: true, start: 3 });
    expect(bullets.position).toEqual({ line: bodyLine(1), column: 1 });
  });

  it('builds GFM tables with alignment, header and rows', async () => {
    const { leaflet, diagnostics } = await compileBody('| Medicine | Dose |\n| :--- | ---: |\n| A **x** | 1 |\n| B | 2 |\n');
    expect(diagnostics).toEqual([]);
    const table = leaflet!.body.blocks[0]!;
    expect(table.type).toBe('table');
    if (table.type !== 'table') return;
    expect(table.align).toEqual(['left', 'right']);
    expect(table.header.map((c) => c.children)).toEqual([[{ type: 'text', value: 'Medicine' }], [{ type: 'text', value: 'Dose' }]]);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]![0]!.children).toEqual([{ type: 'text', value: 'A ' }, { type: 'strong', children: [{ type: 'text', value: 'x' }] }]);
    expect(table.rowKeys).toHaveLength(2);
  });

  it('gives every block, item and cell a unique key in document order, the same each time', async () => {
    const body = '# H\n\n- a\n- b\n\n> Quote\n\n| x | y |\n| - | - |\n| 1 | 2 |\n\n---\n';
    const first = await compileBody(body);
    const second = await compileBody(body);
    const keys = allKeys(first.leaflet!.body.blocks);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 4)).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(allKeys(second.leaflet!.body.blocks)).toEqual(keys);
  });

  it('turns block quotes into callouts, thematic breaks into rules, links into links', async () => {
    const { leaflet } = await compileBody('> **Note:** read [the leaflet](https://example.org/pil).\n\n---\n');
    const [callout, rule] = leaflet!.body.blocks;
    expect(callout).toMatchObject({ type: 'callout', children: [{ type: 'paragraph' }] });
    const paragraph = (callout as { children: Array<{ children: unknown[] }> }).children[0]!;
    expect(paragraph.children).toContainEqual(expect.objectContaining({ type: 'link', url: 'https://example.org/pil', children: [{ type: 'text', value: 'the leaflet' }] }));
    expect(rule).toMatchObject({ type: 'rule' });
  });

  it('makes an image alone in a paragraph an image block with an absolute path', async () => {
    const { root, leaflet, diagnostics } = await compileBody('![A simple diagram](../../images/diagram.png "Diagram")\n');
    expect(diagnostics).toEqual([]);
    expect(leaflet!.body.blocks[0]).toEqual({ type: 'image', key: 'b1', src: `${root}/images/diagram.png`, alt: 'A simple diagram', title: 'Diagram', position: { line: bodyLine(1), column: 1 } });
  });

  it('reports a missing image file, missing alt, a remote image and a path outside the project, each at its line', async () => {
    const body = 'Intro\n\n![Gone](/images/gone.png)\n\n![](/images/diagram.png)\n\n![Remote](https://example.org/x.png)\n\n![Escape](../../../outside.png)\n';
    const { leaflet, diagnostics } = await compileBody(body);
    expect(leaflet).toBeUndefined();
    expect(diagnostics.map((d) => [d.file, d.line, d.rule, d.severity])).toEqual([
      ['content/en-GB/example.md', bodyLine(3), 'missing-image', 'error'],
      ['content/en-GB/example.md', bodyLine(5), 'missing-alt', 'error'],
      ['content/en-GB/example.md', bodyLine(7), 'remote-image', 'error'],
      ['content/en-GB/example.md', bodyLine(9), 'image-outside-project', 'error'],
    ]);
  });

  it('keeps the text of raw HTML, with a warning', async () => {
    const { leaflet, diagnostics } = await compileBody('Intro\n\n<div class="box">Ask your <b>pharmacist</b></div>\n\nSee <span>this</span> too.\n');
    expect(diagnostics.map((d) => [d.line, d.rule, d.severity])).toEqual([
      [bodyLine(3), 'raw-html', 'warning'],
      [bodyLine(5), 'raw-html', 'warning'],
      [bodyLine(5), 'raw-html', 'warning'],
    ]);
    const [, html, inline] = leaflet!.body.blocks;
    expect(html).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'Ask your pharmacist' }] });
    expect(inline).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'See this too.' }] });
  });

  it('keeps unsupported Markdown as text with warnings: deep headings, footnotes, code blocks', async () => {
    const body = '#### Deep\n\nFact[^1]\n\n[^1]: The source.\n\n```\nline one\n```\n';
    const { leaflet, diagnostics } = await compileBody(body);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [bodyLine(1), 'heading-depth'],
      [bodyLine(3), 'unsupported-markdown'],
      [bodyLine(5), 'unsupported-markdown'],
      [bodyLine(7), 'unsupported-markdown'],
    ]);
    const blocks = leaflet!.body.blocks;
    expect(blocks[0]).toMatchObject({ type: 'heading', depth: 3 });
    expect(blocks[1]).toMatchObject({ children: [{ type: 'text', value: 'Fact[1]' }] });
    expect(blocks[2]).toMatchObject({ children: [{ type: 'text', value: 'The source.' }] });
    expect(blocks[3]).toMatchObject({ children: [{ type: 'code', value: 'line one' }] });
  });
});
