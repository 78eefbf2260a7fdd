import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { median } from './stats.ts';
import { checkoutNodeFlags } from './checkoutFlags.ts';
import { defaultThreads } from '../../src/build/threadCount.ts';
import { syntheticProject, unitCount } from './syntheticProject.ts';

const REPO = process.cwd();
const ROUNDS = Number(process.env.BUILD_BENCH_ROUNDS ?? 3);
const EDITIONS_PER_LEAFLET = 5;

interface Run {
  seconds: number;
  /** User + system CPU time: less moved by other load on the machine than wall time. */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
  rendered: number;
}

/** Runs the real `leaflets` command as a whole process, with GNU time for its peak RSS (all threads). */
function leaflets(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const command = args[0] === '--node-only' ? ['-e', '0'] : [path.join(REPO, 'bin/leaflets.js'), ...args];
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...checkoutNodeFlags(REPO, 'build'), ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0 && code !== 1) return reject(new Error(`leaflets ${args.join(' ')} exited ${code}:\n${stdout}\n${stderr}`));
      const [, user, system, rss] = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr) ?? [];
      const peakRssMb = Number(rss ?? NaN) / 1024;
      const cpuSeconds = Number(user ?? NaN) + Number(system ?? NaN);
      const rendered = Number(/\((\d+) rendered/.exec(stdout)?.[1] ?? NaN);
      resolve({ seconds, cpuSeconds, peakRssMb, stdout, rendered });
    });
  });
}

const spread = (values: number[], unit = 's', digits = 2) =>
  `median ${median(values).toFixed(digits)} ${unit} (${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}, ${values.length} runs)`;
const load = () => `load average ${loadavg().map((each) => each.toFixed(1)).join(' ')}`;

/** `leaflets --help` as a whole process. Target: at most 0.3 s. */
export async function benchStart(): Promise<void> {
  const help: Run[] = [];
  const bare: Run[] = [];
  for (let round = 0; round < 2 * ROUNDS + 1; round += 1) {
    bare.push(await leaflets(['--node-only']));
    help.push(await leaflets(['--help']));
  }
  console.log(`leaflets --help, whole process: ${spread(help.map((run) => run.seconds))}, CPU ${spread(help.map((run) => run.cpuSeconds))}`);
  console.log(`node -e 0 (Node's own start, for scale): ${spread(bare.map((run) => run.seconds))}; ${load()}`);
}

/**
 * The shipped project (40 PDFs): a build with nothing changed (whole process; target at most
 * 1.0 s rendering 0 PDFs), and a build after editing one English leaflet (only its PDFs and
 * its translations' render).
 */
export async function benchIncremental(): Promise<void> {
  const root = syntheticProject(1, 'leaflets-bench-noop-');
  try {
    const first = await leaflets(['--root', root, 'build']);
    console.log(`first build: ${first.seconds.toFixed(1)} s, ${first.rendered} rendered`);
    const noop: Run[] = [];
    for (let round = 0; round < 2 * ROUNDS + 1; round += 1) noop.push(await leaflets(['--root', root, 'build']));
    console.log(`no-op build, whole process: ${spread(noop.map((run) => run.seconds))}, CPU ${spread(noop.map((run) => run.cpuSeconds))}, rendered ${[...new Set(noop.map((run) => run.rendered))].join('/')} PDFs; ${load()}`);
    const edits: Run[] = [];
    const leaflet = path.join(root, 'content/en-GB/support.md');
    const text = readFileSync(leaflet, 'utf8');
    for (let round = 0; round < ROUNDS; round += 1) {
      writeFileSync(leaflet, text.replace(/You are not alone[^.]*\./, `You are not alone (edit ${round}).`));
      const run = await leaflets(['--root', root, 'build']);
      edits.push(run);
      const renderedFiles = [...run.stdout.matchAll(/^\s+built\s+(\S+)/gm)].map((match) => match[1]);
      if (round === 0) console.log(`one English leaflet edited: rendered ${renderedFiles.join(', ')}`);
    }
    console.log(`one-edit build, whole process: ${spread(edits.map((run) => run.seconds))}, ${edits[0]?.rendered} PDFs rendered; ${load()}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function cleanBuild(root: string, jobs?: number): Promise<Run> {
  rmSync(path.join(root, 'output'), { recursive: true, force: true });
  return leaflets(['--root', root, 'build', '--no-cache', ...(jobs === undefined ? [] : ['--jobs', String(jobs)])]);
}

/**
 * Full clean build of the shipped project (no cache, empty output folder) on one thread and on
 * one thread per core, alternating, in the same run (target: one per core at least 1.7x faster
 * on 2 cores), and how busy one thread keeps the machine (CPU time over wall time), which
 * bounds what more threads can gain: the default thread count (src/build/threadCount.ts) rests
 * on it.
 */
export async function benchCores(): Promise<void> {
  const root = syntheticProject(1, 'leaflets-bench-cores-');
  const cores = availableParallelism();
  try {
    const pdfs = unitCount(root) * EDITIONS_PER_LEAFLET;
    const all: Run[] = [];
    const one: Run[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const single = await cleanBuild(root, 1);
      const multi = await cleanBuild(root, cores);
      one.push(single);
      all.push(multi);
      ratios.push(single.seconds / multi.seconds);
      console.log(
        `  round ${round + 1}: 1 thread ${single.seconds.toFixed(1)} s (CPU ${single.cpuSeconds.toFixed(1)} s), ` +
          `${cores} threads ${multi.seconds.toFixed(1)} s (CPU ${multi.cpuSeconds.toFixed(1)} s); ${load()}`,
      );
    }
    console.log(`clean build of ${pdfs} PDFs, 1 thread: ${spread(one.map((run) => run.seconds), 's', 1)}, peak RSS ${median(one.map((run) => run.peakRssMb)).toFixed(0)} MB`);
    console.log(`clean build of ${pdfs} PDFs, ${cores} threads: ${spread(all.map((run) => run.seconds), 's', 1)}, peak RSS ${median(all.map((run) => run.peakRssMb)).toFixed(0)} MB`);
    console.log(`speed-up of ${cores} threads on ${cores} cores, wall time: ${spread(ratios, 'x')}`);
    // CPU time is little moved by the machine's other load: what running on more threads costs in total.
    const overheads = one.map((run, index) => all[index]!.cpuSeconds / run.cpuSeconds);
    console.log(`CPU time on ${cores} threads / on 1: ${spread(overheads, 'x')}`);
    // A thread that keeps c cores busy alone can gain at most cores / c from more threads, even with no cost of its own.
    const busy = one.map((run) => run.cpuSeconds / run.seconds);
    console.log(`cores one thread keeps busy (CPU / wall): ${spread(busy, 'cores')}; so at most ${(cores / median(busy)).toFixed(2)}x from ${cores} threads`);
    console.log(`default without --jobs or LEAFLETS_JOBS: ${defaultThreadsWithoutPin()} thread(s) on ${cores} cores`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function defaultThreadsWithoutPin(): number {
  const pinned = process.env.LEAFLETS_JOBS;
  delete process.env.LEAFLETS_JOBS;
  try {
    return defaultThreads();
  } finally {
    if (pinned !== undefined) process.env.LEAFLETS_JOBS = pinned;
  }
}

/**
 * A synthetic project of 1,000 PDFs (25 copies of the 8 shipped leaflet files x 5 editions),
 * built clean on all cores, against the 40-PDF project in the same run. Targets: peak RSS at
 * most 1 GB; time per PDF within 10% of the 40-PDF project's.
 */
export async function benchLarge(): Promise<void> {
  const small = syntheticProject(1, 'leaflets-bench-40-');
  const copies = Number(process.env.BUILD_BENCH_COPIES ?? 25);
  const large = syntheticProject(copies, 'leaflets-bench-1000-');
  try {
    const smallPdfs = unitCount(small) * EDITIONS_PER_LEAFLET;
    const largePdfs = unitCount(large) * EDITIONS_PER_LEAFLET;
    const smallRun = await cleanBuild(small);
    const largeRun = await cleanBuild(large);
    const smallAgain = await cleanBuild(small);
    const perSmall = ((smallRun.seconds + smallAgain.seconds) / 2 / smallPdfs) * 1000;
    const perLarge = (largeRun.seconds / largePdfs) * 1000;
    console.log(`${smallPdfs} PDFs: ${smallRun.seconds.toFixed(1)} s and ${smallAgain.seconds.toFixed(1)} s, ${perSmall.toFixed(0)} ms per PDF, peak RSS ${Math.max(smallRun.peakRssMb, smallAgain.peakRssMb).toFixed(0)} MB`);
    console.log(`${largePdfs} PDFs: ${largeRun.seconds.toFixed(1)} s, ${perLarge.toFixed(0)} ms per PDF, peak RSS ${largeRun.peakRssMb.toFixed(0)} MB (${largeRun.rendered} rendered)`);
    console.log(`per-PDF time, ${largePdfs} vs ${smallPdfs} PDFs: ${((perLarge / perSmall - 1) * 100).toFixed(1)}%; ${load()}`);
  } finally {
    rmSync(small, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}
