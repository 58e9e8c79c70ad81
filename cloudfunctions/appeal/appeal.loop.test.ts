/**
 * The appeal loop end to end through the functions, as people use it: a resident files, the
 * chief takes it on and passes it to the right grid, it goes up to the community, is resolved,
 * rated unsatisfied, reopened, resolved again and closed. Around it: who sees the contact
 * phone, the rate limit, the block list and the sweep that closes appeals nobody rated.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail } from '../../types/appeal';
import {
  appeal,
  appealInput,
  chiefOf,
  communityOf,
  expectRefusal,
  fileAppeal,
  fireTimer,
  newResident,
  okData,
  readAllPages,
  staffName,
  streetOf,
} from '../../tests/support/appealKit';
import { count, readDoc } from '../../tests/support/cloudDb';
import { counterKey, DEFAULT_LIMITS } from '../domain/limits';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const DAY = 86_400_000;
const inInbox = async (openid: string, id: string) => (await readAllPages(cloud, openid, 'inbox')).items.some((a) => a.id === id);
const detailAs = async (openid: string, id: string) => okData(await appeal<AppealDetail>(cloud, openid, 'detail', { id }));
const staffActor = (openid: string) => {
  const s = staffName(openid);
  return { kind: 'staff', staffId: s._id, name: s.name, title: s.title };
};

describe('an appeal from filing to closing', () => {
  const resident = newResident('loop');
  const [first, second] = ['GS-0101', 'GS-0102'];
  let id: string;
  const act = async (openid: string, action: string, params: object = {}) => okData(await appeal<AppealDetail>(cloud, openid, action, { id, ...params }));

  it('the resident files it and finds it among their appeals, waiting to be accepted', async () => {
    const filed = await fileAppeal(cloud, resident, { gridCode: first, contactPhone: '13912345678' });
    id = filed.id;
    expect(filed).toMatchObject({ status: 'submitted', level: 'grid', gridCode: first, statusLabel: '待受理' });
    expect(okData(await appeal(cloud, resident, 'mine')).items.map((a: { id: string }) => a.id)).toContain(id);
  });

  it('the chief finds it in the inbox and accepts it', async () => {
    expect(await inInbox(chiefOf(first), id)).toBe(true);
    const accepted = await act(chiefOf(first), 'accept');
    expect(accepted.status).toBe('accepted');
    expect(accepted.timeline.at(-1)).toMatchObject({ type: 'accepted', actor: staffActor(chiefOf(first)) });
  });

  it('the chief replies and the resident reads the reply', async () => {
    await act(chiefOf(first), 'reply', { text: '已到现场查看，属于第二网格的范围' });
    const seen = await detailAs(resident, id);
    expect(seen.timeline.at(-1)).toMatchObject({ type: 'replied', text: '已到现场查看，属于第二网格的范围', actor: staffActor(chiefOf(first)) });
  });

  it('the chief transfers it to another grid, whose chief now has it', async () => {
    const moved = await act(chiefOf(first), 'transfer', { toGridCode: second, reason: '问题位置在第二网格' });
    expect(moved).toMatchObject({ status: 'submitted', gridCode: second, level: 'grid' });
    expect(moved.timeline.at(-1)).toMatchObject({ type: 'transferred', text: '问题位置在第二网格', detail: expect.stringContaining(second) });
    expect(await inInbox(chiefOf(second), id)).toBe(true);
    expect((await detailAs(chiefOf(second), id)).can).toContain('accept');
  });

  it('the first chief can no longer see or act on it', async () => {
    expect(await inInbox(chiefOf(first), id)).toBe(false);
    expectRefusal(await appeal(cloud, chiefOf(first), 'detail', { id }), 'FORBIDDEN');
    expectRefusal(await appeal(cloud, chiefOf(first), 'reply', { id, text: '补充一句' }), 'FORBIDDEN');
  });

  it('the new chief escalates it to the community', async () => {
    const up = await act(chiefOf(second), 'escalate', { reason: '需要物业和社区协调' });
    expect(up.level).toBe('community');
    expect(up.timeline.at(-1)).toMatchObject({ type: 'escalated', detail: 'community' });
    expect(await inInbox(communityOf(second), id)).toBe(true);
  });

  it('the community resolves it and the resident may now rate it', async () => {
    expect((await act(communityOf(second), 'resolve', { note: '已协调物业更换路灯' })).status).toBe('resolved');
    expect((await detailAs(resident, id)).can).toEqual(['rate']);
  });

  it('an unsatisfied rating (2) reopens it to the grid with the resident’s comment', async () => {
    const reopened = await act(resident, 'rate', { score: 2, comment: '换了一盏，另一盏还是坏的' });
    expect(reopened).toMatchObject({ status: 'submitted', level: 'grid', gridCode: second, reopenCount: 1 });
    expect(reopened.rating).toMatchObject({ score: 2, comment: '换了一盏，另一盏还是坏的' });
    expect(reopened.timeline.slice(-2)).toEqual([
      expect.objectContaining({ type: 'rated', detail: '2', text: '换了一盏，另一盏还是坏的', actor: { kind: 'resident' } }),
      expect.objectContaining({ type: 'reopened', text: '换了一盏，另一盏还是坏的' }),
    ]);
    expect(await inInbox(chiefOf(second), id)).toBe(true);
  });

  it('resolved again and rated 4, it closes', async () => {
    await act(chiefOf(second), 'resolve', { note: '两盏路灯都已更换' });
    const closed = await act(resident, 'rate', { score: 4, comment: '这次修好了' });
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已结案', reopenCount: 1, rating: { score: 4, comment: '这次修好了' } });
    expect(await inInbox(chiefOf(second), id)).toBe(false);
  });

  it('a closed appeal cannot be rated again', async () => {
    expectRefusal(await appeal(cloud, resident, 'rate', { id, score: 1 }), 'CONFLICT');
  });

  it('its timeline tells the whole story: every event, its actor and its time, in order', async () => {
    const { timeline } = await detailAs(resident, id);
    expect(timeline.map((e) => e.type)).toEqual(['submitted', 'accepted', 'replied', 'transferred', 'escalated', 'resolved', 'rated', 'reopened', 'resolved', 'rated', 'closed']);
    const times = timeline.map((e) => Date.parse(e.at));
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(timeline.map((e) => (e.actor.kind === 'staff' ? e.actor.staffId : e.actor.kind))).toEqual([
      'resident',
      staffActor(chiefOf(first)).staffId,
      staffActor(chiefOf(first)).staffId,
      staffActor(chiefOf(first)).staffId,
      staffActor(chiefOf(second)).staffId,
      staffActor(communityOf(second)).staffId,
      'resident',
      'resident',
      staffActor(chiefOf(second)).staffId,
      'resident',
      'resident',
    ]);
    // the resident is never named on the timeline, not even by openid
    expect(JSON.stringify(timeline)).not.toContain(resident);
  });
});

describe('the contact phone', () => {
  it('reaches the chief and the community staff over the grid, and the resident who left it', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0103', contactPhone: '13912345678' });
    for (const who of [chiefOf('GS-0103'), communityOf('GS-0103')]) expect((await detailAs(who, filed.id)).contactPhone).toBe('13912345678');
    expect(filed.contactPhone).toBe('13912345678');
  });

  it('is not in the inbox list, only in the detail', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0103', contactPhone: '13912345678' });
    const { items } = await readAllPages(cloud, chiefOf('GS-0103'), 'inbox');
    expect(items.some((a) => a.id === filed.id)).toBe(true);
    expect(JSON.stringify(items)).not.toContain('13912345678');
  });

  it('of an anonymous appeal reaches no one, and is not even kept', async () => {
    const resident = newResident('anon');
    const filed = await fileAppeal(cloud, resident, { gridCode: 'GS-0103', contactPhone: '13912345678', anonymous: true });
    const seen = await detailAs(chiefOf('GS-0103'), filed.id);
    expect(seen).toMatchObject({ anonymous: true, contactPhone: null });
    expect(JSON.stringify(seen)).not.toContain(resident);
    expect((await readDoc(db, 'appeals', filed.id))!.contactPhone).toBeNull();
  });
});

describe('the rate limit', () => {
  it('the 11th appeal within an hour is RATE_LIMITED and not stored', async () => {
    const resident = newResident('busy');
    for (let i = 0; i < 10; i++) await fileAppeal(cloud, resident, { gridCode: 'GS-0104' });
    expectRefusal(await appeal(cloud, resident, 'submit', appealInput({ gridCode: 'GS-0104' })), 'RATE_LIMITED');
    expect(await count(db, 'appeals', { residentOpenid: resident })).toBe(10);
  });

  it('a retry of an appeal already filed is still answered at the limit', async () => {
    const resident = newResident('busy');
    const inputs = Array.from({ length: 10 }, () => appealInput({ gridCode: 'GS-0104' }));
    const filed = [];
    for (const input of inputs) filed.push(await fileAppeal(cloud, resident, input));
    expect((await fileAppeal(cloud, resident, inputs[9])).id).toBe(filed[9].id);
  });

  it('counts only the hour: once its window has ended, the count starts again', async () => {
    const resident = newResident('busy');
    for (let i = 0; i < 10; i++) await fileAppeal(cloud, resident, { gridCode: 'GS-0104' });
    expectRefusal(await appeal(cloud, resident, 'submit', appealInput({ gridCode: 'GS-0104' })), 'RATE_LIMITED');
    // the hour the first of them opened has passed
    const [hour] = DEFAULT_LIMITS.appealSubmit;
    await db.collection('limits').doc(counterKey('appealSubmit', hour, resident)).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    okData(await appeal(cloud, resident, 'submit', appealInput({ gridCode: 'GS-0104' })));
    expect(await count(db, 'appeals', { residentOpenid: resident })).toBe(11);
  });
});

it('11 appeals sent at the same moment by one resident store at most 10', async () => {
  const resident = newResident('burst');
  const replies = await Promise.all(Array.from({ length: 11 }, () => appeal(cloud, resident, 'submit', appealInput({ gridCode: 'GS-0104' }))));
  const stored = await count(db, 'appeals', { residentOpenid: resident });
  expect(stored).toBeLessThanOrEqual(10);
  expect(replies.map((r) => (r.ok ? 'ok' : r.code)).filter((c) => c !== 'ok' && c !== 'RATE_LIMITED')).toEqual([]);
  // every appeal a reply called filed is stored; every other reply is RATE_LIMITED
  expect(replies.filter((r) => r.ok)).toHaveLength(stored);
  for (const r of replies) if (r.ok) expect(await readDoc(db, 'appeals', r.data.id)).not.toBeNull();
});

describe('the block list', () => {
  const resident = newResident('blocked');
  let filed: AppealDetail;
  let elsewhere: AppealDetail;
  beforeAll(async () => {
    filed = await fileAppeal(cloud, resident, { gridCode: 'GS-0201' });
    elsewhere = await fileAppeal(cloud, resident, { gridCode: 'QQ-0101' });
  });

  it('street staff block the filer of an appeal without learning who it is', async () => {
    const body = await appeal(cloud, streetOf('GS-0201'), 'block', { id: filed.id, reason: '多次提交无关内容' });
    expect(body).toEqual({ ok: true, data: { blocked: true } });
  });

  it('the blocked resident’s next submit is FORBIDDEN and not stored', async () => {
    expectRefusal(await appeal(cloud, resident, 'submit', appealInput({ gridCode: 'GS-0201' })), 'FORBIDDEN');
    expect(await count(db, 'appeals', { residentOpenid: resident })).toBe(2);
  });

  it('the blocked resident still sees their own appeals', async () => {
    expect((await detailAs(resident, filed.id)).id).toBe(filed.id);
  });

  it('another street lifting its own block on the resident does not lift this street’s', async () => {
    okData(await appeal(cloud, streetOf('QQ-0101'), 'block', { id: elsewhere.id, reason: '重复提交' }));
    okData(await appeal(cloud, streetOf('QQ-0101'), 'unblock', { id: elsewhere.id }));
    expectRefusal(await appeal(cloud, resident, 'submit', appealInput({ gridCode: 'GS-0201' })), 'FORBIDDEN');
  });

  it('unblocking lets the resident file again', async () => {
    expect(okData(await appeal(cloud, streetOf('GS-0201'), 'unblock', { id: filed.id }))).toEqual({ blocked: false });
    expect((await fileAppeal(cloud, resident, { gridCode: 'GS-0201' })).status).toBe('submitted');
  });
});

describe('the sweep closes appeals nobody rated', () => {
  /** A resolved appeal whose resolution is `daysAgo` old. */
  async function resolvedDaysAgo(daysAgo: number) {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0202' });
    okData(await appeal(cloud, chiefOf('GS-0202'), 'resolve', { id: filed.id, note: '已处理完毕' }));
    await db.collection('appeals').doc(filed.id).update({ data: { resolvedAt: new Date(Date.now() - daysAgo * DAY) } });
    return filed.id;
  }

  it('a resolved appeal unrated for 8 days is closed as 未评价 by the system', async () => {
    const id = await resolvedDaysAgo(8);
    okData(await fireTimer(cloud, 'timers'));
    const after = await readDoc(db, 'appeals', id);
    expect(after.status).toBe('closed');
    expect(after.timeline.at(-1)).toMatchObject({ type: 'closed', text: '未评价', actor: { kind: 'system' } });
  });

  it('running it again changes nothing', async () => {
    const id = await resolvedDaysAgo(8);
    okData(await fireTimer(cloud, 'timers'));
    const once = await readDoc(db, 'appeals', id);
    const again = await fireTimer(cloud, 'timers');
    expect(again).toMatchObject({ ok: true, data: { closed: 0 } });
    expect(await readDoc(db, 'appeals', id)).toEqual(once);
  });

  it('an appeal resolved 6 days ago is left for the resident to rate', async () => {
    const id = await resolvedDaysAgo(6);
    okData(await fireTimer(cloud, 'timers'));
    expect((await readDoc(db, 'appeals', id)).status).toBe('resolved');
  });

  it.each([
    ['without an identity', undefined],
    ['as a resident', 'res-sweeper'],
    ['as street staff', streetOf('GS-0202')],
  ])('called as a client %s, it is FORBIDDEN and closes nothing', async (_, openid) => {
    const id = await resolvedDaysAgo(8);
    const { body } = await cloud.call('timers', { Type: 'Timer', TriggerName: 'sweep' }, openid);
    expectRefusal(body, 'FORBIDDEN');
    expect((await readDoc(db, 'appeals', id)).status).toBe('resolved');
  });
});
