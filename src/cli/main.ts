import { Command, CommanderError } from 'commander';
import { registerBuildCommand } from './buildCommand.ts';
import { registerI18nCommand } from './i18nCommand.ts';
import { registerMergeCommand } from './mergeCommand.ts';
import { registerWatchCommand } from './watchCommand.ts';

/**
 * Entry point of the `leaflets` command; returns the process exit code. Commands are declared
 * here with their options only: each loads the pipeline code it runs when it runs, so
 * `leaflets --help` starts in a blink.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('leaflets')
    .description('Build branded, accessible, printable PDF leaflets from Markdown and localized strings.')
    .option('--root <dir>', 'project folder', process.cwd())
    .option('--verbose', 'print the stack trace of internal errors')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  registerBuildCommand(program, setExitCode);
  registerMergeCommand(program, setExitCode);
  registerI18nCommand(program, setExitCode);
  registerWatchCommand(program, setExitCode);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const verbose = program.opts().verbose === true;
    const failure = error as Error;
    console.error(`leaflets: internal error: ${verbose ? (failure.stack ?? failure) : (failure.message ?? failure)}`);
    if (!verbose) console.error('    Run with --verbose for the stack trace.');
    return 1;
  }
  return exitCode;
}
