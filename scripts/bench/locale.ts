import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildProject } from '../../src/build/buildProject.ts';
import { i18nCheck } from '../../src/i18n/check.ts';
import { largeLocaleText } from './largeLocale.ts';
import { formatMs, median } from './stats.ts';

const REPO = process.cwd();
const ROUNDS = Number(process.env.LOCALE_BENCH_ROUNDS ?? 7);

/**
 * A copy of the project with one leaflet and a Polish locale whose common.json is a 500 KB,
 * nine-level resource file (see largeLocale.ts); Welsh, with the project's own small files,
 * is the control. Polish text is the Welsh leaflet copied: what is measured is the strings.
 */
function projectWithLargeLocale(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'leaflets-bench-locale-'));
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  cpSync(path.join(REPO, 'locales'), path.join(root, 'locales'), { recursive: true });
  for (const locale of ['en-GB', 'cy']) {
    mkdirSync(path.join(root, 'content', locale), { recursive: true });
    cpSync(path.join(REPO, 'content', locale, 'support.md'), path.join(root, 'content', locale, 'support.md'));
  }
  mkdirSync(path.join(root, 'content/pl'), { recursive: true });
  cpSync(path.join(REPO, 'content/cy/support.md'), path.join(root, 'content/pl/support.md'));
  cpSync(path.join(REPO, 'locales/cy'), path.join(root, 'locales/pl'), { recursive: true });
  writeFileSync(path.join(root, 'locales/pl/common.json'), largeLocaleText());
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const spread = (values: number[]) => `median ${formatMs(median(values))}, range ${formatMs(Math.min(...values))}-${formatMs(Math.max(...values))}`;

/**
 * `i18n check` and a one-leaflet A5 build of a locale with a 500 KB strings file, against the
 * same for Welsh, alternating in one process (the first round warms fonts and caches and is not
 * counted). Target: each within 5 s, and the large file adds at most a second to a build.
 */
export async function benchLargeLocale(): Promise<void> {
  const root = projectWithLargeLocale();
  const outDir = path.join(root, 'output');
  const times: Record<string, number[]> = { 'check cy': [], 'check pl': [], 'build cy': [], 'build pl': [] };
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (const locale of ['cy', 'pl']) {
      const check = await timed(() => i18nCheck(root, { locales: [locale] }));
      const build = await timed(() =>
        buildProject({ root, outDir, locales: [locale], leaflets: ['support'], editions: ['a5'], strict: false, writeSite: false, measureReadingEase: false }),
      );
      if (round === 0) continue;
      times[`check ${locale}`]!.push(check);
      times[`build ${locale}`]!.push(build);
    }
  }
  rmSync(root, { recursive: true, force: true });
  for (const [name, values] of Object.entries(times)) console.log(`${name.padEnd(9)} ${spread(values)}`);
  const added = (step: string) => times[`${step} pl`]!.map((value, index) => value - times[`${step} cy`]![index]!);
  console.log(`500 KB locale adds to i18n check: ${spread(added('check'))} (target: total within 5 s)`);
  console.log(`500 KB locale adds to a one-leaflet build: ${spread(added('build'))} (target: at most 1 s)`);
}
