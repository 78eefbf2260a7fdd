import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

/**
 * A full collection must not throw away the drawing code V8 has optimized for pdfkit's
 * document and the tagging pass (src/render/perf/keptShapes.ts). That code refers to the
 * documents' hidden classes; when `delete` turned each finished document into a
 * dictionary-mode object and nothing kept one alive, every full collection freed those
 * classes and threw away about 90 optimized functions, compiled again over the next renders.
 */
const DRAWING_FUNCTIONS = [
  // pdfkit's own, called on the document
  'save', 'restore', 'fillColor', 'strokeColor', 'moveTo', 'lineTo', 'bezierCurveTo', 'addContent', 'annotate',
  // the project's fast paths installed on the document
  'transform', 'rememberedPath', 'quickMarkContent', 'hexColorCore',
  // the tagging pass's marker and link tracker (not `replay`: it calls one render's closures,
  // and V8 may have inlined one that is gone)
  'write', 'emit', 'flushPath', 'close', 'beginTextNode', 'annotationOptions', 'closeOpenLink', 'noteHeadingDrawn', 'drawTextNode',
];

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
    const functionsIn = (trace: string, pattern: RegExp) =>
      new Set([...trace.matchAll(pattern)].map((match) => match[1]!).filter((name) => DRAWING_FUNCTIONS.includes(name)));

    // The check means something only if V8 had optimized these functions before the collection.
    const optimized = functionsIn(before!, /^\[completed optimizing 0x[0-9a-f]+ <JSFunction ([^ >]+)/gm);
    expect(optimized.size).toBeGreaterThanOrEqual(8);
    const thrownAway = functionsIn(during!.split('=== collection ends')[0]!, /^\[marking dependent code .*<SharedFunctionInfo ([^ >]+)>.*reason: weak objects\]$/gm);
    expect([...thrownAway]).toEqual([]);
  });
});
