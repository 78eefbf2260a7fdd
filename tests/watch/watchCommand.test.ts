import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { copyProject, removeProject, waitFor } from './watchHelpers.ts';

function startWatchCommand(root: string, args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/leaflets.js'), '--root', root, 'watch', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('the watch command', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeProject));

  it('exits 1 when the preview server it was asked for cannot start', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const root = copyProject(['support']);
    roots.push(root);
    try {
      const watch = startWatchCommand(root, ['--edition', 'a5', '--serve', '--port', String(port)]);
      expect(await watch.exited).toBe(1);
      expect(watch.output()).toContain(`leaflets: port ${port} is already in use (another leaflets watch --serve?): stop that, or choose another port with --port N`);
      expect(watch.output()).not.toContain('Watching');
    } finally {
      busy.close();
    }
  }, 120_000);

  it('exits 2 on a port that is not a number, before building anything', async () => {
    const root = copyProject(['support']);
    roots.push(root);
    const watch = startWatchCommand(root, ['--edition', 'a5', '--serve', '--port', 'abc']);
    expect(await watch.exited).toBe(2);
    expect(watch.output()).toContain('leaflets: --port must be a whole number from 1 to 65535, or 0 for any free port (got "abc"); the default is 4780');
  }, 120_000);

  it('exits 2 on --jobs that is not a whole number from 1, before building anything', async () => {
    const root = copyProject(['support']);
    roots.push(root);
    const watch = startWatchCommand(root, ['--edition', 'a5', '--jobs', '0']);
    expect(await watch.exited).toBe(2);
    expect(watch.output()).toContain('leaflets: --jobs must be a whole number of at least 1 (got "0")');
    expect(watch.output()).not.toContain('Watching');
  }, 120_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`stops on ${signal}, ending its worker threads: the process exits 0`, async () => {
      const root = copyProject(['support']);
      roots.push(root);
      // Two editions and two render threads (the tests' LEAFLETS_JOBS=1 would give one): the
      // second edition renders in a worker thread, which must end too.
      const watch = startWatchCommand(root, ['--edition', 'a5', 'a4', '--jobs', '2']);
      await waitFor('watching', () => watch.output().includes('Watching'), 180_000);
      watch.child.kill(signal);
      // A thread or handle left running would keep the process alive past this.
      const code = await Promise.race([watch.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 30_000))]);
      if (code === 'still running') watch.child.kill('SIGKILL');
      expect(code).toBe(0);
    }, 240_000);
  }
});
