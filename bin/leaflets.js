#!/usr/bin/env node
// The `leaflets` command. It runs the JavaScript that `npm ci` compiled into dist/ (fast start)
// while that still matches src/; after an edit to src/ it runs the TypeScript sources through
// tsx instead, and says so, so a stale dist/ never runs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultToProductionReact } from './reactBuild.js';
import { sourceState } from '../src/build/sourceState.mjs';

defaultToProductionReact();

// The layout memos' module hook is registered when the first render loads react-pdf
// (src/render/loadRenderer.ts), not here: every import after it waits on the hook's thread.
// `leaflets ... | head` closes the pipe early: stop quietly rather than crash on EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

function compiledIsCurrent() {
  const stampFile = fileURLToPath(new URL('../dist/.compiled.json', import.meta.url));
  if (!existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    const now = sourceState(fileURLToPath(new URL('../src', import.meta.url)));
    return now.count === stamp.count && now.bytes === stamp.bytes && now.newestMs <= stamp.newestMs;
  } catch {
    return false;
  }
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  if (existsSync(fileURLToPath(new URL('../dist', import.meta.url)))) {
    console.error('leaflets: src/ changed since dist/ was compiled; running the TypeScript sources (`npm run prepare` compiles again)');
  }
  const { register } = await import('tsx/esm/api');
  // The repository's tsconfig (JSX settings) applies whatever folder the command runs in.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
