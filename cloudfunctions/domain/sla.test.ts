import { deadlinesFor } from './sla';
import { inShanghai, shanghaiTime } from './time';

const F = 'YYYY-MM-DD HH:mm';
const local = (d: Date) => inShanghai(d).format(F);

describe('deadlinesFor (default policy: 08:00–20:00, accept in 2 h, same day before 17:00)', () => {
  it.each([
    ['filed at 10:00', '2026-11-24 10:00', '2026-11-24 12:00', '2026-11-24 20:00', '2026-11-26 20:00'],
    ['filed at 19:30, the day ends at 20:00', '2026-11-24 19:30', '2026-11-25 09:30', '2026-11-25 12:00', '2026-11-26 20:00'],
    ['filed at 02:00, at night', '2026-11-24 02:00', '2026-11-24 10:00', '2026-11-24 20:00', '2026-11-26 20:00'],
    ['filed at 17:30, after the same-day cut-off', '2026-11-24 17:30', '2026-11-24 19:30', '2026-11-25 12:00', '2026-11-26 20:00'],
    ['filed at 21:00, after the day', '2026-11-24 21:00', '2026-11-25 10:00', '2026-11-25 12:00', '2026-11-27 20:00'],
  ])('%s', (_, filed, accept, onSite, resolve) => {
    const d = deadlinesFor(shanghaiTime(filed).toDate());
    expect([local(d.acceptBy), local(d.onSiteBy), local(d.resolveBy)]).toEqual([accept, onSite, resolve]);
  });

  it('counts in Shanghai time whatever the server zone', () => {
    const d = deadlinesFor(new Date('2026-11-24T02:00:00Z'));
    expect(local(d.acceptBy)).toBe('2026-11-24 12:00');
  });
});
