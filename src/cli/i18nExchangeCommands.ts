import path from 'node:path';
import { Option, type Command } from 'commander';
import { formatDiagnostic } from '../diagnostics/format.ts';
import type { ExchangeFormat } from '../i18n/exchange/exchange.ts';
import { UnsafePathError } from '../i18n/projectPath.ts';

type RootOf = (command: Command) => string;

/** Runs a translator's command; a refused locale name or path is one clear line and exit 1, never a crash. */
async function guarded(setExitCode: (code: number) => void, run: () => Promise<boolean>): Promise<void> {
  try {
    setExitCode((await run()) ? 0 : 1);
  } catch (error) {
    if (!(error instanceof UnsafePathError)) throw error;
    console.error(`error  ${error.message}`);
    setExitCode(1);
  }
}

/** `leaflets i18n add | export | import`: starting a language, and XLIFF 2.0 and PO files for CAT tools. */
export function registerExchangeCommands(i18n: Command, rootOf: RootOf, setExitCode: (code: number) => void): void {
  i18n
    .command('add')
    .description('Start a translation: copy the English strings and leaflets (status: draft) and check the fonts have its letters.')
    .argument('<locale>', 'a language tag, e.g. pl or pt-BR')
    .action(async (locale: string, _flags: unknown, command: Command) => {
      await guarded(setExitCode, async () => {
        const { addLocale } = await import('../i18n/addLocale.ts');
        const result = await addLocale(rootOf(command), locale);
        for (const file of result.created) console.log(`created  ${file}`);
        for (const file of result.kept) console.log(`kept     ${file}  (already there)`);
        for (const d of result.diagnostics) console.log(formatDiagnostic(d));
        console.log(`\n${result.language} (${result.locale}): translate the values in locales/${result.locale}/ and the text in content/${result.locale}/,`);
        console.log(`or send a CAT tool the files of: leaflets i18n export ${result.locale} --format xliff`);
        return !result.diagnostics.some((d) => d.severity === 'error');
      });
    });

  i18n
    .command('export')
    .description('Write XLIFF 2.0 or PO files for a CAT tool: one per leaflet, one for the strings.')
    .argument('<locale>', 'the translation, e.g. cy')
    .addOption(new Option('--format <format>', 'file format').choices(['xliff', 'po']).default('xliff'))
    .option('--out <dir>', 'folder to write to (default output/translations/<locale>)')
    .option('--leaflet <id...>', 'only these leaflets (the strings file is always written)')
    .action(async (locale: string, flags: { format: ExchangeFormat; out?: string; leaflet?: string[] }, command: Command) => {
      await guarded(setExitCode, async () => {
        const { exportTranslations } = await import('../i18n/exchange/exchange.ts');
        const result = await exportTranslations(rootOf(command), locale, { format: flags.format, ...(flags.out ? { outDir: flags.out } : {}), ...(flags.leaflet ? { leaflets: flags.leaflet } : {}) });
        for (const file of result.files) console.log(`written  ${path.relative(process.cwd(), file) || file}`);
        for (const d of result.diagnostics) console.log(formatDiagnostic(d));
        return !result.diagnostics.some((d) => d.severity === 'error');
      });
    });

  i18n
    .command('import')
    .description('Write the translations of XLIFF or PO files back into locales/ and content/ (placeholders and structure checked).')
    .argument('<file...>', 'files from `leaflets i18n export`, translated')
    .action(async (files: string[], _flags: unknown, command: Command) => {
      await guarded(setExitCode, async () => {
        const { importTranslations } = await import('../i18n/exchange/exchange.ts');
        let ok = true;
        for (const file of files) {
          const { results, diagnostics } = await importTranslations(rootOf(command), path.resolve(file));
          for (const result of results) {
            const detail = result.status === 'written' ? `  (${result.changedUnits} piece${result.changedUnits === 1 ? '' : 's'} changed)` : '';
            console.log(`${result.status.padEnd(9)}  ${result.file}${detail}`);
          }
          for (const d of diagnostics) console.log(formatDiagnostic(d));
          if (diagnostics.some((d) => d.severity === 'error')) ok = false;
        }
        return ok;
      });
    });
}
