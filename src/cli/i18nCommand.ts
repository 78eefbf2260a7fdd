import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic } from '../diagnostics/format.ts';
import { registerExchangeCommands } from './i18nExchangeCommands.ts';

const rootOf = (command: Command): string => path.resolve(command.parent?.parent?.opts().root ?? process.cwd());
const writeJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** `leaflets i18n status | check | add | export | import | mark-translated`: the translator's commands. */
export function registerI18nCommand(program: Command, setExitCode: (code: number) => void): void {
  const i18n = program.command('i18n').description('Translation status, checks and bookkeeping.');

  i18n
    .command('status')
    .description('Per locale: UI strings translated, missing and extra; each leaflet reviewed, draft, stale or missing.')
    .option('--locale <locale...>', 'only these locales')
    .option('--json', 'print the status as JSON')
    .option('--no-diff', 'do not show what changed in the English of stale leaflets')
    .option('--strict', 'exit 1 when a translation is stale or anything is missing')
    .action(async (flags: { locale?: string[]; json?: boolean; diff: boolean; strict?: boolean }, command: Command) => {
      const { i18nStatus, statusHasGaps } = await import('../i18n/status.ts');
      const { printStatus } = await import('../i18n/statusReport.ts');
      const status = await i18nStatus(rootOf(command), { ...(flags.locale ? { locales: flags.locale } : {}), diff: flags.diff });
      if (flags.json) writeJson(status);
      else printStatus(status);
      const broken = status.diagnostics.some((d) => d.severity === 'error');
      setExitCode(broken || (flags.strict && statusHasGaps(status)) ? 1 : 0);
    });

  i18n
    .command('check')
    .description('Placeholders, $t() nesting, plural forms (CLDR), JSON syntax and Handlebars in translations.')
    .option('--locale <locale...>', 'only these locales')
    .option('--json', 'print the findings as JSON')
    .action(async (flags: { locale?: string[]; json?: boolean }, command: Command) => {
      const { i18nCheck } = await import('../i18n/check.ts');
      const report = await i18nCheck(rootOf(command), flags.locale ? { locales: flags.locale } : {});
      if (flags.json) writeJson(report);
      else {
        for (const d of report.diagnostics) console.log(formatDiagnostic(d));
        const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = report.diagnostics.length - errors;
        console.log(`${report.ok ? 'OK' : 'FAILED'}: ${report.locales.join(', ')}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
      }
      setExitCode(report.ok ? 0 : 1);
    });

  registerExchangeCommands(i18n, rootOf, setExitCode);

  i18n
    .command('mark-translated')
    .description('Record that a translation now matches the current English (writes translation.sourceHash and sourceVersion).')
    .argument('<locale>', 'the translation\'s locale, e.g. cy')
    .argument('<id...>', 'leaflet ids, e.g. support')
    .option('--reviewed', 'also set translation.status to reviewed (checked by a qualified translator)')
    .action(async (locale: string, ids: string[], flags: { reviewed?: boolean }, command: Command) => {
      const { markTranslated } = await import('../i18n/markTranslated.ts');
      let failed = false;
      for (const id of ids) {
        const result = await markTranslated({ root: rootOf(command), locale, id, ...(flags.reviewed ? { status: 'reviewed' as const } : {}) });
        for (const d of result.diagnostics) console.log(formatDiagnostic(d));
        if (result.diagnostics.length > 0) failed = true;
        else console.log(`${result.changed ? 'updated  ' : 'unchanged'}  ${result.file}  (source ${result.sourceVersion}, ${result.sourceHash})`);
      }
      setExitCode(failed ? 1 : 0);
    });
}
