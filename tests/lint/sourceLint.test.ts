import { describe, expect, it } from 'vitest';
import { lintSources } from '../../src/lint/sourceLint.ts';
import { loadLeafletSources } from '../../src/load/content.ts';
import { compileBody, FRONT_MATTER as SHARED_FRONT_MATTER } from '../compile/compileHelper.ts';

/** The shared fixture's front matter with other sources: the first source's `key` is on line 10. */
const FRONT_MATTER = SHARED_FRONT_MATTER.replace(/^sources:\n[\s\S]*?^---\n/m, `sources:
  - key: cited
    title: A cited page
    url: https://example.org/guidance/page
  - key: uncited
    title: A page nothing cites
    url: https://example.org/other
  - title: A source without a key
    url: https://example.org/third
  - key: home
    title: A home page
    url: https://www.example.org/
  - key: offline
    title: A printed report
---\n`);

describe('source list checks', () => {
  it('warns, at the source in the front matter, about sources nothing cites and about home-page addresses', async () => {
    const { root, leaflet, diagnostics } = await compileBody('Claim [@cited]. Another [@home] and [@offline].\n', {}, 'en-GB', FRONT_MATTER);
    expect(diagnostics).toEqual([]);
    const { sources } = await loadLeafletSources(root);
    const source = sources.find((s) => s.locale === 'en-GB' && s.id === 'example')!;
    const found = lintSources(source, leaflet!);
    expect(found.map((d) => [d.rule, d.severity, d.line])).toEqual([
      ['uncited-source', 'warning', 13],
      ['uncited-source', 'warning', 16],
      ['source-home-page', 'warning', 20],
    ]);
    expect(found[0]!.message).toBe('Source 2 ("A page nothing cites") is listed but nothing cites it');
    expect(found[1]!.message).toBe('Source 3 ("A source without a key") has no key, so nothing can cite it');
    expect(found[2]!.message).toContain('points to a home page, https://www.example.org/');
  });
});
