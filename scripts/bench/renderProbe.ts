/**
 * Times one leaflet's A5 render, split into compile, layout and draw, in a checkout of this
 * project given by `--root` (this one, or the commit the render bench compares against).
 * It imports only that checkout's own modules, so the same probe measures both alike. The
 * leaflet, brand, templates and strings come from `--project` (default: the checkout itself),
 * so one checkout's code can render another's text.
 * Prints one JSON object on its last line of output.
 *
 *   node bin/run-ts.js scripts/bench/renderProbe.ts --root DIR [--project DIR] --scenario warm|fresh|cold|edit
 *        [--rounds N] [--warmup N] [--cpu-prof FILE] [--deflate-level N] [--after-collection]
 *        [--paired-typst [--typst-scope leaflet|body]]
 *
 * Scenarios: `warm` renders the same leaflet again and again; `fresh` empties the render caches
 * keyed by content (text layout, galley blocks, pages, styles, font subsets, compressed page streams, drawn text) before each render (loaded fonts and their
 * shaping caches, images pdfkit has read, and everything else a process keeps, stay warm); `cold` also empties
 * the Markdown memo; `edit` changes one paragraph before each render, caches warm.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { summarizeProfile, type CpuProfile } from './profile.ts';
import type { Timing } from './renderTiming.ts';
import type { TypstMode, TypstRun } from './typstLeaflet.ts';

const { values: args } = parseArgs({
  options: {
    root: { type: 'string' },
    project: { type: 'string' },
    scenario: { type: 'string', default: 'warm' },
    leaflet: { type: 'string', default: 'jak-inhibitors' },
    rounds: { type: 'string', default: '24' },
    warmup: { type: 'string', default: '6' },
    'cpu-prof': { type: 'string' },
    'deflate-level': { type: 'string' },
    /** Each timed render follows a full collection (and is followed by untimed renders that warm up again). */
    'after-collection': { type: 'boolean', default: false },
    /**
     * Each timed render is followed by Typst's render of the same text in this process
     * (typstLeaflet.ts; un-memoized for fresh and cold), so that both meet the same machine:
     * on a shared machine, Typst timed minutes apart in a process of its own measured 14.7-34.1 ms.
     */
    'paired-typst': { type: 'boolean', default: false },
    /** What the paired Typst render typesets: the whole leaflet as the A5 edition prints it, or its body text alone. */
    'typst-scope': { type: 'string', default: 'leaflet' },
  },
});
const root = path.resolve(args.root ?? process.cwd());
const project = path.resolve(args.project ?? root);
const scenario = args.scenario as 'warm' | 'fresh' | 'cold' | 'edit';
const draw = args['deflate-level'] === undefined ? {} : { deflateLevel: Number(args['deflate-level']) };
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);

const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(root, file)).href)) as T;
/** A module this checkout may not have (the caches are newer than the baseline). */
const loadOptional = async <T>(file: string): Promise<T | undefined> => load<T>(file).catch(() => undefined);

type Source = { id: string; locale: string; body: string; frontMatter?: unknown };
const { loadBrand } = await load<typeof import('../../src/load/brand.ts')>('src/load/brand.ts');
const { loadLocales } = await load<typeof import('../../src/load/locales.ts')>('src/load/locales.ts');
const { loadLeafletSources } = await load<typeof import('../../src/load/content.ts')>('src/load/content.ts');
const { loadTemplates } = await load<typeof import('../../src/compile/templates.ts')>('src/compile/templates.ts');
const { compileLeaflet } = await load<typeof import('../../src/compile/compileLeaflet.ts')>('src/compile/compileLeaflet.ts');
const { createFontStore } = await load<typeof import('../../src/render/fonts.ts')>('src/render/fonts.ts');
const { EDITIONS } = await load<typeof import('../../src/render/editions.ts')>('src/render/editions.ts');
const { leafletUrl } = await load<typeof import('../../src/build/leafletUrl.ts')>('src/build/leafletUrl.ts');
const { layoutLeaflet, leafletDocumentInfo } = await load<typeof import('../../src/render/renderLeaflet.tsx')>('src/render/renderLeaflet.tsx');
const { createPdfDocument, collectPdf } = await load<typeof import('../../src/render/pdfDocument.ts')>('src/render/pdfDocument.ts');
const { renderTagged } = await load<typeof import('../../src/render/tagging/taggedRender.ts')>('src/render/tagging/taggedRender.ts');
const caches = await loadOptional<{ clearRenderCaches(): void }>('src/render/perf/caches.ts');
const markdown = await load<{ clearMarkdownMemo?: () => void }>('src/compile/markdown.ts');

const brand = (await loadBrand(project)).brand!;
const { i18n } = await loadLocales(project);
const sources = (await loadLeafletSources(project)).sources as Source[];
const templates = loadTemplates(project);
const fontStore = createFontStore(brand);
const found = sources.find((s) => s.id === args.leaflet && s.locale === 'en-GB');
if (!found) throw new Error(`No en-GB leaflet ${args.leaflet} in ${project}`);
const source: Source = found;

/** Typst's render of the same text and case (`--paired-typst`). */
const typstMode: TypstMode = scenario === 'warm' ? 'warm' : scenario === 'edit' ? 'edit' : 'fresh';
const typst = args['paired-typst'] ? await typstOfSource() : undefined;
/** Loaded only when asked: it is this checkout's module, and a probe of another checkout imports none of this one's. */
async function typstOfSource() {
  const { typstLeaflet, typstScope } = await import('./typstLeaflet.ts');
  const { leaflet } = compileLeaflet({ root: project, source: source as never, brand, i18n, templates });
  if (!leaflet) throw new Error('compile failed');
  return typstLeaflet(leaflet, brand as never, typstScope(args['typst-scope']));
}

/**
 * The source with one paragraph changed, differently each time, so that paragraph is new
 * text to the caches while every other one is as before.
 */
const editedParagraph = source.body.split('\n').findIndex((line) => /^[A-Z][^|]{60,}$/.test(line));
const withEdit = (n: number): Source => {
  const lines = source.body.split('\n');
  lines[editedParagraph] = `${lines[editedParagraph]} This sentence is edit number ${n}.`;
  return { ...source, body: lines.join('\n') };
};


const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function renderOnce(leafletSource: Source): Promise<Timing> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const { leaflet } = compileLeaflet({ root: project, source: leafletSource as never, brand, i18n, templates });
  if (!leaflet) throw new Error('compile failed');
  const t1 = performance.now();
  const c1 = cpuMs();
  const input = { leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: leafletUrl(brand, leaflet.locale, leaflet.id) };
  const layout = await layoutLeaflet(input);
  const t2 = performance.now();
  const c2 = cpuMs();
  const doc = (createPdfDocument as (...args: unknown[]) => ReturnType<typeof createPdfDocument>)(leafletDocumentInfo(input), true, draw);
  const bytes = collectPdf(doc);
  renderTagged(doc, layout);
  doc.end();
  const size = (await bytes).length;
  const t3 = performance.now();
  const c3 = cpuMs();
  const cpu = { compile: c1 - c0, layout: c2 - c1, draw: c3 - c2, total: c3 - c0 };
  return { compile: t1 - t0, layout: t2 - t1, draw: t3 - t2, total: t3 - t0, cpu, bytes: size };
}

let edits = 0;
async function scenarioRender(): Promise<Timing> {
  if (scenario === 'fresh' || scenario === 'cold') caches?.clearRenderCaches();
  if (scenario === 'cold') markdown.clearMarkdownMemo?.();
  if (scenario === 'edit') {
    // The previous edit is in the caches; this one is new. Other paragraphs stay warm.
    edits += 1;
    return renderOnce(withEdit(edits));
  }
  return renderOnce(source);
}

/** A full collection (the probe runs with --expose-gc). */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** Lets V8's helper threads finish what a render left them before the other typesetter starts. */
const PAUSE_MS = 30;
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
/** One Typst render after each of ours, each followed by a pause; CPU time counts each one's pause with it. */
export interface Pair {
  typst: TypstRun;
  /** Process CPU time over our render and the pause after it (V8's helper threads included). */
  oursCpuSpan: number;
  typstCpuSpan: number;
}
async function pairedRender(): Promise<{ timing: Timing; pair: Pair }> {
  const c0 = cpuMs();
  const timing = await scenarioRender();
  await pause();
  const c1 = cpuMs();
  const run = typst!.render(typstMode);
  await pause();
  return { timing, pair: { typst: run, oursCpuSpan: c1 - c0, typstCpuSpan: cpuMs() - c1 } };
}
const warmRender = () => (typst ? pairedRender() : scenarioRender());

for (let i = 0; i < WARMUP; i += 1) await warmRender();
// Warm-up leaves garbage of its own; start every scenario from the same heap.
collectGarbage();
// That full collection also throws away the optimized code that referred to objects it freed
// (src/render/perf/keptShapes.ts): warm up again (V8 compiles it again within about a dozen
// renders), so the timed renders run warm code as the warm process does.
for (let i = 0; i < Math.ceil(WARMUP / 2); i += 1) await warmRender();

let session: Session | undefined;
if (args['cpu-prof']) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const timings: Timing[] = [];
const pairs: Pair[] = [];
for (let i = 0; i < ROUNDS; i += 1) {
  if (args['after-collection']) collectGarbage();
  if (typst) {
    const { timing, pair } = await pairedRender();
    timings.push(timing);
    pairs.push(pair);
  } else timings.push(await scenarioRender());
  if (args['after-collection']) for (let again = 0; again < 8; again += 1) await scenarioRender();
}
let profile: ReturnType<typeof summarizeProfile> | undefined;
if (session && args['cpu-prof']) {
  const { profile: raw } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  writeFileSync(args['cpu-prof'], JSON.stringify(raw));
  profile = summarizeProfile(raw, root);
  session.disconnect();
}
/** Which React build rendered: each checkout's entry point decides, unless NODE_ENV was set. */
const reactBuild = Object.entries(createRequire(import.meta.url).cache).some(([file, module]) => /react[\\/]cjs[\\/]react\.production/.test(file) && module?.loaded)
  ? 'production'
  : 'development';
console.log(JSON.stringify({ root, project, scenario, cached: caches !== undefined, reactBuild, timings, profile, ...(typst ? { typstWords: typst.words, pauseMs: PAUSE_MS, pairs } : {}) }));
