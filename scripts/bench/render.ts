import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ProfileSummary } from './profile.ts';
import type { Pair } from './renderProbe.ts';
import type { Timing } from './renderTiming.ts';
import type { TypstScope } from './typstLeaflet.ts';
import { median, medianAndMiddleHalf } from './stats.ts';
import { checkoutNodeFlags } from './checkoutFlags.ts';

/**
 * `npm run bench -- render [--cpu-prof] [--baseline DIR] [--repeats N] [--rounds N] [--warmup N] [--text same|own|both]
 *                         [--react cli|production|development]`
 *
 * The warm A5 render of content/en-GB/jak-inhibitors.md, split into compile, layout and draw,
 * in this checkout and in the commit before the render speed work (BASE_COMMIT), run in turn
 * in the same run so load on the machine hits both alike; and the same text typeset by Typst.
 * The leaflet has been rewritten since BASE_COMMIT, so by default (`--text same`) both render
 * the base commit's text: this checkout renders it in a temporary project (this checkout's
 * brand, templates and strings, the base's jak-inhibitors.md; BASE_COMMIT cannot compile
 * today's front matter). `--text own` compares each checkout's own text (different work);
 * `--text both` prints both comparisons.
 * Each probe process (renderProbe.ts) renders `--warmup` times (default 40), collects garbage,
 * renders half as many times again (the collection throws away optimized code), then times
 * `--rounds` renders; `--repeats`
 * processes per checkout and scenario, interleaved. Figures are medians with the middle half
 * (25th-75th percentile) as spread, in wall time and in CPU time (CPU time moves less when
 * other processes share the machine).
 * React's build: by default (`--react cli`) each checkout's probe runs as that checkout's command
 * does: this one's entry points choose React's production build, the base commit's ran the
 * development build (it never set NODE_ENV). `--react production` or `--react development`
 * sets NODE_ENV for both, so the comparison shows what the code changed apart from the mode.
 */
const BASE_COMMIT = '1f37e8d';
const REPO = process.cwd();
const PROBE = path.join(REPO, 'scripts/bench/renderProbe.ts');
const SCENARIOS = ['warm', 'fresh', 'cold', 'edit'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The warm render's garbage collection share must be at most half the 17.6% the render speed issue measured before the work. */
const WARM_GC_SHARE_BOUND = 0.176 / 2;

/** What each scenario must show against the base commit (issue: render speed). */
const TARGETS: Partial<Record<Scenario, number>> = { fresh: 0.5, edit: 0.2 };

export interface ProbeResult {
  reactBuild?: string;
  timings: Timing[];
  profile?: ProfileSummary;
  /** With `--paired-typst`: Typst's render after each of ours, and each one's CPU time including the pause after it. */
  typstWords?: number;
  pauseMs?: number;
  pairs?: Pair[];
}

/** This checkout's scenarios paired with Typst's render of the same text, and which Typst case each meets. */
const TYPST_CASES: ReadonlyArray<{ scenario: Scenario; typst: string }> = [
  { scenario: 'fresh', typst: 'un-memoized (memo evicted before each)' },
  { scenario: 'warm', typst: 'memoized, same text' },
  { scenario: 'edit', typst: 'memoized, one paragraph edited' },
];

/** A clone of this repository at the base commit with its own `npm ci`, made once and kept in the temp folder. */
function baselineCheckout(dir: string | undefined): string {
  const root = dir ?? path.join(tmpdir(), `leaflets-bench-base-${BASE_COMMIT}`);
  if (existsSync(path.join(root, 'node_modules'))) return root;
  console.log(`Preparing the baseline: ${BASE_COMMIT} in ${root} (git clone, npm ci; once)`);
  const run = (command: string, args: string[], cwd: string) => {
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  };
  if (!existsSync(root)) run('git', ['clone', '--quiet', '--no-checkout', REPO, root], REPO);
  run('git', ['checkout', '--quiet', BASE_COMMIT], root);
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], root);
  return root;
}

/**
 * A temporary project holding this checkout's brand, templates and strings and the base
 * commit's content/en-GB/jak-inhibitors.md (which today's schema accepts as it is), so this
 * checkout renders the same text as the base.
 */
function sameTextProject(base: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'leaflets-bench-same-text-'));
  for (const folder of ['templates', 'locales']) cpSync(path.join(REPO, folder), path.join(dir, folder), { recursive: true });
  cpSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
  // Fonts are named as npm packages in the brand: resolve them from this checkout.
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  mkdirSync(path.join(dir, 'content/en-GB'), { recursive: true });
  cpSync(path.join(base, 'content/en-GB/jak-inhibitors.md'), path.join(dir, 'content/en-GB/jak-inhibitors.md'));
  return dir;
}

export interface Subject {
  name: string;
  /** The checkout whose code renders. */
  root: string;
  /** Where the leaflet text, brand and strings come from. */
  project: string;
}

export type ReactMode = 'cli' | 'production' | 'development';
const REACT_MODES: readonly ReactMode[] = ['cli', 'production', 'development'];
/** The probe's environment: NODE_ENV as `--react` says (this process's own is its entry point's default). */
function probeEnv(react: ReactMode): NodeJS.ProcessEnv {
  const { NODE_ENV: _own, ...env } = process.env;
  return react === 'cli' ? env : { ...env, NODE_ENV: react };
}

const TYPST_PROBE = path.join(REPO, 'scripts/bench/typstProbe.ts');

/**
 * Typst's un-memoized renders of the subject's text in a process of its own (typstProbe.ts),
 * back to back: Typst as it runs alone, since paired with this checkout's renders it can run
 * slower (they leave it colder caches). `scope`: the whole leaflet, or its body text alone.
 */
function runTypstAlone(subject: Subject, rounds: string[], scope: TypstScope): number[] {
  const args = [path.join(REPO, 'bin/run-ts.js'), TYPST_PROBE, '--project', subject.project, '--modes', 'fresh', '--scope', scope, ...rounds];
  const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return probeOutput<{ results: { fresh: Array<{ ms: number }> } }>(result, 'Typst probe failed').results.fresh.map((run) => run.ms);
}

/** A probe prints one JSON object on its last line. */
function probeOutput<T>(result: ReturnType<typeof spawnSync>, failure: string): T {
  const last = String(result.stdout).trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !last.startsWith('{')) throw new Error(`${failure}:\n${String(result.stderr)}`);
  return JSON.parse(last) as T;
}

export function runProbe(subject: Subject, scenario: Scenario, extra: string[], react: ReactMode): ProbeResult {
  const { root, project } = subject;
  const result = spawnSync(process.execPath, ['--expose-gc', ...checkoutNodeFlags(root, 'watch'), path.join(root, 'bin/run-ts.js'), PROBE, '--root', root, '--project', project, '--scenario', scenario, ...extra], {
    cwd: root,
    env: probeEnv(react),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return probeOutput<ProbeResult>(result, `render probe failed in ${root} (${scenario})`);
}

const spread = (values: number[]) => medianAndMiddleHalf(values);
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

function printProfile(label: string, profile: ProfileSummary, top: number): void {
  console.log(`\n  ${label}: ${profile.totalMs.toFixed(0)} ms sampled, garbage collection ${pct(profile.gcShare)}`);
  console.log(`    by package: ${profile.packages.slice(0, 10).map((p) => `${p.name} ${pct(p.share)}`).join(', ')}`);
  for (const f of profile.top.slice(0, top)) console.log(`    ${pct(f.share).padStart(6)}  ${f.name}  ${f.where}`);
}

export async function benchRender(argv: string[] = []): Promise<void> {
  const { values: options } = parseArgs({
    args: argv,
    strict: false,
    options: {
      baseline: { type: 'string' },
      repeats: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '24' },
      // A warm process: V8 goes on optimizing for the first few dozen renders. After 6, this
      // checkout's fresh and edit renders were still a fifth slower than after 40 or 200.
      warmup: { type: 'string', default: '40' },
      text: { type: 'string', default: 'same' },
      'cpu-prof': { type: 'boolean', default: false },
      typst: { type: 'boolean', default: true },
      react: { type: 'string', default: 'cli' },
    },
  });
  if (!REACT_MODES.includes(options.react as ReactMode)) throw new Error(`--react must be ${REACT_MODES.join(', ')} (got ${String(options.react)})`);
  const reactMode = options.react as ReactMode;
  const base = baselineCheckout(options.baseline as string | undefined);
  const text = String(options.text);
  if (!['same', 'own', 'both'].includes(text)) throw new Error(`--text must be same, own or both (got ${text})`);
  const sameText = sameTextProject(base);
  /** Each comparison: the base commit, then this checkout, rendering the text its label names. */
  const comparisons: Array<{ label: string; subjects: [Subject, Subject] }> = [];
  if (text !== 'own') {
    comparisons.push({
      label: `SAME TEXT (fair): both render ${BASE_COMMIT}'s content/en-GB/jak-inhibitors.md; this checkout in a temporary project with its own brand, templates and strings`,
      subjects: [
        { name: `base ${BASE_COMMIT}`, root: base, project: base },
        { name: 'this checkout', root: REPO, project: sameText },
      ],
    });
  }
  if (text !== 'same') {
    comparisons.push({
      label: "OWN TEXT (different work: the leaflet was rewritten since the base): each checkout renders its own content/en-GB/jak-inhibitors.md",
      subjects: [
        { name: `base ${BASE_COMMIT}`, root: base, project: base },
        { name: 'this checkout', root: REPO, project: REPO },
      ],
    });
  }
  const rounds = ['--rounds', String(options.rounds), '--warmup', String(options.warmup)];
  const results = new Map<string, Timing[]>();
  const reactBuilds = new Map<string, Set<string>>();
  const keyOf = (comparison: number, subject: Subject, scenario: Scenario) => `${comparison}\u0000${subject.name}\u0000${scenario}`;
  const paired = new Map<Scenario, { ours: Timing[]; pairs: Pair[] }>();
  /** Per round: Typst alone (un-memoized) on the whole leaflet and on its body text, then this checkout's paired fresh renders. */
  const typstAlone: Array<{ typst: number[]; typstBody: number[]; ours: number[] }> = [];
  let typstWords = 0;
  let typstPages = 0;
  let pauseMs = 0;
  const repeats = Number(options.repeats);
  const loads: number[] = [];
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    loads.push(loadavg()[0]!);
    process.stdout.write(`round ${repeat}/${repeats}:`);
    for (const scenario of SCENARIOS) {
      comparisons.forEach(({ subjects }, index) => {
        for (const subject of subjects) {
          const key = keyOf(index, subject, scenario);
          const probe = runProbe(subject, scenario, rounds, reactMode);
          results.set(key, [...(results.get(key) ?? []), ...probe.timings]);
          reactBuilds.set(subject.name, (reactBuilds.get(subject.name) ?? new Set()).add(probe.reactBuild ?? 'unknown'));
          process.stdout.write(` ${scenario}`);
        }
      });
    }
    if (options.typst) {
      // Typst typesets the text the first comparison renders, render by render with this checkout's.
      const subject = comparisons[0]!.subjects[1];
      for (const { scenario } of TYPST_CASES) {
        const alone = scenario === 'fresh' ? { typst: runTypstAlone(subject, rounds, 'leaflet'), typstBody: runTypstAlone(subject, rounds, 'body') } : undefined;
        const probe = runProbe(subject, scenario, [...rounds, '--paired-typst'], reactMode);
        if (alone) typstAlone.push({ ...alone, ours: probe.timings.map((t) => t.total) });
        const sofar = paired.get(scenario) ?? { ours: [], pairs: [] };
        paired.set(scenario, { ours: [...sofar.ours, ...probe.timings], pairs: [...sofar.pairs, ...(probe.pairs ?? [])] });
        typstWords = probe.typstWords ?? 0;
        // The unedited text's page count (the edit case's text is longer).
        if (scenario === 'fresh') typstPages = probe.pairs?.[0]?.typst.pages ?? 0;
        pauseMs = probe.pauseMs ?? 0;
        process.stdout.write(` ${scenario}+typst`);
      }
    }
    process.stdout.write('\n');
  }
  loads.push(loadavg()[0]!);
  console.log(`load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`);

  comparisons.forEach(({ label, subjects }, index) => {
    console.log(`\n${label}`);
    console.log(`A5 render, ms: median (25th-75th percentile) of ${repeats} x ${options.rounds} renders, each process after ${options.warmup} renders to warm up, a full collection and ${Math.ceil(Number(options.warmup) / 2)} more`);
    console.log(`React build (--react ${reactMode}): ${subjects.map((subject) => `${subject.name} ${[...(reactBuilds.get(subject.name) ?? [])].join('/')}`).join(', ')}`);
    console.log('scenario  checkout            compile            layout              draw                total (wall)        total (CPU)         PDF bytes');
    const baseTotals = new Map<Scenario, { wall: number; cpu: number; bytes: number }>();
    for (const scenario of SCENARIOS) {
      for (const subject of subjects) {
        const timings = results.get(keyOf(index, subject, scenario))!;
        const pick = (f: (t: Timing) => number) => timings.map(f);
        const wall = median(pick((t) => t.total));
        const cpu = median(pick((t) => t.cpu.total));
        const bytes = median(pick((t) => t.bytes));
        const cells = [
          spread(pick((t) => t.compile)),
          spread(pick((t) => t.layout)),
          spread(pick((t) => t.draw)),
          spread(pick((t) => t.total)),
          spread(pick((t) => t.cpu.total)),
        ].map((cell) => cell.padEnd(19));
        let note = '';
        if (subject === subjects[0]) baseTotals.set(scenario, { wall, cpu, bytes });
        else {
          const was = baseTotals.get(scenario)!;
          const target = TARGETS[scenario];
          note = `  ${(bytes / was.bytes).toFixed(3)}x bytes; time ${(wall / was.wall).toFixed(2)}x wall, ${(cpu / was.cpu).toFixed(2)}x CPU`;
          if (target !== undefined) note += ` (target <= ${target}x: ${cpu / was.cpu <= target ? 'met' : 'NOT met'} on CPU time)`;
        }
        console.log(`${scenario.padEnd(9)} ${subject.name.padEnd(19)} ${cells.join(' ')} ${String(bytes).padStart(6)}${note}`);
      }
    }
  });
  console.log('  warm: the same leaflet again; fresh: the render caches keyed by content (text layout, galley blocks, pages, styles, font subsets, compressed page streams, drawn text) emptied before each render, fonts, their shaping caches and images pdfkit has read kept; cold: Markdown memo too; edit: one paragraph changed before each render. The base commit has none of these caches: its four scenarios are the same work.');
  if (options.typst) {
    console.log(`\nTypst (typst-ts-node-compiler) on the first comparison's whole leaflet as the A5 edition prints it (cover, running header and footer,`);
    console.log(`body, sources, back page: ${typstWords} words on ${typstPages} pages; compile, layout and tagged PDF export), each render`);
    console.log(`alternating with one of this checkout's in the same process, so both meet the same machine (${repeats} x ${options.rounds} pairs; ${pauseMs} ms pause after each render):`);
    console.log('case   Typst case                               this checkout, ms    Typst, ms           ratio  per pair (25th-75th)  CPU incl. pause: ours, Typst, ratio');
    for (const { scenario, typst } of TYPST_CASES) {
      const { ours, pairs } = paired.get(scenario)!;
      const oursMs = ours.map((t) => t.total);
      const typstMs = pairs.map((p) => p.typst.ms);
      const perPair = medianAndMiddleHalf(oursMs.map((ms, index) => ms / typstMs[index]!), 2);
      const oursCpu = median(pairs.map((p) => p.oursCpuSpan));
      const typstCpu = median(pairs.map((p) => p.typstCpuSpan));
      const cells = [scenario.padEnd(6), typst.padEnd(40), spread(oursMs).padEnd(20), spread(typstMs).padEnd(19), `${(median(oursMs) / median(typstMs)).toFixed(2)}x`.padEnd(6), perPair.padEnd(21)];
      console.log(`${cells.join(' ')} ${oursCpu.toFixed(1)}, ${typstCpu.toFixed(1)}, ${(oursCpu / typstCpu).toFixed(2)}x`);
    }
    console.log('  bound for fresh: at most 3x Typst un-memoized. CPU time counts each render with the pause after it (V8 compiles and collects on helper threads).');
    const oursFresh = median(typstAlone.flatMap((round) => round.ours));
    const againstAlone = (pick: (round: (typeof typstAlone)[number]) => number[], label: string) => {
      const perRound = typstAlone.map((round) => `${(median(round.ours) / median(pick(round))).toFixed(2)}x`).join(', ');
      const alone = typstAlone.flatMap(pick);
      return `  ${label}: ${spread(alone)} ms; ${(oursFresh / median(alone)).toFixed(2)}x (per round: ${perRound})`;
    };
    console.log(`Typst alone (un-memoized, its own process, just before each paired fresh probe) against this checkout's paired fresh ${oursFresh.toFixed(1)} ms:`);
    console.log(againstAlone((round) => round.typst, 'whole leaflet, as paired'));
    console.log(againstAlone((round) => round.typstBody, "body text alone (Typst's own line spacing; the case runs 1-15 paired)"));
    console.log('  Paired, Typst can run slower than alone.');
  }

  if (options['cpu-prof']) {
    const dir = mkdtempSync(path.join(tmpdir(), 'leaflets-render-prof-'));
    const { subjects } = comparisons[0]!;
    console.log(`\nCPU profiles of the first comparison (V8, 200 us sampling, ${options.rounds} renders each; .cpuprofile files in ${dir}):`);
    const gc = new Map<string, number>();
    for (const scenario of ['warm', 'fresh', 'edit'] as const) {
      for (const subject of subjects) {
        const file = path.join(dir, `${subject === subjects[0] ? 'base' : 'current'}-${scenario}.cpuprofile`);
        const { profile } = runProbe(subject, scenario, [...rounds, '--cpu-prof', file], reactMode);
        gc.set(`${subject.name} ${scenario}`, profile!.gcShare);
        printProfile(`${subject.name}, ${scenario}`, profile!, 15);
      }
    }
    console.log('\n  garbage collection share:');
    for (const scenario of ['warm', 'fresh', 'edit']) {
      const was = gc.get(`${subjects[0].name} ${scenario}`)!;
      const now = gc.get(`${subjects[1].name} ${scenario}`)!;
      const target = scenario === 'warm' ? `; target for warm: at most ${pct(WARM_GC_SHARE_BOUND)}, ${now <= WARM_GC_SHARE_BOUND ? 'met' : 'NOT met'}` : '';
      console.log(`    ${scenario.padEnd(6)} ${pct(was)} -> ${pct(now)} (${(now / was).toFixed(2)}x${target})`);
    }
  }
  rmSync(sameText, { recursive: true, force: true });
}

/**
 * `npm run bench -- deflate`: for each zlib level, the A5 PDF's size and the CPU time to
 * compress all its streams (the only part of a render the level changes), timed in this
 * process over many repetitions so that load on the machine moves it little.
 */
export async function benchDeflate(): Promise<void> {
  const { loadBrand } = await import('../../src/load/brand.ts');
  const { loadLocales } = await import('../../src/load/locales.ts');
  const { loadLeafletSources } = await import('../../src/load/content.ts');
  const { loadTemplates } = await import('../../src/compile/templates.ts');
  const { compileLeaflet } = await import('../../src/compile/compileLeaflet.ts');
  const { createFontStore } = await import('../../src/render/fonts.ts');
  const { EDITIONS } = await import('../../src/render/editions.ts');
  const { layoutLeaflet, leafletDocumentInfo } = await import('../../src/render/renderLeaflet.tsx');
  const { collectPdf, createPdfDocument } = await import('../../src/render/pdfDocument.ts');
  const { renderTagged } = await import('../../src/render/tagging/taggedRender.ts');
  const { DEFLATE_LEVEL } = await import('../../src/render/perf/pdfkitFastPaths.ts');
  const { deflateSync } = await import('node:zlib');

  const brand = (await loadBrand(REPO)).brand!;
  const { i18n } = await loadLocales(REPO);
  const source = (await loadLeafletSources(REPO)).sources.find((s) => s.id === 'jak-inhibitors' && s.locale === 'en-GB')!;
  const { leaflet } = compileLeaflet({ root: REPO, source, brand, i18n, templates: loadTemplates(REPO) });
  const input = { leaflet: leaflet!, brand, edition: EDITIONS.a5, fontStore: createFontStore(brand), leafletUrl: 'https://www.alopecia.org.uk/' };
  const layout = await layoutLeaflet(input);
  const draw = async (deflateLevel: number, onStream?: (bytes: Uint8Array) => void) => {
    const doc = createPdfDocument(leafletDocumentInfo(input), true, { deflateLevel, ...(onStream ? { onStream } : {}) });
    const bytes = collectPdf(doc);
    renderTagged(doc, layout);
    doc.end();
    return (await bytes).length;
  };
  const streams: Uint8Array[] = [];
  await draw(DEFLATE_LEVEL, (bytes) => streams.push(bytes));
  const raw = streams.reduce((sum, s) => sum + s.length, 0);
  console.log(`A5 jak-inhibitors: ${streams.length} streams, ${raw} bytes before compression (current level: ${DEFLATE_LEVEL})`);
  console.log('zlib level   PDF bytes   vs level 6   compress all streams, ms CPU (median, 25th-75th of 40)');
  const rows: Array<{ level: number; bytes: number; times: number[] }> = [];
  for (let level = 0; level <= 9; level += 1) {
    const bytes = await draw(level);
    const times: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const start = process.cpuUsage();
      for (const stream of streams) deflateSync(stream, { level });
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    rows.push({ level, bytes, times });
  }
  const six = rows.find((row) => row.level === 6)!;
  for (const row of rows) {
    console.log(`${String(row.level).padStart(10)}   ${String(row.bytes).padStart(9)}   ${`${((row.bytes / six.bytes - 1) * 100).toFixed(1)}%`.padStart(10)}   ${spread(row.times)}`);
  }
}
