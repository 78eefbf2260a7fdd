import type { BuildReport, OutputResult } from '../build/buildProject.ts';
import { formatDiagnostic, formatDiagnosticVerbose } from '../diagnostics/format.ts';
import { formatPageCountChanges } from '../emit/pageCountChanges.ts';
import { printReviewDates } from '../lint/reviewDates.ts';
import { describeFit } from '../render/copyFit/fit.ts';

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function printOutputLine(result: OutputResult, write = (line: string) => console.log(line)): void {
  if (result.status === 'failed') {
    write(`  failed     ${result.file}`);
    return;
  }
  const verb = result.status === 'written' ? (result.via === 'cache' ? 'cached   ' : 'built    ') : 'unchanged';
  const fit = result.fit ? `  fit: ${describeFit(result.fit)}` : '';
  write(`  ${verb}  ${result.file}  (${result.pages} pages, ${kilobytes(result.bytes ?? 0)}, ${Math.round(result.ms)} ms)${fit}`);
}

export function printBuildReport(report: BuildReport, write = (line: string) => console.log(line), { verbose = false } = {}): void {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
  if (report.diagnostics.length > 0) {
    write('');
    for (const d of report.diagnostics) write(verbose ? formatDiagnosticVerbose(d) : formatDiagnostic(d));
  }
  if (report.readingEase.length > 0) {
    write('');
    write('Reading ease (Flesch, English source; 60+ is plain English):');
    for (const r of report.readingEase) write(`  ${r.fleschReadingEase.toFixed(1).padStart(5)}  ${r.file}  (${r.words} words)`);
  }
  const changes = formatPageCountChanges(report.pageCountChanges ?? []);
  if (changes.length > 0) {
    write('');
    write('Page counts changed since the last build:');
    for (const line of changes) write(`  ${line}`);
  }
  printReviewDates(report.reviewDates, write);
  const removed = report.removed ?? [];
  if (removed.length > 0) {
    write('');
    write(`Removed ${removed.length} file${removed.length === 1 ? '' : 's'} no longer published (deleted or withdrawn leaflets or languages, old assets):`);
    for (const file of removed) write(`  ${file}`);
  }
  const built = report.outputs.filter((o) => o.status !== 'failed').length;
  const failed = report.outputs.length - built;
  write('');
  write(
    `${built} PDF${built === 1 ? '' : 's'} built, ${failed} failed, ${errors.length} error${errors.length === 1 ? '' : 's'}, ` +
      `${warnings.length} warning${warnings.length === 1 ? '' : 's'} in ${(report.durationMs / 1000).toFixed(1)} s ` +
      `(${report.rendered} rendered, ${report.outputs.filter((o) => o.via === 'cache').length} from cache, ` +
      `${report.outputs.filter((o) => o.via === 'kept').length} already up to date)` +
      (removed.length > 0 ? `, ${removed.length} removed` : ''),
  );
}
