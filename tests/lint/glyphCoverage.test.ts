import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.ts';
import { loadBrand } from '../../src/load/brand.ts';
import { codePointLabel, glyphCoverageFor, missingGlyphDiagnostics } from '../../src/lint/glyphCoverage.ts';
import { basicProject, tempProject } from '../fixtures/tempProject.ts';

const TIFINAGH_YA = 'ⴰ'; // U+2D30: in neither Atkinson Hyperlegible Next nor Noto Sans
const B_WITH_STROKE = 'ƀ'; // U+0180: Noto Sans has it, Atkinson Hyperlegible Next does not

// The fixture's brand and leaflet, made lint-clean (a darker link colour, no level 1 heading in the body),
// so that a build fails only for the reason a test gives it.
const brandYaml = readFileSync(path.join(basicProject, 'templates/brand.yaml'), 'utf8').replace("accent: '#f2a900'", "accent: '#1d4f91'");
const withNotoFallback = brandYaml.replace(
  /^(fonts:\n  body:\n(?: {4}.*\n)+)/m,
  `$1  fallbacks:
    - name: Noto Sans
      face:
        regular: npm:@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf
        bold: npm:@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf
`,
);

const exampleLeaflet = readFileSync(path.join(basicProject, 'content/en-GB/example.md'), 'utf8').replace('# {{leaflet.title}}', '## {{leaflet.title}}');
/** The fixture leaflet with one line of the body replaced; returns the file and that line's number. */
function leafletWith(line: string): { text: string; line: number } {
  const lines = exampleLeaflet.split('\n');
  const index = lines.indexOf('- Second item');
  lines[index] = line;
  return { text: lines.join('\n'), line: index + 1 };
}

const build = (root: string, locales = ['en-GB']) =>
  buildProject({ root, outDir: path.join(root, 'output'), strict: false, editions: ['a5'], locales, leaflets: ['example'] });

describe('glyph coverage', () => {
  it('knows which characters the brand fonts have, fallbacks included', async () => {
    const plain = glyphCoverageFor((await loadBrand(basicProject)).brand!);
    expect(plain.covers('ŵ'.codePointAt(0)!)).toBe(true);
    expect(plain.covers('ŷ'.codePointAt(0)!)).toBe(true);
    expect(plain.covers(B_WITH_STROKE.codePointAt(0)!)).toBe(false);
    const withFallback = glyphCoverageFor((await loadBrand(tempProject({ 'templates/brand.yaml': withNotoFallback }))).brand!);
    expect(withFallback.familyNames).toEqual(['Atkinson Hyperlegible Next', 'Noto Sans']);
    expect(withFallback.covers(B_WITH_STROKE.codePointAt(0)!)).toBe(true);
    expect(withFallback.covers(TIFINAGH_YA.codePointAt(0)!)).toBe(false);
    expect(codePointLabel(TIFINAGH_YA)).toBe('U+2D30');
  });

  it('reports each missing character once per line with its column', async () => {
    const coverage = glyphCoverageFor((await loadBrand(basicProject)).brand!);
    const problems = missingGlyphDiagnostics([{ text: `a${TIFINAGH_YA}b${TIFINAGH_YA}`, file: 'x.md', line: 3, lineText: `- a${TIFINAGH_YA}b${TIFINAGH_YA}` }], coverage);
    expect(problems).toEqual([expect.objectContaining({ file: 'x.md', line: 3, column: 4, rule: 'missing-glyph', severity: 'error', message: 'No font has U+2D30 "ⴰ"' })]);
  });

  it('fails the build of a leaflet with a character no font has, naming U+XXXX, the character, file, line and column', async () => {
    const edited = leafletWith(`- Second ${TIFINAGH_YA} item`);
    const control = await build(tempProject({ 'content/en-GB/example.md': leafletWith('- Second item').text, 'templates/brand.yaml': brandYaml }));
    expect(control.outputs.map((o) => o.status)).toEqual(['written']);
    const root = tempProject({ 'content/en-GB/example.md': edited.text, 'templates/brand.yaml': brandYaml });
    const report = await build(root);
    const missing = report.diagnostics.filter((d) => d.rule === 'missing-glyph');
    expect(missing).toEqual([
      expect.objectContaining({ file: 'content/en-GB/example.md', line: edited.line, column: 10, severity: 'error', message: 'No font has U+2D30 "ⴰ"' }),
    ]);
    expect(missing[0]!.note).toContain('fonts.fallbacks in templates/brand.yaml');
    expect(report.ok).toBe(false);
    expect(report.outputs.map((o) => o.status)).toEqual(['failed']);
  }, 60_000);

  it('reports a missing character in a locale string at its key, and stops that locale', async () => {
    const common = JSON.parse(readFileSync(path.join(basicProject, 'locales/cy/common.json'), 'utf8'));
    // Every Welsh plural form, so the translation checks pass and only the glyph stops the locale.
    Object.assign(common, { pages_zero: '{{count}} tudalen', pages_two: '{{count}} dudalen', pages_few: '{{count}} tudalen', pages_many: '{{count}} tudalen' });
    const complete = JSON.stringify(common, null, 2);
    common.intro = `Daw'r daflen hon gan {{charity}} ${TIFINAGH_YA}.`;
    const cyLeaflet = readFileSync(path.join(basicProject, 'content/cy/example.md'), 'utf8').replace('# {{leaflet.title}}', '## {{leaflet.title}}');
    const files = { 'templates/brand.yaml': brandYaml, 'content/en-GB/example.md': exampleLeaflet, 'content/cy/example.md': cyLeaflet, 'locales/cy/common.json': complete };
    const control = await build(tempProject(files), ['cy']);
    expect(control.outputs.map((o) => o.status)).toEqual(['written']);
    const root = tempProject({ ...files, 'locales/cy/common.json': JSON.stringify(common, null, 2) });
    const report = await build(root, ['cy']);
    const missing = report.diagnostics.filter((d) => d.rule === 'missing-glyph');
    expect(missing).toEqual([expect.objectContaining({ file: 'locales/cy/common.json', line: 2, message: 'No font has U+2D30 "ⴰ"' })]);
    expect(report.outputs.every((o) => o.status === 'failed')).toBe(true);
  }, 60_000);

  it('draws a character the body font lacks from the brand fallback font', async () => {
    const edited = leafletWith(`- Second ${B_WITH_STROKE} item`);
    const without = await build(tempProject({ 'content/en-GB/example.md': edited.text, 'templates/brand.yaml': brandYaml }));
    expect(without.diagnostics.filter((d) => d.rule === 'missing-glyph').map((d) => d.message)).toEqual(['No font has U+0180 "ƀ"']);

    const root = tempProject({ 'content/en-GB/example.md': edited.text, 'templates/brand.yaml': withNotoFallback });
    const report = await build(root);
    expect(report.diagnostics.filter((d) => d.rule === 'missing-glyph')).toEqual([]);
    expect(report.outputs.map((o) => o.status)).toEqual(['written']);
    const pdf = readFileSync(path.join(root, report.outputs[0]!.file)).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+AtkinsonHyperlegibleNext-Regular/);
  }, 60_000);
});
