import { changedReads } from './store/readLog.ts';

/**
 * Which inputs each unit (leaflet x locale) read, with the digests it saw: the dependency
 * graph of build and watch alike. It is never written by hand: every entry is a stage's
 * recorded read log. A unit is stale when any input it read now has another digest (a
 * creation counts: a missing file was recorded as absent).
 */
export class DependencyGraph {
  private readonly units = new Map<string, ReadonlyArray<[string, string]>>();

  set(unit: string, reads: ReadonlyArray<[string, string]>): void {
    this.units.set(unit, reads);
  }

  delete(unit: string): void {
    this.units.delete(unit);
  }

  has(unit: string): boolean {
    return this.units.has(unit);
  }

  /** Units whose recorded reads no longer match `digestOf` (the store after an invalidation). */
  staleUnits(digestOf: (key: string) => string): Set<string> {
    const stale = new Set<string>();
    for (const [unit, reads] of this.units) if (changedReads(reads, digestOf).length > 0) stale.add(unit);
    return stale;
  }

  /** Units that read a given input key. */
  readersOf(key: string): string[] {
    return [...this.units].filter(([, reads]) => reads.some(([each]) => each === key)).map(([unit]) => unit).sort();
  }

  /** Every file key any unit read (listings excluded): watch mode watches each of them. */
  inputFiles(): Set<string> {
    const files = new Set<string>();
    for (const reads of this.units.values()) for (const [key] of reads) if (!/\/\*(dir|file)$/.test(key)) files.add(key);
    return files;
  }
}
