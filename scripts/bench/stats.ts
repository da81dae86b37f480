/** `decimals`: how the value is printed; by default whole numbers from 100 and one decimal below. */
export type BenchResult = { name: string; value: number; unit: string; target?: string; decimals?: number };

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
