import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLeafletSources, parseLeafletSource } from '../../src/load/content.ts';
import { basicProject } from '../fixtures/tempProject.ts';

const place = { id: 'example', locale: 'en-GB', file: 'content/en-GB/example.md', absPath: '/x/example.md' };
const good = readFileSync(join(basicProject, 'content/en-GB/example.md'), 'utf8');
/** Line numbers in the fixture: 1 `---`, 2 id, 3 title, ... 6 published, 7 reviewDue, 12 closing `---`. */
const parse = (text: string) => parseLeafletSource(text, place);

describe('loadLeafletSources', () => {
  it('finds every content/<locale>/<id>.md with front matter and body position', async () => {
    const { sources, diagnostics } = await loadLeafletSources(basicProject);
    expect(diagnostics).toEqual([]);
    expect(sources.map((s) => s.file)).toEqual(['content/cy/example.md', 'content/en-GB/example.md']);
    const en = sources[1]!;
    expect(en.frontMatter?.version).toBe('1.2');
    expect(en.frontMatter?.published).toBe('2026-01-15');
    expect(en.bodyStartLine).toBe(13);
    expect(en.body.split('\n')[0]).toBe('# {{leaflet.title}}');
    expect(en.raw.split('\n')[en.bodyStartLine - 1]).toBe('# {{leaflet.title}}');
    expect(sources[0]?.frontMatter?.translation?.status).toBe('reviewed');
  });
});

describe('parseLeafletSource', () => {
  it('reports broken YAML at its real file line', () => {
    const { source, diagnostics } = parse(good.replace('audience: People reading the tests', 'audience: [People reading'));
    expect(source.frontMatter).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ file: 'content/en-GB/example.md', rule: 'yaml-syntax', severity: 'error' });
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(8);
    expect(diagnostics[0]?.line).toBeLessThanOrEqual(9);
  });

  it('reports a missing field at the mapping that should hold it', () => {
    const { diagnostics } = parse(good.replace('summary: A small leaflet used by the tests.\n', ''));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 2, rule: 'front-matter', message: 'Missing required field "summary"' });
  });

  it('reports a bad date at its line', () => {
    const { diagnostics } = parse(good.replace('published: 2026-01-15', 'published: 15/01/2026'));
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[6, 'Field "published": Use a date written as YYYY-MM-DD']]);
  });

  it('reports a nested bad value (a source URL) at its line', () => {
    const { diagnostics } = parse(good.replace('url: https://example.org/source', 'url: not a url'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.line).toBe(11);
    expect(diagnostics[0]?.message).toContain('sources[0].url');
  });

  it('reports an unknown field at its key', () => {
    const { diagnostics } = parse(good.replace('audience:', 'colour: red\naudience:'));
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[8, 'Unknown field "colour"']]);
  });

  it('reports an id that does not match the file name, at the id line', () => {
    const { source, diagnostics } = parse(good.replace('id: example', 'id: other-leaflet'));
    expect(source.frontMatter).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'content/en-GB/example.md', line: 2, rule: 'id-mismatch', severity: 'error' }),
    ]);
  });

  it('reports review dates in the wrong order at reviewDue', () => {
    const { diagnostics } = parse(good.replace('reviewDue: 2027-01-15', 'reviewDue: 2025-01-15'));
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[7, 'Field "reviewDue": reviewDue must be after published']]);
  });

  it('reports front matter that is never closed', () => {
    const { source, diagnostics } = parse('---\nid: example\ntitle: x\n');
    expect(source.frontMatter).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ line: 1, rule: 'front-matter', message: 'Front matter is not closed: end it with a --- line' })]);
  });

  it('reports a file without front matter', () => {
    const { source, diagnostics } = parse('# Just a heading\n');
    expect(source.bodyStartLine).toBe(1);
    expect(diagnostics[0]).toMatchObject({ line: 1, rule: 'front-matter' });
  });
});
