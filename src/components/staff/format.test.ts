import { inviteExpiry, seatLine } from './format';

const EXPIRES = '2026-11-28T02:30:00.000Z'; // 10:30 in Zoucheng
const at = (iso: string) => Date.parse(iso);

describe('how long an invite lasts, in Zoucheng time', () => {
  it.each([
    ['just issued', '2026-11-25T02:30:00.000Z', '72 小时内有效，截至 11月28日 10:30'],
    ['a day later', '2026-11-26T02:30:00.000Z', '48 小时内有效，截至 11月28日 10:30'],
    ['in its last hour', '2026-11-28T02:00:00.000Z', '即将过期，截至 11月28日 10:30'],
    ['after it', '2026-11-28T02:30:00.000Z', '已过期（截至 11月28日 10:30）'],
  ])('%s', (_, now, text) => {
    expect(inviteExpiry(EXPIRES, at(now))).toBe(text);
  });

  it('crosses midnight into the next Shanghai day', () => {
    expect(inviteExpiry('2026-11-30T17:05:00.000Z', at('2026-11-27T17:05:00.000Z'))).toBe('72 小时内有效，截至 12月1日 01:05');
  });

  it('names the seat', () => {
    expect(seatLine({ role: 'chief', scope: '平阳社区第一网格', name: '李娜', title: '网格长' })).toBe('平阳社区第一网格 · 网格长 · 李娜');
  });
});
