import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './sampleLeaflet.ts';

const run = promisify(execFile);

/**
 * A throw-away copy of the real project's inputs (content, locales, templates), for tests that
 * break or edit things. With `leaflets`, only those leaflets are kept (in every locale), so a
 * build or watch session starts quickly. node_modules is linked so `npm:` fonts resolve.
 */
export function copyOfProject(leaflets?: string[], prefix = 'leaflets-project-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const folder of ['locales', 'templates']) cpSync(path.join(PROJECT_ROOT, folder), path.join(root, folder), { recursive: true });
  if (!leaflets) {
    cpSync(path.join(PROJECT_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  } else {
    for (const locale of readdirSync(path.join(PROJECT_ROOT, 'content'))) {
      mkdirSync(path.join(root, 'content', locale), { recursive: true });
      for (const id of leaflets) cpSync(path.join(PROJECT_ROOT, 'content', locale, `${id}.md`), path.join(root, 'content', locale, `${id}.md`));
    }
  }
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** A copy of a project copy, with what its builds wrote (output, cache); node_modules stays a link. */
export function copyOfBuiltProject(built: string, prefix = 'leaflets-project-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(built, root, { recursive: true, verbatimSymlinks: true });
  return root;
}

/**
 * Copies of one project copy (with `leaflets` only, as `copyOfProject`) built once by
 * `leaflets build <buildArgs>`, for tests that each break a copy of the last good build.
 * The build runs when the first copy is asked for.
 */
export function copiesOfOneBuild(buildArgs: string[], leaflets?: string[]): () => Promise<string> {
  let built: Promise<string> | undefined;
  return async () => {
    built ??= (async () => {
      const root = copyOfProject(leaflets);
      const first = await runCli(['--root', root, 'build', ...buildArgs]);
      if (first.code !== 0) throw new Error(`the build to copy failed (exit ${first.code}):\n${first.stdout}${first.stderr}`);
      return root;
    })();
    return copyOfBuiltProject(await built);
  };
}

/** Runs the real `leaflets` command, as a user would. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(PROJECT_ROOT, 'bin/leaflets.js'), ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}
