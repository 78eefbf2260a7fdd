import path from 'node:path';
import { Option, type Command } from 'commander';
import { buildProject } from '../build/buildProject.ts';
import { DEFAULT_EDITIONS, EDITION_IDS, type EditionId } from '../render/editions.ts';
import { printBuildReport, printOutputLine } from './reporter.ts';

interface BuildFlags {
  locale?: string[];
  leaflet?: string[];
  out: string;
  pageSize?: 'a5' | 'a4';
  edition?: EditionId[];
  strict?: boolean;
  json?: boolean;
}

export function registerBuildCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('build')
    .description('Build every leaflet in every locale (or a selection) into PDFs.')
    .option('--locale <locale...>', 'only these locales, e.g. en-GB cy')
    .option('--leaflet <id...>', 'only these leaflets, e.g. support')
    .option('--out <dir>', 'output folder', 'output')
    .addOption(new Option('--page-size <size>', 'build only the standard edition at this size').choices(['a5', 'a4']))
    .addOption(new Option('--edition <edition...>', `editions to build (default: ${DEFAULT_EDITIONS.join(', ')})`).choices([...EDITION_IDS]))
    .option('--strict', 'treat missing translations, stale translations and weak link text as errors')
    .option('--json', 'print the build report as JSON on stdout')
    .action(async (flags: BuildFlags, command: Command) => {
      const root = path.resolve(command.parent?.opts().root ?? process.cwd());
      const editions = flags.edition ?? (flags.pageSize ? [flags.pageSize] : [...DEFAULT_EDITIONS]);
      const report = await buildProject({
        root,
        outDir: path.resolve(root, flags.out),
        locales: flags.locale,
        leaflets: flags.leaflet,
        editions,
        strict: Boolean(flags.strict),
        onOutput: flags.json ? undefined : (result) => printOutputLine(result),
      });
      if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printBuildReport(report);
      setExitCode(report.ok ? 0 : 1);
    });
}
