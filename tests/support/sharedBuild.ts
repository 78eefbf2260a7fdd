import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { copyOfProject, runCli } from './projectCopy.ts';

/** `leaflets build --strict` of a copy of the real project: every leaflet, language and edition. */
export interface SharedBuild {
  root: string;
  out: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** The command the shared build runs, after `--root <copy>`: what `npm run build` does, held to --strict. */
export const SHARED_BUILD_ARGS = ['build', '--strict'];
/** Longer than the slowest shared build seen (about a minute with both test workers busy). */
const WAIT_MS = 10 * 60_000;

let mine: Promise<SharedBuild> | undefined;

/**
 * The real project built once for the whole test run, for tests that only read what a build
 * writes (they must not change its folder: copy it first, output and cache included). The
 * first test file to ask builds it; test files in other workers wait for that build.
 */
export function sharedBuild(): Promise<SharedBuild> {
  mine ??= buildOnceOrWait(inject('sharedBuildDir'));
  return mine;
}

async function buildOnceOrWait(dir: string): Promise<SharedBuild> {
  const result = path.join(dir, 'build.json');
  try {
    mkdirSync(path.join(dir, 'lock'));
  } catch {
    // Another worker is building: wait for its result.
    const start = Date.now();
    while (!existsSync(result)) {
      if (Date.now() - start > WAIT_MS) throw new Error(`the shared build in ${dir} did not finish within ${WAIT_MS / 60_000} minutes`);
      await sleep(250);
    }
    return JSON.parse(readFileSync(result, 'utf8')) as SharedBuild;
  }
  let build: SharedBuild;
  try {
    const root = copyOfProject(undefined, 'leaflets-shared-');
    build = { root, out: path.join(root, 'output'), ...(await runCli(['--root', root, ...SHARED_BUILD_ARGS])) };
  } catch (error) {
    // Waiting workers get the failure too, rather than waiting out the timeout.
    build = { root: '', out: '', code: -1, stdout: '', stderr: String(error) };
  }
  writeFileSync(`${result}.part`, JSON.stringify(build));
  renameSync(`${result}.part`, result);
  return build;
}
