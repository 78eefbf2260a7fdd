import path from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_EDITIONS, EDITION_IDS, type EditionId } from '../render/editions.ts';
import { printBuildReport, printOutputLine } from './reporter.ts';
import { checkSelection } from './selectionCheck.ts';

interface BuildFlags {
  locale?: string[];
  leaflet?: string[];
  out: string;
  preview: string;
  pageSize?: 'a5' | 'a4';
  edition?: EditionId[];
  strict?: boolean;
  json?: boolean;
  jobs?: string;
  shard?: string;
  cache: boolean;
}

export function registerBuildCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('build')
    .description('Build every leaflet in every locale (or a selection) into PDFs; unchanged outputs are not rendered again.')
    .option('--locale <locale...>', 'only these locales, e.g. en-GB cy')
    .option('--leaflet <id...>', 'only these leaflets, e.g. support')
    .option('--out <dir>', 'output folder', 'output')
    .option('--preview <dir>', 'folder for pseudo-locale builds (--locale en-XA), never inside the output folder', 'preview')
    .addOption(new Option('--page-size <size>', 'build only the standard edition at this size').choices(['a5', 'a4']))
    .addOption(new Option('--edition <edition...>', `editions to build (default: ${DEFAULT_EDITIONS.join(', ')})`).choices([...EDITION_IDS]))
    .option('--strict', 'treat missing translations, stale translations and weak link text as errors')
    .option('--json', 'print the build report as JSON on stdout')
    .option('--jobs <n>', 'render threads (default: one per two cores, or LEAFLETS_JOBS; 1 renders in the main thread)')
    .option('--shard <i/n>', 'build only shard i of n (for a CI matrix; combine the folders with `leaflets merge`)')
    .option('--no-cache', 'neither use nor fill the output cache (.cache/leaflets)')
    .action(async (flags: BuildFlags, command: Command) => {
      const globals = command.parent?.opts() ?? {};
      const root = path.resolve(globals.root ?? process.cwd());
      const editions = flags.edition ?? (flags.pageSize ? [flags.pageSize] : [...DEFAULT_EDITIONS]);
      const { parseShard } = await import('../build/shards.ts');
      const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
      const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
      const usage = (message: string) => {
        console.error(`leaflets: ${message}`);
        setExitCode(2);
      };
      if (flags.shard !== undefined && !shard) return usage(`--shard must be i/n with 1 <= i <= n, e.g. 1/4 (got "${flags.shard}")`);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) return usage(`--jobs must be a whole number of at least 1 (got "${flags.jobs}")`);
      const problem = await checkSelection(root, { locales: flags.locale, leaflets: flags.leaflet });
      if (problem) return usage(problem);

      const { buildProject } = await import('../build/buildProject.ts');
      const report = await buildProject({
        root,
        outDir: path.resolve(root, flags.out),
        previewDir: path.resolve(root, flags.preview),
        locales: flags.locale,
        leaflets: flags.leaflet,
        editions,
        strict: Boolean(flags.strict),
        cache: flags.cache,
        ...(jobs === undefined ? {} : { jobs }),
        ...(shard ? { shard } : {}),
        onOutput: flags.json ? undefined : (result) => printOutputLine(result),
      });
      if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printBuildReport(report, undefined, { verbose: globals.verbose === true });
      setExitCode(report.ok ? 0 : 1);
    });
}
