/**
 * Every place that starts an appeal's clocks counts them by its street's policy in `settings`
 * (the city's document under the street's) for its category — against a local cloud. The clock
 * is the machine's, so each expectation is computed from the moment the cloud recorded.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail, Deadlines } from '../../types/appeal';
import type { CategorySla } from '../../types/sla';
import { appeal, chiefOf, communityOf, fileAppeal, newResident, okData } from '../../tests/support/appealKit';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';
import { deadlinesFor } from '../domain/sla';
import { defaultSlaFor, slaPolicyFor, streetSlaOf } from '../domain/slaPolicy';

let cloud: LocalCloud;
let db: DB.Database;

/** Every-day clocks with minutes no default has, so each policy gives deadlines of its own at any hour. */
const everyDay = (acceptMinutes: number, withinMinutes: number, resolveDays: number): CategorySla => ({ days: 'every', acceptMinutes, onSite: { withinMinutes }, resolveDays });
const CITY = { _id: 'sla', standard: everyDay(19, 23, 6) };
const QIANQUAN = { _id: 'sla:QQ', standard: everyDay(7, 11, 9), categories: { repair: everyDay(13, 17, 5) } };

beforeAll(async () => {
  ({ cloud, db } = await openLocalCloud());
  await db.collection('settings').add({ data: CITY });
  await db.collection('settings').add({ data: QIANQUAN });
});
afterAll(() => cloud.stop());

const iso = (d: Date) => d.toISOString();
/** What the street's policy gives for `category` from `at` (ISO). */
function expected(stored: Array<Record<string, unknown>>, category: string, at: string): Deadlines {
  const d = deadlinesFor(new Date(at), slaPolicyFor(streetSlaOf(stored).policy, category));
  return { acceptBy: iso(d.acceptBy), onSiteBy: iso(d.onSiteBy), resolveBy: iso(d.resolveBy) };
}
const byDefaults = (category: string, at: string): Deadlines => {
  const d = deadlinesFor(new Date(at), defaultSlaFor(category));
  return { acceptBy: iso(d.acceptBy), onSiteBy: iso(d.onSiteBy), resolveBy: iso(d.resolveBy) };
};
const restartedAt = (d: AppealDetail) => d.timeline.at(-1)!.at;

describe('filing (appeal.submit)', () => {
  it.each([
    ['a street with its own standard', 'QQ-0101', 'sanitation', [CITY, QIANQUAN]],
    ['a street with its own entry for the category', 'QQ-0101', 'repair', [CITY, QIANQUAN]],
    ['a street with nothing of its own: the city’s', 'GS-0101', 'sanitation', [CITY]],
  ])('%s', async (_, gridCode, category, stored) => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode, category });
    expect(filed.deadlines).toEqual(expected(stored, category, filed.createdAt));
    expect(filed.deadlines).not.toEqual(byDefaults(category, filed.createdAt));
  });
});

describe('clocks restarted', () => {
  it('转办 to a grid of another street: that street’s policy', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0102', category: 'sanitation' });
    const moved = okData(await appeal<AppealDetail>(cloud, chiefOf('GS-0102'), 'transfer', { id: filed.id, toGridCode: 'QQ-0102', reason: '属于千泉街道' }));
    expect(moved.deadlines).toEqual(expected([CITY, QIANQUAN], 'sanitation', restartedAt(moved)));
  });

  it('审核通过: the street’s policy from the release', async () => {
    const held = await fileAppeal(cloud, newResident(), { gridCode: 'QQ-0103', category: 'repair', content: '路灯坏了，待审内容' });
    expect(held.status).toBe('held');
    const released = okData(await appeal<AppealDetail>(cloud, communityOf('QQ-0103'), 'moderate', { id: held.id, release: true }));
    expect(released.deadlines).toEqual(expected([CITY, QIANQUAN], 'repair', restartedAt(released)));
  });

  it('重办 after an unsatisfied rating: the street’s policy from the rating', async () => {
    const resident = newResident();
    const filed = await fileAppeal(cloud, resident, { gridCode: 'QQ-0104', category: 'repair' });
    okData(await appeal(cloud, chiefOf('QQ-0104'), 'resolve', { id: filed.id, note: '已修好' }));
    const reopened = okData(await appeal<AppealDetail>(cloud, resident, 'rate', { id: filed.id, score: 1, comment: '没有修好' }));
    expect(reopened.status).toBe('submitted');
    expect(reopened.deadlines).toEqual(expected([CITY, QIANQUAN], 'repair', restartedAt(reopened)));
  });
});
