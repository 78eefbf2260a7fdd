export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
};

export const median = (values: number[]) => percentile(values, 50);

export const formatMs = (ms: number) => `${ms.toFixed(1)} ms`;

/** `median (25th-75th percentile)`, the spread the render benches print. */
export const medianAndMiddleHalf = (values: number[], digits = 1): string =>
  `${median(values).toFixed(digits)} (${percentile(values, 25).toFixed(digits)}-${percentile(values, 75).toFixed(digits)})`;
