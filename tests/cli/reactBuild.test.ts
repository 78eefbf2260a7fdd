import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfProject } from '../support/projectCopy.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

const run = promisify(execFile);
interface ThreadReport {
  mainThread: boolean;
  nodeEnv: string | null;
  builds: string[];
}

/**
 * The command runs React's production build (bin/reactBuild.js): the development build checks
 * and freezes every element of every render. tests/support/reactBuildReporter.mjs, loaded into
 * the command and its render threads, says which build each thread loaded.
 */
describe('React build the command runs', () => {
  const root = copyOfProject(['support'], 'leaflets-react-build-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const build = async (jobs: number, env: NodeJS.ProcessEnv) => {
    // One leaflet in one language renders in the main thread; two with --jobs 2 start a render thread.
    const locales = jobs === 1 ? ['--locale', 'en-GB'] : ['--locale', 'en-GB', '--locale', 'cy'];
    const report = path.join(root, `react-build-${jobs}-${env.NODE_ENV ?? 'unset'}.jsonl`);
    const { NODE_ENV: _vitest, LEAFLETS_JOBS: _jobs, ...inherited } = process.env;
    await run(
      process.execPath,
      ['--import', path.join(PROJECT_ROOT, 'tests/support/reactBuildReporter.mjs'), path.join(PROJECT_ROOT, 'bin/leaflets.js'), 'build', '--leaflet', 'support', ...locales, '--edition', 'a5', '--no-cache', '--jobs', String(jobs), '--out', path.join(root, `output-${jobs}`)],
      { cwd: root, env: { ...inherited, ...env, REACT_BUILD_REPORT: report } },
    );
    expect(existsSync(path.join(root, `output-${jobs}`, 'en-GB', 'support.pdf'))).toBe(true);
    return readFileSync(report, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ThreadReport);
  };

  it('is the production build in the main thread and in every render thread when NODE_ENV is not set', async () => {
    const single = await build(1, {});
    expect(single).toEqual([{ mainThread: true, nodeEnv: 'production', builds: ['react.production.min.js'] }]);
    // The main thread may never load React here: the render thread may render both.
    const pooled = await build(2, {});
    const workers = pooled.filter((thread) => !thread.mainThread);
    expect(workers.length).toBeGreaterThan(0);
    for (const thread of pooled) {
      expect(thread.nodeEnv).toBe('production');
      expect(thread.builds.filter((name) => name !== 'react.production.min.js')).toEqual([]);
    }
    for (const thread of workers) expect(thread.builds).toEqual(['react.production.min.js']);
  }, 180_000);

  it('follows NODE_ENV when it is set', async () => {
    const single = await build(1, { NODE_ENV: 'development' });
    expect(single).toEqual([{ mainThread: true, nodeEnv: 'development', builds: ['react.development.js'] }]);
  }, 180_000);
});
