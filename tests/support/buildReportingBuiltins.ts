/**
 * Run as its own process by tests/site/coverThread.test.ts: builds a project (PDFs and cover
 * thumbnails) in this thread, then prints whether the built-ins react-pdf leans on are still
 * the engine's own, as JSON on stdout.
 */
import path from 'node:path';

// Taken before the pipeline loads (hence the dynamic import below). Compared by identity:
// core-js makes its replacements' source text look native.
const engines = { stringify: JSON.stringify, push: Array.prototype.push };
const { buildProject } = await import('../../src/build/buildProject.ts');

const root = process.argv[2]!;
// One thread: the PDFs render here, in the thread whose built-ins are checked.
const report = await buildProject({ root, outDir: path.join(root, 'output'), strict: false, editions: ['a5'], jobs: 1 });
console.log(
  JSON.stringify({
    ok: report.ok,
    written: report.outputs.filter((output) => output.status === 'written').length,
    nativeJsonStringify: JSON.stringify === engines.stringify,
    nativeArrayPush: Array.prototype.push === engines.push,
  }),
);
