#!/usr/bin/env node
// Runs a TypeScript entry point with tsx's loader, so the project needs no compile step.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { defaultToProductionReact } from './reactBuild.js';

// As the command runs: React's production build unless NODE_ENV says otherwise.
defaultToProductionReact();

// The repository's tsconfig (JSX settings) applies whatever folder the command runs in.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
// Before anything loads react-pdf: the text layout memo's module hook (src/render/perf).
await import('../src/render/perf/registerLayoutMemo.mjs');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(path.resolve(entry)).href);
