// Loaded with `node --import` into the `leaflets` command by tests/cli/reactBuild.test.ts; its
// worker threads inherit the flag, so it runs in each of them too. Each thread appends one line
// of JSON to $REACT_BUILD_REPORT: its NODE_ENV and the React builds (react/cjs/react.*.js) it
// has loaded, as soon as it has loaded one (or when the main thread exits, if it never did).
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

const cache = createRequire(import.meta.url).cache;
const REACT_BUILD = /[\\/]react[\\/]cjs[\\/]react\.[a-z.]+\.js$/;
const loadedReactBuilds = () =>
  Object.entries(cache)
    .filter(([file, module]) => REACT_BUILD.test(file) && module?.loaded)
    .map(([file]) => path.basename(file));

let reported = false;
function report(atExit) {
  const builds = loadedReactBuilds();
  if (reported || (builds.length === 0 && !atExit)) return;
  reported = true;
  appendFileSync(process.env.REACT_BUILD_REPORT, `${JSON.stringify({ mainThread: isMainThread, nodeEnv: process.env.NODE_ENV ?? null, builds })}\n`);
}
setInterval(() => report(false), 20).unref();
if (isMainThread) process.on('exit', () => report(true));
