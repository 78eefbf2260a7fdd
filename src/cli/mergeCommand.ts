import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic } from '../diagnostics/format.ts';

/** `leaflets merge <dir...>`: one output folder, manifest and website from CI shards. */
export function registerMergeCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('merge')
    .description('Merge the output folders of `build --shard i/n` (all n of them) into one output folder with one manifest and website.')
    .argument('<dir...>', 'shard output folders')
    .option('--out <dir>', 'output folder', 'output')
    .action(async (dirs: string[], flags: { out: string }, command: Command) => {
      const root = path.resolve(command.parent?.opts().root ?? process.cwd());
      const { mergeShards } = await import('../build/merge.ts');
      const report = await mergeShards({ root, outDir: path.resolve(root, flags.out), shardDirs: dirs.map((dir) => path.resolve(root, dir)) });
      if (report.problem) {
        console.error(`leaflets: cannot merge: ${report.problem}`);
        setExitCode(2);
        return;
      }
      for (const d of report.diagnostics) console.log(formatDiagnostic(d));
      console.log(`${report.files} PDFs merged into ${path.relative(root, path.resolve(root, flags.out)) || '.'}, with one manifest and website`);
      setExitCode(report.ok ? 0 : 1);
    });
}
