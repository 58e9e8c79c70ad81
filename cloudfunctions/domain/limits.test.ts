import { counterKey, DEFAULT_LIMITS, limitsOf, tooOften, windowEnd } from './limits';

/** Times in Zoucheng (UTC+8): `at('11-24 14:04:30')`. */
const at = (text: string) => new Date(`2026-${text.replace(' ', 'T')}+08:00`);

describe('the limits are data: settings replace a flow’s default, a broken setting never lifts it', () => {
  const own = [{ max: 3, minutes: 10 }];
  it.each<[string, Record<string, unknown> | null, unknown]>([
    ['no settings document', null, DEFAULT_LIMITS.callStaff],
    ['a document without this flow', { inviteCode: own }, DEFAULT_LIMITS.callStaff],
    ['the flow’s own windows', { callStaff: own }, own],
    ['several windows, shortest first', { callStaff: [{ max: 40, minutes: 1440 }, ...own] }, [...own, { max: 40, minutes: 1440 }]],
    ['an empty list', { callStaff: [] }, DEFAULT_LIMITS.callStaff],
    ['max 0', { callStaff: [{ max: 0, minutes: 1 }] }, DEFAULT_LIMITS.callStaff],
    ['a fractional max', { callStaff: [{ max: 2.5, minutes: 1 }] }, DEFAULT_LIMITS.callStaff],
    ['a negative window', { callStaff: [{ max: 3, minutes: -1 }] }, DEFAULT_LIMITS.callStaff],
    ['numbers as text', { callStaff: [{ max: '3', minutes: '1' }] }, DEFAULT_LIMITS.callStaff],
    ['one window, not a list', { callStaff: { max: 3, minutes: 1 } }, DEFAULT_LIMITS.callStaff],
    ['a window too long to date (1e12 minutes)', { callStaff: [{ max: 2, minutes: 1e12 }] }, DEFAULT_LIMITS.callStaff],
    ['a window shorter than a minute, which all but lifts the limit', { callStaff: [{ max: 2, minutes: 0.001 }] }, DEFAULT_LIMITS.callStaff],
  ])('%s', (_, settings, expected) => {
    expect(limitsOf('callStaff', settings)).toEqual(expected);
  });
});

describe('a counter per flow, window length and caller', () => {
  const minute = { max: 5, minutes: 1 };
  it('differs in each of the three, and in nothing else', () => {
    const keys = [
      counterKey('callStaff', minute, 'o-1'),
      counterKey('inviteCode', minute, 'o-1'),
      counterKey('callStaff', { max: 5, minutes: 1440 }, 'o-1'),
      counterKey('callStaff', minute, 'o-2'),
    ];
    expect(new Set(keys).size).toBe(4);
    expect(counterKey('callStaff', { max: 9, minutes: 1 }, 'o-1')).toBe(keys[0]);
  });

  it('a window opened now ends its length later, whatever the clock says', () => {
    expect(windowEnd({ max: 5, minutes: 1 }, at('11-24 14:04:30'))).toEqual(at('11-24 14:05:30'));
    expect(windowEnd({ max: 30, minutes: 1440 }, at('11-24 23:59:59'))).toEqual(at('11-25 23:59:59'));
  });
});

describe('the refusal says when to try again, in Zoucheng’s time', () => {
  const now = at('11-24 14:04:30');
  it.each<[string, Date, string]>([
    ['later today, rounded up to the minute', at('11-24 14:05:30'), '查看工作人员电话太频繁，请在 14:06 后再试'],
    ['at a whole minute', at('11-24 14:06:00'), '查看工作人员电话太频繁，请在 14:06 后再试'],
    ['tomorrow', at('11-25 14:04:30'), '查看工作人员电话太频繁，请在 11月25日 14:05 后再试'],
  ])('full until %s', (_, until, message) => {
    expect(tooOften('callStaff', until, now)).toBe(message);
  });

  it('names the flow', () => {
    expect(tooOften('inviteCode', at('11-24 15:00'), now)).toMatch(/^输入邀请码太频繁/);
    expect(tooOften('appealSubmit', at('11-24 15:00'), now)).toMatch(/^提交诉求太频繁/);
  });
});
