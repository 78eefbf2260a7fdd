#!/usr/bin/env node
// `npm ci` runs this (the `prepare` script): compiles src/ to dist/ once, so the command starts
// without transpiling TypeScript. Type checking is `npm run typecheck`'s job, not this one's.
// dist/.compiled.json records the state of src/ it was made from: bin/leaflets.js runs dist/
// only while src/ still matches, and the TypeScript sources otherwise.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceState } from '../src/build/sourceState.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const before = sourceState(path.join(root, 'src'));
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('leaflets: compiling src/ failed; the command will run from the TypeScript sources');
  process.exit(0);
}
// Plain JavaScript entry points (worker threads) are copied as they are.
for (const file of before.files.filter((name) => name.endsWith('.mjs'))) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  copyFileSync(path.join(root, 'src', file), path.join(dist, file));
}
writeFileSync(path.join(dist, '.compiled.json'), `${JSON.stringify({ count: before.count, bytes: before.bytes, newestMs: before.newestMs })}\n`);
console.log(`leaflets: compiled ${before.count} source files to dist/`);
