import { filedAppeal } from '../../tests/support/appealRecord';
import type { AppealStatus } from '../../types/appeal';
import type { AppealLevel, DeadlineKind } from '../../types/vocabulary';
import { promiseLine } from './promise';
import { deadlinesFor } from './sla';
import { defaultSlaFor } from './slaPolicy';
import { shanghaiTime } from './time';

const at = (text: string) => shanghaiTime(text).toDate();

type Case = { filed?: string; status?: AppealStatus; level?: AppealLevel; onSite?: boolean; missed?: DeadlineKind[] };

/** An appeal of 环境卫生 filed at `filed` (Zoucheng) with the default clocks, as the case says. */
function appealOf({ filed = '2026-11-24 10:00', status = 'submitted', level = 'grid', onSite = false, missed = [] }: Case) {
  const deadlines = deadlinesFor(at(filed), defaultSlaFor('sanitation'));
  return filedAppeal({ status, level, deadlines, onSiteAt: onSite ? at(filed) : null, sla: { reminded: [], missed, owed: [] } });
}

describe('the promise line, for the moment the function reads its clock (Asia/Shanghai)', () => {
  // Filed Tuesday 2026-11-24 10:00: 受理 by 12:00, someone on site by 20:00, 办结 by Friday 11-27 20:00.
  it.each<[string, Case, string, string | null]>([
    ['new: the nearest promise is 受理', {}, '2026-11-24 10:05', '今天 12:00 前受理'],
    ['taken on: someone on site today', { status: 'accepted' }, '2026-11-24 10:30', '今天 20:00 前有人上门'],
    ['on site already: 办结 later this week, by weekday', { status: 'accepted', onSite: true }, '2026-11-24 11:00', '周五 20:00 前办结'],
    ['filed at night: tomorrow, said before midnight', { filed: '2026-11-24 23:50' }, '2026-11-24 23:55', '明天 10:00 前受理'],
    ['filed at night: today, once midnight has passed in Zoucheng (still Tuesday in UTC)', { filed: '2026-11-24 23:50' }, '2026-11-25 00:05', '今天 10:00 前受理'],
    ['Saturday: Monday is next week, so a date', { filed: '2026-11-28 10:00' }, '2026-11-28 10:05', '11月30日 10:00 前受理'],
    ['Sunday: Monday is tomorrow', { filed: '2026-11-29 09:00' }, '2026-11-29 09:05', '明天 10:00 前受理'],
    ['国庆 eve at 19:50: 办结 on the 调休 Saturday', { filed: '2026-09-30 19:50', status: 'accepted', onSite: true }, '2026-09-30 20:00', '10月10日 20:00 前办结'],
    ['国庆 eve at 19:50: on site after the holiday week', { filed: '2026-09-30 19:50', status: 'accepted' }, '2026-09-30 20:00', '10月8日 12:00 前有人上门'],
    ['late by minutes, still at the grid', {}, '2026-11-24 12:05', '已超时 5 分钟'],
    ['late by hours, still at the grid', {}, '2026-11-24 14:00', '已超时 2 小时'],
    ['late and risen to the community', { level: 'community', missed: ['acceptBy'] }, '2026-11-24 14:10', '已超时 2 小时，已升级至社区'],
    ['nobody on site overnight, risen to the street', { status: 'accepted', level: 'street', missed: ['onSiteBy'] }, '2026-11-25 10:00', '已超时 14 小时，已升级至街道'],
    ['办结 two days late', { status: 'accepted', onSite: true, level: 'community', missed: ['resolveBy'] }, '2026-11-29 20:30', '已超时 2 天，已升级至社区'],
    ['sent back to the community and late', { status: 'returned', level: 'community' }, '2026-11-24 21:00', '已超时 1 小时，已退回至社区'],
    ['marked missed by the timer a moment early', { missed: ['acceptBy'] }, '2026-11-24 11:59', '已超时 1 分钟'],
    ['accepted late: the promise moves on to the next clock', { status: 'accepted', missed: ['acceptBy'] }, '2026-11-24 12:30', '今天 20:00 前有人上门'],
    ['held: no clock until 审核', { status: 'held' }, '2026-11-24 10:05', null],
    ['resolved: no clock', { status: 'resolved' }, '2026-11-30 10:00', null],
    ['closed: no clock', { status: 'closed' }, '2026-11-30 10:00', null],
  ])('%s', (_, c, now, line) => {
    expect(promiseLine(appealOf(c), at(now))).toBe(line);
  });
});
