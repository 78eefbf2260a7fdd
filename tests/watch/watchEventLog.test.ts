import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimedWatchEvent } from '../../src/watch/watchEvents.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';
import { copyProject, removeProject, waitFor } from './watchHelpers.ts';

type Of<T extends TimedWatchEvent['type']> = Extract<TimedWatchEvent, { type: T }>;

describe('leaflets watch --verbose --event-log', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeProject));

  it('logs a save from the file event to the written A5 PDF: burst, plan, jobs and rebuild, as lines and as JSON', async () => {
    const root = copyProject(['support']);
    roots.push(root);
    const logFile = path.join(root, 'events.jsonl');
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'bin/leaflets.js'), '--root', root, 'watch', '--edition', 'a5', 'a4', '--jobs', '2', '--verbose', '--event-log', logFile],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor('the watcher to start', () => stdout.includes('Watching'), 150_000);
      const leaflet = path.join(root, 'content/en-GB/support.md');
      writeFileSync(leaflet, readFileSync(leaflet, 'utf8').replace('You are not alone.', 'You are not alone, ever.'));
      await waitFor('the rebuild of the save', () => /changed: content\/en-GB\/support\.md[\s\S]*PDFs? rebuilt/.test(stdout), 90_000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);

    const events = readFileSync(logFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as TimedWatchEvent);
    const first = <T extends TimedWatchEvent['type']>(type: T, match: (event: Of<T>) => boolean) => {
      const index = events.findIndex((event) => event.type === type && match(event as Of<T>));
      expect(index, `a ${type} event`).toBeGreaterThanOrEqual(0);
      return { index, event: events[index] as Of<T> };
    };
    const source = 'content/en-GB/support.md';
    const fileEvent = first('file', (e) => e.event === 'change' && e.file === source);
    const burst = first('burst', (e) => e.changed.includes(source));
    const plan = first('plan', (e) => e.changedFiles.includes(source));
    const a5 = plan.event.jobs.find((job) => job.key === 'en-GB/support/a5');
    expect(a5).toMatchObject({ lane: 'main', urgent: true, fit: 'reuse', action: 'render' });
    expect(plan.event.jobs.find((job) => job.key === 'en-GB/support/a4')).toMatchObject({ lane: 'workers', urgent: false });
    expect(plan.event.stale).toContain('en-GB/support');
    const started = first('job', (e) => e.phase === 'start' && e.key === 'en-GB/support/a5');
    const done = first('job', (e) => e.phase === 'done' && e.key === 'en-GB/support/a5');
    // The job read the save the plan was made for, and wrote the A5 PDF.
    expect(done.event.generation).toBe(plan.event.generation);
    expect(done.event.read).toEqual({ [source]: plan.event.digests[source] });
    expect(done.event.outputs).toEqual([{ file: 'output/en-GB/support.pdf', status: 'written' }]);
    const rebuild = first('rebuild', (e) => e.changedFiles.includes(source));
    expect([fileEvent.index, burst.index, plan.index, started.index, done.index, rebuild.index]).toEqual(
      [fileEvent.index, burst.index, plan.index, started.index, done.index, rebuild.index].sort((a, b) => a - b),
    );
    expect(events.every((event, i) => i === 0 || event.ms >= events[i - 1]!.ms)).toBe(true);
    // The log lives in the project here: the watcher never takes its own writes for an edit.
    expect(events.filter((event) => event.type === 'file' && event.file.endsWith('events.jsonl'))).toEqual([]);
    expect(events.filter((event) => event.type === 'plan').map((event) => (event as Of<'plan'>).changedFiles)).toEqual([[source]]);

    // --verbose prints the same events, one line each, on stderr.
    expect(stderr).toMatch(/ ms {2}plan {4}gen=1 changed=content\/en-GB\/support\.md@[0-9a-f]{12} stale=[^ ]*en-GB\/support[^ ]* jobs=.*en-GB\/support\/a5\[main,urgent,reuse\]/);
    expect(stderr).toMatch(/ ms {2}job {5}done {5}en-GB\/support\/a5 lane=main gen=1 output\/en-GB\/support\.pdf:written content\/en-GB\/support\.md@[0-9a-f]{12}/);
  }, 300_000);
});
