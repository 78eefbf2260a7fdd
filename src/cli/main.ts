import { Command, CommanderError } from 'commander';
import { registerBuildCommand } from './buildCommand.ts';
import { registerI18nCommand } from './i18nCommand.ts';
import { registerWatchCommand } from './watchCommand.ts';

/** Entry point of the `leaflets` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('leaflets')
    .description('Build branded, accessible, printable PDF leaflets from Markdown and localized strings.')
    .option('--root <dir>', 'project folder', process.cwd())
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  registerBuildCommand(program, setExitCode);
  registerI18nCommand(program, setExitCode);
  registerWatchCommand(program, setExitCode);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    console.error(`leaflets: ${(error as Error).stack ?? error}`);
    return 1;
  }
  return exitCode;
}
