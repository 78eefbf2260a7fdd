/** One render's milliseconds per phase. CPU time (this process, all threads) moves far less than wall time on a loaded machine. */
export interface Timing {
  compile: number;
  layout: number;
  draw: number;
  total: number;
  cpu: { compile: number; layout: number; draw: number; total: number };
  bytes: number;
}
