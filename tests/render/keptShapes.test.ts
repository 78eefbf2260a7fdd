import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/**
 * A full collection must not throw away the drawing code V8 has optimized for pdfkit's
 * document and the tagging pass (src/render/perf/keptShapes.ts). That code refers to the
 * documents' hidden classes; when `delete` turned each finished document into a
 * dictionary-mode object and nothing kept one alive, every full collection freed those
 * classes and threw away about 90 optimized functions, compiled again over the next renders.
 * React's reconciler likewise, when each laid-out tree was unmounted at once.
 */
const DRAWING_FUNCTIONS = [
  // pdfkit's own, called on the document (not `annotate`: it also handles the link's
  // structure objects, which still die with each document)
  'save', 'restore', 'fillColor', 'strokeColor', 'moveTo', 'lineTo', 'bezierCurveTo', 'addContent',
  // the project's fast paths installed on the document
  'transform', 'rememberedPath', 'quickMarkContent', 'hexColorCore',
  // the tagging pass's marker and link tracker (not `replay`: it calls one render's closures,
  // and V8 may have inlined one that is gone)
  'write', 'emit', 'flushPath', 'close', 'beginTextNode', 'annotationOptions', 'closeOpenLink', 'noteHeadingDrawn', 'drawTextNode',
];

/** Functions of the React reconciler react-pdf runs with this React (its builds are minified, so named by what the file defines). */
function reconcilerFunctions(): Set<string> {
  const require = createRequire(path.join(PROJECT_ROOT, 'package.json'));
  const [major, minor] = (require('react/package.json') as { version: string }).version.split('.').map(Number) as [number, number];
  const build = major >= 20 || (major === 19 && minor >= 2) ? 'reconciler-33.js' : major === 19 ? 'reconciler-31.js' : 'reconciler-23.js';
  const file = path.join(path.dirname(require.resolve('@react-pdf/reconciler')), build);
  return new Set([...readFileSync(file, 'utf8').matchAll(/function ([\w$]+)\(/g)].map((match) => match[1]!));
}

describe('optimized drawing code across a full collection', () => {
  it('is not thrown away with the last document', { timeout: 180_000 }, () => {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--trace-opt', '--trace-deopt', path.join(PROJECT_ROOT, 'bin/run-ts.js'), path.join(PROJECT_ROOT, 'tests/support/renderAcrossCollection.ts')],
      { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    expect(run.status, run.stderr).toBe(0);
    const [before, during] = run.stdout.split('=== collection starts\n');
    expect(during).toContain('=== collection ends');
    const named = (trace: string, pattern: RegExp) => new Set([...trace.matchAll(pattern)].map((match) => match[1]!));
    const optimized = named(before!, /^\[completed optimizing 0x[0-9a-f]+ <JSFunction ([^ >]+)/gm);
    const thrownAway = named(during!.split('=== collection ends')[0]!, /^\[marking dependent code .*<SharedFunctionInfo ([^ >]+)>.*reason: weak objects\]$/gm);
    const reconciler = reconcilerFunctions();

    // Each check means something only if V8 had optimized such functions before the collection.
    expect(DRAWING_FUNCTIONS.filter((name) => optimized.has(name)).length).toBeGreaterThanOrEqual(8);
    expect(DRAWING_FUNCTIONS.filter((name) => thrownAway.has(name))).toEqual([]);
    // The reconciler's code survives as long as one laid-out tree stays mounted (layoutTree.ts).
    expect([...optimized].filter((name) => reconciler.has(name)).length).toBeGreaterThanOrEqual(3);
    expect([...thrownAway].filter((name) => reconciler.has(name))).toEqual([]);
  });
});
