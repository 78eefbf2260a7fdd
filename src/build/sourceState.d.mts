export interface SourceState {
  files: string[];
  count: number;
  bytes: number;
  newestMs: number;
}
export function sourceState(srcDir: string): SourceState;
