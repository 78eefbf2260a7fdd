import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runProbe, type Subject } from './render.ts';
import { median, medianAndMiddleHalf } from './stats.ts';

/**
 * `npm run bench -- collection [--baseline DIR] [--repeats N] [--rounds N] [--warmup N]`
 *
 * The first A5 render after a full collection, as watch mode's first save after an idle pause
 * sees it (the idle collection is a full one): the render probe's `edit` scenario, each timed
 * render right after a forced full collection, in this checkout and, with `--baseline DIR`, in
 * another checkout (an earlier commit, say), alternating, both rendering this checkout's text.
 * A full collection throws away optimized code whose objects it freed
 * (src/render/perf/keptShapes.ts), so this render runs partly unoptimized.
 */
export async function benchCollection(argv: string[] = []): Promise<void> {
  const { values: options } = parseArgs({
    args: argv,
    strict: false,
    options: {
      baseline: { type: 'string' },
      repeats: { type: 'string', default: '4' },
      rounds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '40' },
    },
  });
  const repo = process.cwd();
  const subjects: Subject[] = [{ name: 'this checkout', root: repo, project: repo }];
  if (typeof options.baseline === 'string') subjects.push({ name: `baseline ${options.baseline}`, root: path.resolve(options.baseline), project: repo });
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const loads = [loadavg()[0]!];
  for (let repeat = 1; repeat <= Number(options.repeats); repeat += 1) {
    for (const subject of subjects) {
      const probe = runProbe(subject, 'edit', ['--after-collection', '--rounds', String(options.rounds), '--warmup', String(options.warmup)], 'cli');
      wall.set(subject.name, [...(wall.get(subject.name) ?? []), ...probe.timings.map((timing) => timing.total)]);
      cpu.set(subject.name, [...(cpu.get(subject.name) ?? []), ...probe.timings.map((timing) => timing.cpu.total)]);
    }
    loads.push(loadavg()[0]!);
  }
  console.log(`load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`);
  console.log(`A5 render after a one-paragraph edit, right after a full collection, ms: median (25th-75th percentile) of ${options.repeats} x ${options.rounds}`);
  for (const subject of subjects) console.log(`  ${subject.name.padEnd(30)} wall ${medianAndMiddleHalf(wall.get(subject.name)!)}  CPU ${medianAndMiddleHalf(cpu.get(subject.name)!)}`);
  if (subjects.length === 2) {
    const ratio = (values: Map<string, number[]>) => (median(values.get(subjects[0]!.name)!) / median(values.get(subjects[1]!.name)!)).toFixed(2);
    console.log(`  this checkout / baseline: ${ratio(wall)}x wall, ${ratio(cpu)}x CPU`);
  }
}
