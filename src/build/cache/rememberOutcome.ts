import { unitKey } from '../stages/unit.ts';
import { targetId } from '../stages/outputs.ts';
import type { UnitOutcome } from '../unitWork.ts';
import type { BuildRecord, OutputRecord } from './buildRecord.ts';

/**
 * Puts what a unit read and produced into the build record. Outputs not built this time stay
 * recorded only when the unit read exactly the same inputs (so they are still valid). An
 * outcome with an internal error, or of a deleted leaflet, is never remembered.
 */
export function rememberOutcome(record: BuildRecord, outcome: UnitOutcome): void {
  if (outcome.missing || outcome.internalError) return;
  const key = unitKey(outcome.unit);
  const previous = record.unit(key);
  const sameReads = previous && previous.strict === outcome.strict && JSON.stringify(previous.reads) === JSON.stringify(outcome.reads);
  const outputs: Record<string, OutputRecord> = sameReads ? { ...previous.outputs } : {};
  for (const output of outcome.outputs) {
    if (!output.key) continue;
    outputs[targetId(output.target)] = {
      key: output.key,
      ...(output.fileDigest ? { fileDigest: output.fileDigest } : {}),
      ...(output.pages ? { pages: output.pages } : {}),
      ...(output.bytes ? { bytes: output.bytes } : {}),
      diagnostics: output.diagnostics,
      meta: output.meta,
    };
  }
  record.setUnit(key, {
    strict: outcome.strict,
    reads: outcome.reads,
    diagnostics: outcome.diagnostics,
    compiled: outcome.compiled,
    ...(outcome.readingEase ? { readingEase: outcome.readingEase } : {}),
    ...(outcome.reviewDue ? { reviewDue: outcome.reviewDue } : {}),
    outputs,
  });
}
