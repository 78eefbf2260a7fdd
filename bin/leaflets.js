#!/usr/bin/env node
// The `leaflets` command. TypeScript sources run through tsx's loader: no build step to forget.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The repository's tsconfig (JSX settings) applies whatever folder the command runs in.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
// Before anything loads react-pdf: the text layout memo's module hook (src/render/perf).
await import('../src/render/perf/registerLayoutMemo.mjs');
// `leaflets ... | head` closes the pipe early: stop quietly rather than crash on EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
