import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { copyOfProject, runCli } from './projectCopy.ts';
import { PROJECT_ROOT } from './sampleLeaflet.ts';

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

const mine = new Map<string, Promise<SharedBuild>>();

/**
 * The real project built once for the whole test run, for tests that only read what a build
 * writes (they must not change its folder: copy it first, output and cache included). The
 * first test file to ask builds it; test files in other workers wait for that build. An edit
 * to the project or the tool's sources since (vitest in watch mode) gets a build of its own.
 */
export function sharedBuild(): Promise<SharedBuild> {
  const dir = path.join(inject('sharedBuildDir'), inputsKey());
  let build = mine.get(dir);
  if (!build) {
    build = buildOnceOrWait(dir);
    mine.set(dir, build);
  }
  return build;
}

/** Every file the build reads or runs, by path, size and change time. */
function inputsKey(): string {
  const hash = createHash('sha256');
  for (const folder of ['content', 'locales', 'templates', 'src']) {
    const dir = path.join(PROJECT_ROOT, folder);
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const info = statSync(path.join(dir, file));
      if (info.isFile()) hash.update(`${folder}/${file}\0${info.size}\0${info.mtimeMs}\0`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildOnceOrWait(dir: string): Promise<SharedBuild> {
  mkdirSync(dir, { recursive: true });
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
