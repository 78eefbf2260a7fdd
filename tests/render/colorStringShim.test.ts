import { readFileSync } from 'node:fs';
import path from 'node:path';
import colorString from 'color-string';
import { describe, expect, it } from 'vitest';
import { expectShimLoadedBy } from '../support/shimLoading.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { shippedLeaflets } from '../support/shippedLeaflets.ts';

// The shim is imported only after the first test, which checks that render's import loaded it.
const loadShim = async () => (await import('../../src/render/perf/colorStringShim.mjs')).default;

const COLOURS = ['#5b2a86', '#FFF', '#ffffff80', '#abcd', 'black', 'rebeccapurple', 'rgb(10, 20, 30)', 'rgba(10,20,30,0.5)', 'rgb(10% 20% 30%)', 'hsl(120, 50%, 25%)', 'hwb(60, 10%, 20%)', 'transparent', 'not a colour', '', '#12345'];

describe('color-string, remembered', () => {
  it('is what @react-pdf/render loads', () => expectShimLoadedBy('leaflets.colorStringShim', () => import('@react-pdf/render')));

  it('parses and prints every colour as color-string does, the first time and when remembered', async () => {
    const shim = await loadShim();
    const { brand } = await shippedLeaflets();
    const colours = [...COLOURS, ...Object.values(brand.colours as Record<string, string>)];
    expect(colours.length).toBeGreaterThan(COLOURS.length);
    for (let round = 0; round < 2; round += 1) {
      for (const colour of colours) {
        expect(shim.get(colour), colour).toEqual(colorString.get(colour));
        const parsed = colorString.get(colour);
        if (!parsed) continue;
        const [r = 0, g = 0, b = 0, a] = parsed.value;
        expect(shim.to.hex(r, g, b, a), colour).toBe(colorString.to.hex(r, g, b, a));
      }
    }
    expect(shim.get.rgb('#010203')).toEqual(colorString.get.rgb('#010203'));
    expect(shim.to.rgb(1, 2, 3)).toBe(colorString.to.rgb(1, 2, 3));
  });

  it('relies on react-pdf reading what it parses, never changing it', () => {
    // A remembered result is shared by every call: react-pdf 4.7's parseColor only reads it.
    const render = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/render/lib/index.js'), 'utf8');
    expect(render).toContain("import colorString from 'color-string';");
    const uses = render.match(/colorString\.[\w.]+/g) ?? [];
    expect(new Set(uses)).toEqual(new Set(['colorString.get', 'colorString.to.hex']));
    const parseColor = render.slice(render.indexOf('const parseColor = (hex) => {'), render.indexOf('const DEST_REGEXP'));
    expect(parseColor).toContain('const parsed = colorString.get(hex);');
    expect(parseColor).not.toMatch(/parsed\.(value|model)(\[\d\])?\s*=[^=]/);
  });
});
