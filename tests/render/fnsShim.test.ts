import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fns from '@react-pdf/fns';
import { describe, expect, it } from 'vitest';
import { outcome } from '../support/outcome.ts';
import { expectShimLoadedBy } from '../support/shimLoading.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

// The shim is imported only after the first test, which checks that layout's import loaded it.
const loadShim = () => import('../../src/render/perf/fnsShim.mjs') as Promise<typeof fns>;

describe('@react-pdf/fns with quicker helpers', () => {
  it('is what @react-pdf/layout, textkit and stylesheet load', () => expectShimLoadedBy('leaflets.fnsShim', () => import('@react-pdf/layout')));

  it('re-exports all of the package, the quicker helpers in place of three', async () => {
    const shim = (await loadShim()) as Record<string, unknown>;
    const upstream = fns as Record<string, unknown>;
    expect(Object.keys(shim).sort()).toEqual(Object.keys(upstream).sort());
    const replaced = ['compose', 'matchPercent', 'upperFirst'];
    for (const name of Object.keys(upstream)) expect(shim[name] === upstream[name], name).toBe(!replaced.includes(name));
  });

  it('composes as upstream: right to left, extra arguments passed to every step', async () => {
    const { compose } = await loadShim();
    const steps = [(x: unknown[], ...rest: unknown[]) => [...x, 'f', rest], (x: unknown[], ...rest: unknown[]) => [...x, 'g', rest], (x: unknown, ...rest: unknown[]) => ['h', x, rest]];
    for (const args of [[], ['x'], ['x', 1, 2], [undefined], [undefined, undefined]]) {
      expect((compose as (...f: unknown[]) => (...a: unknown[]) => unknown)(...steps)(...args), JSON.stringify(args)).toEqual(
        (fns.compose as (...f: unknown[]) => (...a: unknown[]) => unknown)(...steps)(...args),
      );
    }
    expect((compose as () => (value: number) => number)()(7)).toBe((fns.compose as () => (value: number) => number)()(7));
    // Array.prototype.map hands each element's index and the array to every step.
    const addIndex = (value: number, index?: number) => value * 10 + (index ?? 0);
    expect([1, 2, 3].map(compose(addIndex, addIndex) as (value: number, index: number) => number)).toEqual([1, 2, 3].map(fns.compose(addIndex, addIndex) as (value: number, index: number) => number));
  });

  it('reads percentages and first letters as upstream', async () => {
    const { matchPercent, upperFirst } = await loadShim();
    const values: unknown[] = [0, -0, 1, -1, 50, 12.5, 1e21, 1e-7, NaN, Infinity, -Infinity, '50%', '-25%', '12.5%', ' 3% ', 'abc', '', '%', '50', 'auto', null, undefined, true, [50], ['5%'], { toString: () => '7%' }];
    for (const value of values) {
      expect(outcome(() => matchPercent(value as never)), String(value)).toEqual(outcome(() => fns.matchPercent(value as never)));
      expect(outcome(() => upperFirst(value as never)), String(value)).toEqual(outcome(() => fns.upperFirst(value as never)));
    }
    for (const word of ['margin', 'padding', 'minWidth', 'ärger', 'ﬁne', 'ß', '1st', 'margin']) expect(upperFirst(word)).toBe(fns.upperFirst(word));
  });

  it('stands in for @react-pdf/fns as installed: a change to the three helpers fails here', () => {
    const source = readFileSync(path.join(PROJECT_ROOT, 'node_modules/@react-pdf/fns/lib/index.js'), 'utf8');
    expect(source).toContain(['const compose = (...fns) => (value, ...args) => {', '    let result = value;', '    for (let i = fns.length - 1; i >= 0; i -= 1) {', '        result = fns[i](result, ...args);'].join('\n'));
    expect(source).toContain(['const matchPercent = (value) => {', '    const match = PERCENT_REGEX.exec(`${value}`);'].join('\n'));
    expect(source).toContain('const PERCENT_REGEX = /(-?\\d+\\.?\\d*)%/;');
    expect(source).toContain(['const upperFirst = (value) => {', '    if (!value)', '        return value;', '    return (value.charAt(0).toUpperCase() + value.slice(1));'].join('\n'));
  });
});
