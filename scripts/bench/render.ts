import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ProfileSummary } from './profile.ts';
import type { Timing } from './renderTiming.ts';
import { median, percentile } from './stats.ts';

/**
 * `npm run bench -- render [--cpu-prof] [--baseline DIR] [--repeats N] [--rounds N]`
 *
 * The warm A5 render of content/en-GB/jak-inhibitors.md, split into compile, layout and draw,
 * in this checkout and in the commit before the render speed work (BASE_COMMIT), run in turn
 * in the same run so load on the machine hits both alike; and the same text typeset by Typst.
 * Each probe process (renderProbe.ts) warms up, then times `--rounds` renders; `--repeats`
 * processes per checkout and scenario, interleaved. Figures are medians with the middle half
 * (25th-75th percentile) as spread, in wall time and in CPU time (CPU time moves less when
 * other processes share the machine).
 */
const BASE_COMMIT = '1f37e8d';
const REPO = process.cwd();
const PROBE = path.join(REPO, 'scripts/bench/renderProbe.ts');
const TYPST_PROBE = path.join(REPO, 'scripts/bench/typstProbe.ts');
const SCENARIOS = ['warm', 'fresh', 'cold', 'edit'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** What each scenario must show against the base commit (issue: render speed). */
const TARGETS: Partial<Record<Scenario, number>> = { fresh: 0.5, edit: 0.2 };

interface ProbeResult {
  timings: Timing[];
  profile?: ProfileSummary;
}

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

function runProbe(root: string, scenario: Scenario, extra: string[]): ProbeResult {
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'bin/run-ts.js'), PROBE, '--root', root, '--scenario', scenario, ...extra], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !last.startsWith('{')) throw new Error(`render probe failed in ${root} (${scenario}):\n${result.stderr}`);
  return JSON.parse(last) as ProbeResult;
}

const spread = (values: number[]) => `${median(values).toFixed(1)} (${percentile(values, 25).toFixed(1)}-${percentile(values, 75).toFixed(1)})`;
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
      'cpu-prof': { type: 'boolean', default: false },
      typst: { type: 'boolean', default: true },
    },
  });
  const base = baselineCheckout(options.baseline as string | undefined);
  const subjects = [
    { name: `base ${BASE_COMMIT}`, root: base },
    { name: 'this checkout', root: REPO },
  ];
  const rounds = ['--rounds', String(options.rounds)];
  const results = new Map<string, Timing[]>();
  const typst: Record<string, number[]> = { fresh: [], warm: [], edit: [] };
  let typstWords = 0;
  const repeats = Number(options.repeats);
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    process.stdout.write(`round ${repeat}/${repeats}:`);
    for (const scenario of SCENARIOS) {
      for (const subject of subjects) {
        const key = `${subject.name}\u0000${scenario}`;
        results.set(key, [...(results.get(key) ?? []), ...runProbe(subject.root, scenario, rounds).timings]);
        process.stdout.write(` ${scenario}`);
      }
    }
    if (options.typst) {
      const run = spawnSync(process.execPath, [path.join(REPO, 'bin/run-ts.js'), TYPST_PROBE, ...rounds], { cwd: REPO, encoding: 'utf8' });
      const parsed = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { words: number; results: Record<string, Array<{ ms: number }>> };
      typstWords = parsed.words;
      for (const mode of Object.keys(typst)) typst[mode]!.push(...(parsed.results[mode] ?? []).map((r) => r.ms));
      process.stdout.write(' typst');
    }
    process.stdout.write('\n');
  }

  console.log(`\nA5 render of content/en-GB/jak-inhibitors.md, ms: median (25th-75th percentile) of ${repeats} x ${options.rounds} renders`);
  console.log('scenario  checkout            compile            layout              draw                total (wall)        total (CPU)         PDF bytes');
  const baseTotals = new Map<Scenario, { wall: number; cpu: number; bytes: number }>();
  for (const scenario of SCENARIOS) {
    for (const subject of subjects) {
      const timings = results.get(`${subject.name}\u0000${scenario}`)!;
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
      if (subject.root === base) baseTotals.set(scenario, { wall, cpu, bytes });
      else {
        const was = baseTotals.get(scenario)!;
        const target = TARGETS[scenario];
        note = `  ${(bytes / was.bytes).toFixed(3)}x bytes; time ${(wall / was.wall).toFixed(2)}x wall, ${(cpu / was.cpu).toFixed(2)}x CPU`;
        if (target !== undefined) note += ` (target <= ${target}x: ${cpu / was.cpu <= target ? 'met' : 'NOT met'} on CPU time)`;
      }
      console.log(`${scenario.padEnd(9)} ${subject.name.padEnd(19)} ${cells.join(' ')} ${String(bytes).padStart(6)}${note}`);
    }
  }
  console.log('  warm: the same leaflet again; fresh: text layout memo emptied before each render; cold: Markdown memo too; edit: one paragraph changed before each render.');
  if (options.typst) {
    console.log(`\nTypst (typst-ts-node-compiler, same body text: ${typstWords} words; compile, layout and PDF export), ms:`);
    console.log(`  un-memoized (cache evicted before each): ${spread(typst.fresh!)}; memoized, same text: ${spread(typst.warm!)}; memoized, one paragraph edited: ${spread(typst.edit!)}`);
    const ours = (scenario: Scenario) => median(results.get(`this checkout\u0000${scenario}`)!.map((t) => t.total));
    console.log(`  this checkout / Typst: fresh ${(ours('fresh') / median(typst.fresh!)).toFixed(1)}x, warm ${(ours('warm') / median(typst.warm!)).toFixed(1)}x, edit ${(ours('edit') / median(typst.edit!)).toFixed(1)}x (wall)`);
  }

  if (options['cpu-prof']) {
    const dir = mkdtempSync(path.join(tmpdir(), 'leaflets-render-prof-'));
    console.log(`\nCPU profiles (V8, 200 us sampling, ${options.rounds} renders each; .cpuprofile files in ${dir}):`);
    const gc = new Map<string, number>();
    for (const scenario of ['warm', 'fresh', 'edit'] as const) {
      for (const subject of subjects) {
        const file = path.join(dir, `${subject.root === base ? 'base' : 'current'}-${scenario}.cpuprofile`);
        const { profile } = runProbe(subject.root, scenario, [...rounds, '--cpu-prof', file]);
        gc.set(`${subject.name} ${scenario}`, profile!.gcShare);
        printProfile(`${subject.name}, ${scenario}`, profile!, 15);
      }
    }
    console.log('\n  garbage collection share:');
    for (const scenario of ['warm', 'fresh', 'edit']) {
      const was = gc.get(`${subjects[0]!.name} ${scenario}`)!;
      const now = gc.get(`${subjects[1]!.name} ${scenario}`)!;
      console.log(`    ${scenario.padEnd(6)} ${pct(was)} -> ${pct(now)} (${(now / was).toFixed(2)}x; target <= 0.5x)`);
    }
  }
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
