import { describe, expect, it } from 'vitest';
import { dateFormatter } from '../../src/compile/dateFormatter.ts';

describe('long dates per locale', () => {
  it('formats each date in its own locale, however the calls interleave, and the same date the same way again', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(dateFormatter('en-GB')('2026-11-26')).toBe('26 November 2026');
      expect(dateFormatter('cy')('2026-11-26')).toBe('26 Tachwedd 2026');
      expect(dateFormatter('en-GB')('2027-01-05')).toBe('5 January 2027');
      expect(dateFormatter('en-US')('2026-11-26')).toBe('November 26, 2026');
    }
    expect(dateFormatter('cy')).toBe(dateFormatter('cy'));
  });
});
