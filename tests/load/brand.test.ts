import { describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/load/brand.ts';
import { basicProject, tempProject } from '../fixtures/tempProject.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const brandText = readFileSync(join(basicProject, 'templates/brand.yaml'), 'utf8');

describe('loadBrand', () => {
  it('loads the brand and resolves logo and npm font paths to existing files', async () => {
    const { brand, diagnostics } = await loadBrand(basicProject);
    expect(diagnostics).toEqual([]);
    expect(brand?.charityName).toBe('Example Charity');
    expect(brand?.resolved.logo).toBe(join(basicProject, 'templates/assets/logo.png'));
    expect(brand?.resolved.fonts.body.regular).toMatch(
      /node_modules\/@expo-google-fonts\/atkinson-hyperlegible-next\/400Regular\/AtkinsonHyperlegibleNext_400Regular\.ttf$/,
    );
    expect(brand?.contact.email).toBe('hello@example.org');
  });

  it('reports a bad colour at its line', async () => {
    const root = tempProject({ 'templates/brand.yaml': brandText.replace("primary: '#5b2a86'", "primary: purple") });
    const { brand, diagnostics } = await loadBrand(root);
    expect(brand).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'templates/brand.yaml', line: 10, rule: 'brand', severity: 'error' });
    expect(diagnostics[0]?.message).toContain('colours.primary');
  });

  it('reports a missing logo file and a missing npm font file at their lines', async () => {
    const root = tempProject({
      'templates/brand.yaml': brandText.replace('assets/logo.png', 'assets/nope.png').replace('700Bold/AtkinsonHyperlegibleNext_700Bold.ttf', '700Bold/Missing.ttf'),
    });
    const { brand, diagnostics } = await loadBrand(root);
    expect(brand).toBeUndefined();
    expect(diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([
      ['templates/brand.yaml', 3, 'missing-asset'],
      ['templates/brand.yaml', 19, 'missing-asset'],
    ]);
    expect(diagnostics[0]?.message).toContain('assets/nope.png');
  });

  it('reports broken YAML with its line', async () => {
    const root = tempProject({ 'templates/brand.yaml': brandText.replace('website: https://example.org', 'website: [https://example.org') });
    const { diagnostics } = await loadBrand(root);
    expect(diagnostics[0]).toMatchObject({ file: 'templates/brand.yaml', rule: 'yaml-syntax' });
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(5);
  });

  it('reports a missing field and an unknown field', async () => {
    const root = tempProject({
      'templates/brand.yaml': brandText.replace('charityName: Example Charity\n', 'charityNme: Example Charity\n'),
    });
    const { diagnostics } = await loadBrand(root);
    const messages = diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toContain('1: Missing required field "charityName"');
    expect(messages).toContain('1: Unknown field "charityNme"');
  });
});
