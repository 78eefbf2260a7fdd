import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/**
 * The text layout memo sits where @react-pdf/layout builds its textkit engine. If layout stops
 * importing textkit's default export or builds the engine some other way, the memo would be
 * silently skipped (same bytes, no speed): fail here instead.
 */
describe('textkit and stylesheet seams', () => {
  it('@react-pdf/layout still builds its engine from textkit\'s default export, once, and lays text out through it', () => {
    const layout = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/layout/lib/index.js'), 'utf8');
    expect(layout).toMatch(/^import layoutEngine, \{[^}]*\} from '@react-pdf\/textkit';$/m);
    expect(layout.match(/layoutEngine\(/g)).toHaveLength(2);
    expect(layout).toContain('const lines = engine(attributedString, container, options);');
    expect(layout).toMatch(/^import resolveStyle, \{[^}]*\} from '@react-pdf\/stylesheet';$/m);
    expect(layout).toContain('const style = resolveStyle(container, baseStyle);');
  });

  it.each([
    ['@react-pdf/textkit', () => import('@react-pdf/textkit'), () => import('../../src/render/perf/textkitShim.mjs')],
    ['@react-pdf/stylesheet', () => import('@react-pdf/stylesheet'), () => import('../../src/render/perf/stylesheetShim.mjs')],
  ])('the %s shim re-exports all of the package', async (_name, loadUpstream, loadShim) => {
    const upstream = (await loadUpstream()) as Record<string, unknown>;
    const shim = (await loadShim()) as Record<string, unknown>;
    expect(Object.keys(shim).sort()).toEqual(Object.keys(upstream).sort());
    for (const name of Object.keys(upstream).filter((key) => key !== 'default')) expect(shim[name]).toBe(upstream[name]);
  });
});
