import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/compile/model.ts';
import { loadTemplates, partialsUsedBy } from '../../src/compile/templates.ts';
import { tempProject } from '../fixtures/tempProject.ts';
import { BODY_START, compileBody, FRONT_MATTER } from './compileHelper.ts';

/** File line of body line n (body line 1 is the first line after the front matter). */
const bodyLine = (n: number) => BODY_START + n - 1;
const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.type === 'paragraph').map((b) => (b as { children: Inline[] }).children);

describe('Handlebars templating of leaflet bodies', () => {
  it('fills values, runs helpers and expands partials that write Markdown structure', async () => {
    const { leaflet, diagnostics } = await compileBody('# {{leaflet.title}}\n\n{{t "intro" charity=brand.charityName}}\n\n{{> support}}\n\nPublished {{formatDate leaflet.published}} ({{year leaflet.published}}).\n');
    expect(diagnostics).toEqual([]);
    const [heading, intro, supportHeading, list, published] = leaflet!.body.blocks;
    expect(heading).toMatchObject({ type: 'heading', depth: 1, children: [{ type: 'text', value: 'An example leaflet' }] });
    expect(intro).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'This leaflet comes from Example Charity.' }] });
    expect(supportHeading).toMatchObject({ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Getting support' }] });
    expect(list).toMatchObject({ type: 'list', ordered: false });
    expect((list as { items: unknown[] }).items).toHaveLength(2);
    expect(published).toMatchObject({ children: [{ type: 'text', value: 'Published 15 January 2026 (2026).' }] });
  });

  it('neutralises Markdown injected through front-matter values: literal text, no structure', async () => {
    const summary = '- item *em* __strong__ [click](https://evil.example) <b>x</b> https://evil.example www.evil.example a@evil.example `code` | pipe';
    const body = '{{leaflet.summary}}\n\n1. {{leaflet.audience}}\n';
    const frontMatter = FRONT_MATTER.replace('summary: A small leaflet used by the tests.', `summary: ${JSON.stringify(summary)}`).replace(
      'audience: People reading the tests',
      `audience: ${JSON.stringify('# Not a heading\n\n> not a quote')}`,
    );
    const { leaflet, diagnostics } = await compileBody('', { 'content/en-GB/example.md': frontMatter + body });
    expect(diagnostics).toEqual([]);
    const [first, second] = leaflet!.body.blocks;
    expect(first).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: summary }] });
    expect((first as { children: Inline[] }).children).toHaveLength(1);
    expect(second).toMatchObject({ type: 'list', ordered: true });
    const itemBlocks = (second as { items: Array<{ children: Block[] }> }).items[0]!.children;
    expect(paragraphs(itemBlocks)).toEqual([[{ type: 'text', value: '# Not a heading > not a quote' }]]);
  });

  it('escapes translated strings too', async () => {
    const { leaflet } = await compileBody('{{t "intro" charity="**Evil** [x](y)"}}\n');
    expect(leaflet!.body.blocks[0]).toMatchObject({ children: [{ type: 'text', value: 'This leaflet comes from **Evil** [x](y).' }] });
  });

  it('reports an unknown partial at its file line', async () => {
    const { leaflet, diagnostics } = await compileBody('# Title\n\n{{> nope}}\n');
    expect(leaflet).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'content/en-GB/example.md', line: bodyLine(3), rule: 'unknown-partial', severity: 'error' })]);
    expect(diagnostics[0]?.message).toBe('Unknown partial "nope"');
  });

  it('reports an unknown helper at its file line and column', async () => {
    const { diagnostics } = await compileBody('Text\n\nMore {{shout "hello"}}\n');
    expect(diagnostics).toEqual([expect.objectContaining({ line: bodyLine(3), column: 6, rule: 'unknown-helper', message: 'Unknown helper "shout"' })]);
  });

  it('reports an unknown variable (strict mode) at its file line', async () => {
    const { diagnostics } = await compileBody('# {{leaflet.title}}\n\n\nBy {{leaflet.author}}\n');
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'content/en-GB/example.md', line: bodyLine(4), rule: 'unknown-variable', message: 'Unknown variable "author"' })]);
  });

  it('reports an unknown translation key at its line', async () => {
    const { diagnostics } = await compileBody('Line one\n{{t "blocks:nothing.here"}}\n');
    expect(diagnostics).toEqual([expect.objectContaining({ line: bodyLine(2), rule: 'unknown-key' })]);
  });

  it('passes hash arguments to i18next, so plural keys work with count', async () => {
    const { leaflet } = await compileBody('{{t "pages" count=3}}\n');
    expect(leaflet!.body.blocks[0]).toMatchObject({ children: [{ type: 'text', value: '3 pages' }] });
    const { diagnostics } = await compileBody('{{t "pages"}}\n');
    expect(diagnostics[0]?.message).toBe('Translation key "pages" has plural forms and needs count=…');
  });

  it('names the partial file and its line for an error inside a partial', async () => {
    const { diagnostics } = await compileBody('# Title\n\n{{> broken}}\n', {
      'templates/partials/broken.hbs': '## Heading\n\nCall {{brand.contact.phone}}\n',
    });
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'templates/partials/broken.hbs', line: 3, rule: 'unknown-variable' })]);
  });

  it('forbids triple-stash output', async () => {
    const { diagnostics } = await compileBody('Hello\n{{{leaflet.title}}}\n');
    expect(diagnostics).toEqual([expect.objectContaining({ line: bodyLine(2), rule: 'unescaped-value', severity: 'error' })]);
  });

  it('reports template syntax errors with the line', async () => {
    const { diagnostics } = await compileBody('Hello\n\nThere {{leaflet.title}\n');
    expect(diagnostics).toEqual([expect.objectContaining({ line: bodyLine(3), rule: 'template-syntax' })]);
  });

  it('keeps Markdown lines tied to file lines after partials and block helpers', async () => {
    const body = '# Title\n\n{{> support}}\n\n{{#if leaflet.keywords}}\nHidden\n{{/if}}\n{{!-- a comment --}}\n![Missing](/images/nothing.png)\n';
    const { diagnostics } = await compileBody(body);
    expect(diagnostics).toEqual([expect.objectContaining({ line: bodyLine(9), rule: 'missing-image' })]);
  });
});

describe('partialsUsedBy', () => {
  it('lists partials used directly and through other partials', () => {
    const root = tempProject({
      'templates/partials/outer.hbs': '## Outer\n\n{{> inner}}\n',
      'templates/partials/inner.hbs': 'Inner text\n',
    });
    const templates = loadTemplates(root);
    expect(templates.diagnostics).toEqual([]);
    expect(partialsUsedBy('{{> outer}}\n{{> support}}\n', templates)).toEqual(['inner', 'outer', 'support']);
    expect(partialsUsedBy('No partials here', templates)).toEqual([]);
  });
});
