import * as z from 'zod/mini';
import { instant } from './appeal';

const until = instant('延期时限');
const parsed = (text: string) => z.safeParse(until, text);

describe('an instant a person chose (督办 and 延期 deadlines)', () => {
  it.each(['2026-10-09T09:50:00+08:00', '2026-10-09T01:50:00.000Z', '2028-02-29T23:59+08:00', '2026-12-31T23:59:59-05:00'])('%s is taken', (text) => {
    expect(parsed(text).success).toBe(true);
  });

  it.each([
    ['a 30 February', '2026-02-30T10:00:00+08:00'],
    ['a 31 November', '2026-11-31T10:00:00+08:00'],
    ['a 29 February outside a leap year', '2027-02-29T10:00:00+08:00'],
    ['hour 24', '2026-10-09T24:00:00+08:00'],
    ['minute 60', '2026-10-09T10:60:00+08:00'],
    ['month 13', '2026-13-01T10:00:00+08:00'],
  ])('%s is refused in Chinese, not rolled over', (_, text) => {
    const result = parsed(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('延期时限不是有效的日期时间');
  });

  it('no offset is refused: the instant must say which zone its wall time is in', () => {
    expect(parsed('2026-10-09T09:50:00').error?.issues[0].message).toBe('延期时限格式不正确');
  });
});
