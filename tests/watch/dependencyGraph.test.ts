import { describe, expect, it } from 'vitest';
import { affectedOutputs, classifyInput } from '../../src/build/dependencyGraph.ts';
import { loadProject } from '../../src/build/project.ts';
import { REPO_ROOT } from './watchHelpers.ts';

const project = await loadProject(REPO_ROOT);
const pairs = (files: string[]) => affectedOutputs(project, files).map((p) => `${p.locale}/${p.leafletId}`);
const all = project.sources.map((s) => `${s.locale}/${s.id}`).sort();

describe('dependency graph', () => {
  it('maps a translation to itself, and a source leaflet to its translations too', () => {
    expect(pairs(['content/cy/support.md'])).toEqual(['cy/support']);
    expect(pairs(['content/en-GB/support.md'])).toEqual(['cy/support', 'en-GB/support']);
  });

  it('maps a locale file to that locale, and the source locale to every locale (it is the fallback)', () => {
    expect(pairs(['locales/cy/common.json'])).toEqual(all.filter((p) => p.startsWith('cy/')));
    expect(pairs(['locales/en-GB/blocks.json'])).toEqual(all);
  });

  it('maps a partial to the leaflets that use it', () => {
    expect(pairs(['templates/partials/read-the-pil.hbs'])).toEqual(['cy/risks-and-side-effects', 'en-GB/risks-and-side-effects']);
    expect(pairs(['templates/partials/talk-to-clinician.hbs'])).not.toContain('en-GB/support');
  });

  it('maps the brand, its assets and its fonts to everything', () => {
    expect(pairs(['templates/brand.yaml'])).toEqual(all);
    expect(pairs(['templates/assets/logo.png'])).toEqual(all);
    const font = 'node_modules/x/Regular.ttf';
    expect(affectedOutputs(project, [font], new Set([font])).length).toBe(all.length);
    expect(classifyInput('README.md')).toEqual({ kind: 'unrelated' });
  });

  it('maps a removed locale folder to its leaflets', () => {
    expect(pairs(['content/cy/'])).toEqual(all.filter((p) => p.startsWith('cy/')));
  });
});
