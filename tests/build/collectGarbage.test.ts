import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/build/collectGarbage.ts';

/** Leaves the old space fragmented: many pages, each still holding a few live objects. */
function fragmentHeap(): object[] {
  const kept: object[] = [];
  for (let round = 0; round < 12; round += 1) {
    const batch: object[] = [];
    for (let i = 0; i < 200_000; i += 1) batch.push({ i, text: `paragraph ${round}:${i}` });
    for (let i = 0; i < batch.length; i += 16) kept.push(batch[i]!);
  }
  return kept;
}

/** Memory the old space holds beyond its live objects. */
const slack = () => {
  const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!;
  return old.space_size - old.space_used_size;
};
const MB = 1024 * 1024;

describe('collectGarbage', () => {
  it('compacts the old space when asked, and only in that collection', () => {
    let kept = fragmentHeap();
    collectGarbage();
    collectGarbage();
    // A plain collection keeps every page that still has a live object on it.
    const afterPlain = slack();
    collectGarbage({ compact: true });
    const afterCompact = slack();
    expect(afterPlain).toBeGreaterThan(8 * MB);
    expect(afterCompact).toBeLessThan(afterPlain / 4);

    // The next plain collections do not compact: the pages come back fragmented.
    kept = fragmentHeap();
    collectGarbage();
    collectGarbage();
    expect(slack()).toBeGreaterThan(Math.max(4 * afterCompact, 8 * MB));
    expect(kept).toHaveLength(12 * 12_500);
  });
});
