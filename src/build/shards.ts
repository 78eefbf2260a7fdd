import { createHash } from 'node:crypto';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n). */
export function parseShard(text: string): ShardSpec | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

export interface ShardPlan {
  /** For each shard (0-based), the unit keys it builds, sorted. */
  shards: string[][];
  /** Digest of the whole plan: every shard of one build must agree on it. */
  digest: string;
}

/**
 * Splits units over n shards, balanced by cost: longest first, each to the shard with the
 * least total so far (ties: the lower shard). Deterministic for the same units and costs,
 * whatever machine runs it; units without a known cost use `fallbackCost`.
 */
export function planShards(units: readonly string[], count: number, costs: Readonly<Record<string, number>>, fallbackCost: (unit: string) => number): ShardPlan {
  const costOf = (unit: string) => Math.max(1, Math.round(costs[unit] ?? fallbackCost(unit)));
  const ordered = [...new Set(units)].sort((a, b) => costOf(b) - costOf(a) || (a < b ? -1 : a > b ? 1 : 0));
  const shards: string[][] = Array.from({ length: count }, () => []);
  const totals = new Array<number>(count).fill(0);
  for (const unit of ordered) {
    let target = 0;
    for (let index = 1; index < count; index += 1) if (totals[index]! < totals[target]!) target = index;
    shards[target]!.push(unit);
    totals[target]! += costOf(unit);
  }
  for (const shard of shards) shard.sort();
  const digest = createHash('sha256').update(JSON.stringify(shards)).digest('hex');
  return { shards, digest };
}
