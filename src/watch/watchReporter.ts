import { printOutputLine } from '../cli/reporter.ts';
import { formatDiagnostic, formatDiagnosticVerbose } from '../diagnostics/format.ts';
import type { RebuildSummary } from './rebuildTracker.ts';

const clock = () => new Date().toTimeString().slice(0, 8);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function describeChanges(files: string[]): string {
  if (files.length === 0) return 'full build';
  const shown = files.slice(0, 5).join(', ');
  return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
}

/**
 * One block per rebuild: what changed, each output (same lines as `build`), problems in
 * file:line form, and a closing line with counts and timings.
 */
export function printRebuild(summary: RebuildSummary, write = (line: string) => console.log(line), { verbose = false } = {}): void {
  write('');
  write(`[${clock()}] ${summary.id === 0 ? 'full build' : `changed: ${describeChanges(summary.changedFiles)}`}`);
  for (const output of summary.outputs) printOutputLine(output, write);
  for (const file of summary.removed) write(`  removed    ${file}`);
  for (const d of summary.diagnostics) write(verbose ? formatDiagnosticVerbose(d) : formatDiagnostic(d));
  const built = summary.outputs.filter((o) => o.status === 'written').length;
  const unchanged = summary.outputs.filter((o) => o.status === 'unchanged').length;
  const failed = summary.outputs.filter((o) => o.status === 'failed').length;
  const errors = summary.diagnostics.filter((d) => d.severity === 'error').length;
  const parts = [
    `${plural(built, 'PDF')} rebuilt`,
    ...(unchanged > 0 ? [`${unchanged} unchanged`] : []),
    ...(failed > 0 ? [`${failed} failed (last good PDF kept)`] : []),
    ...(summary.removed.length > 0 ? [`${summary.removed.length} removed`] : []),
    ...(errors > 0 ? [plural(errors, 'error')] : []),
  ];
  const first = summary.firstOutputMs !== undefined && summary.outputs.length > 1 ? `, first in ${seconds(summary.firstOutputMs)}` : '';
  write(`${parts.join(', ')} in ${seconds(summary.durationMs)}${first}`);
}
