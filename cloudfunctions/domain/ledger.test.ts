import { monthSpan } from './ledger';

describe('monthSpan: a month as Zoucheng keeps it', () => {
  it.each([
    ['a 30-day month', '2026-11', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['a 31-day month', '2026-10', '2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'],
    ['February of a common year', '2026-02', '2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['February of a leap year', '2028-02', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
    ['December, into the next year', '2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['January, from the year before', '2027-01', '2026-12-31T16:00:00.000Z', '2027-01-31T16:00:00.000Z'],
  ])('%s: %s', (_, month, from, to) => {
    const span = monthSpan(month);
    expect([span.from.toISOString(), span.to.toISOString()]).toEqual([from, to]);
  });
});
