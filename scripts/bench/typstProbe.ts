/**
 * The leaflet text typeset by Typst alone (typstLeaflet.ts), in a process of its own; prints one
 * JSON object on its last line. The render probe's `--paired-typst` alternates the same Typst
 * render with this checkout's in one process, which the render bench uses.
 *
 *   node bin/run-ts.js scripts/bench/typstProbe.ts [--project DIR] [--rounds N] [--warmup N] [--modes fresh,warm,edit]
 *        [--scope leaflet|body] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import { loadTemplates } from '../../src/compile/templates.ts';
import { loadBrand } from '../../src/load/brand.ts';
import { loadLeafletSources } from '../../src/load/content.ts';
import { loadLocales } from '../../src/load/locales.ts';
import { typstLeaflet, typstScope, type TypstMode, type TypstRun } from './typstLeaflet.ts';

const { values: args } = parseArgs({
  options: {
    leaflet: { type: 'string', default: 'jak-inhibitors' },
    /** Where the leaflet text, brand and strings come from (default: this checkout). */
    project: { type: 'string' },
    rounds: { type: 'string', default: '24' },
    warmup: { type: 'string', default: '6' },
    /** Which of Typst's cases to time, comma-separated (fresh: un-memoized; warm; edit). */
    modes: { type: 'string', default: 'fresh,warm,edit' },
    /** The whole leaflet as the A5 edition prints it, or its body text alone (typstLeaflet.ts). */
    scope: { type: 'string', default: 'leaflet' },
    /** Also writes the Typst source and its PDF here (FILE.typ, FILE.pdf), to look at. */
    out: { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const root = args.project ?? process.cwd();

const brand = (await loadBrand(root)).brand!;
const { i18n } = await loadLocales(root);
const { sources } = await loadLeafletSources(root);
const source = sources.find((s) => s.id === args.leaflet && s.locale === 'en-GB')!;
const { leaflet } = compileLeaflet({ root, source, brand, i18n, templates: loadTemplates(root) });
if (!leaflet) throw new Error('compile failed');
const typst = typstLeaflet(leaflet, brand, typstScope(args.scope));

if (args.out) {
  writeFileSync(`${args.out}.typ`, typst.source);
  writeFileSync(`${args.out}.pdf`, typst.pdf());
}

const results: Record<string, TypstRun[]> = {};
for (const mode of args.modes!.split(',') as TypstMode[]) {
  for (let i = 0; i < WARMUP; i += 1) typst.render(mode);
  results[mode] = Array.from({ length: ROUNDS }, () => typst.render(mode));
}
console.log(JSON.stringify({ words: typst.words, results }));
