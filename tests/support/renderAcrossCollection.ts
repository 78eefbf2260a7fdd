/**
 * Run as its own process (tests/render/keptShapes.test.ts) under `--expose-gc --trace-opt
 * --trace-deopt`: renders the sample leaflet's A5 edition until V8 has optimized the drawing
 * code, then forces a full collection between two markers, so the test can read what that
 * collection threw away.
 */
import { renderSample } from './renderSample.ts';

const RENDERS = Number(process.argv[2] ?? 40);
for (let index = 0; index < RENDERS; index += 1) await renderSample('a5');
process.stdout.write('=== collection starts\n');
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write('=== collection ends\n');
