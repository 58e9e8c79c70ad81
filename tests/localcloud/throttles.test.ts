/**
 * Throttles on sensitive flows (OWASP API4, API6), through the functions on a local cloud: each
 * at its limit and one past it, with the limits read from the `settings` document `limits`;
 * calls at the same moment; a window that has ended; and what a counted call leaves behind.
 */
import type { DB } from 'wx-server-sdk/index';
import { counterKey, DEFAULT_LIMITS, type ThrottledFlow, type Window } from '../../cloudfunctions/domain/limits';
import type { Invite } from '../../types/staff';
import { appeal, appealInput, chiefOf, communityOf, fireTimer, gridOf, newRequestId, newResident, okData, workerOf, type Body } from '../support/appealKit';
import { count, readAll, readDoc } from '../support/cloudDb';
import { LocalCloud, openLocalCloud } from '../support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const G = 'GS-0101';
const chiefId = gridOf(G).chiefId!;
const TOO_OFTEN = /太频繁，请在 (\d{1,2}月\d{1,2}日 )?\d\d:\d\d 后再试$/;

/** Replaces the `limits` settings document (null: none, the defaults apply). */
async function setLimits(limits: Partial<Record<ThrottledFlow, Window[]>> | null) {
  await db.collection('settings').where({ _id: 'limits' }).remove();
  if (limits) await db.collection('settings').add({ data: { _id: 'limits', ...limits } });
}

const call = async (fn: string, openid: string, action: string, params: object = {}) => (await cloud.call<Body>(fn, { action, ...params }, openid)).body;
const callStaff = (openid: string) => call('grid', openid, 'callStaff', { code: G, staffId: chiefId });
const reveals = (openid: string) => count(db, 'audit', { reveal: 'phone', openid });
const newInvite = async () => okData(await call('staff', communityOf(G), 'invite', { role: 'worker', gridCode: G, name: '李新来', title: '网格员', phone: '13900001111' })) as Invite;
const outcome = (body: Body) => (body.ok ? 'ok' : body.code);

function expectTooOften(body: Body) {
  expect(body).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  expect((body as { message: string }).message).toMatch(TOO_OFTEN);
}

describe('each throttle at its limit and one past it (limit 3 from settings)', () => {
  beforeAll(() => setLimits({ callStaff: [{ max: 3, minutes: 60 }], inviteCode: [{ max: 3, minutes: 60 }], appealSubmit: [{ max: 3, minutes: 60 }], staffReport: [{ max: 3, minutes: 60 }], fileTicket: [{ max: 3, minutes: 60 }], checkIn: [{ max: 3, minutes: 60 }] }));

  it('grid.callStaff: three numbers, each audited; the fourth refused and not audited', async () => {
    const resident = newResident('caller');
    for (let i = 0; i < 3; i++) expect(okData(await callStaff(resident))).toMatchObject({ phone: expect.stringMatching(/^\d{11}$/) });
    const past = await callStaff(resident);
    expectTooOften(past);
    expect(JSON.stringify(past)).not.toMatch(/\d{11}/);
    expect(await reveals(resident)).toBe(3);
  });

  it('staff.preview: three looks at a good code; the fourth refused though the code is good', async () => {
    const { code } = await newInvite();
    const resident = newResident('previewer');
    for (let i = 0; i < 3; i++) okData(await call('staff', resident, 'preview', { code }));
    expectTooOften(await call('staff', resident, 'preview', { code }));
  });

  it('staff.redeem: three wrong codes; the fourth, a good one, refused and binding no one', async () => {
    const { code } = await newInvite();
    const guesser = newResident('guesser');
    for (const wrong of ['ABCDEFGH', 'ABCDEFGJ', 'ABCDEFGK']) expect(outcome(await call('staff', guesser, 'redeem', { code: wrong }))).toBe('NOT_FOUND');
    expectTooOften(await call('staff', guesser, 'redeem', { code }));
    expect(await readDoc(db, 'invites', code)).toMatchObject({ usedBy: null });
    expect(await count(db, 'staff', { openid: guesser })).toBe(0);
  });

  it('staff.preview and staff.redeem count together: both test a code', async () => {
    const { code } = await newInvite();
    const invitee = newResident('invitee');
    okData(await call('staff', invitee, 'preview', { code }));
    okData(await call('staff', invitee, 'preview', { code }));
    okData(await call('staff', invitee, 'redeem', { code }));
    expectTooOften(await call('staff', invitee, 'preview', { code }));
  });

  it('appeal.submit: three appeals stored; the fourth refused and not stored', async () => {
    const resident = newResident('filer');
    for (let i = 0; i < 3; i++) okData(await appeal(cloud, resident, 'submit', appealInput()));
    expectTooOften(await appeal(cloud, resident, 'submit', appealInput()));
    expect(await count(db, 'appeals', { residentOpenid: resident })).toBe(3);
  });

  it('appeal.report: three reports stored; the fourth refused and not stored', async () => {
    const worker = workerOf(G);
    const report = () => appeal(cloud, worker, 'report', { gridCode: G, category: 'repair', content: '巡查发现路灯不亮', requestId: newRequestId() });
    for (let i = 0; i < 3; i++) okData(await report());
    expectTooOften(await report());
    expect(await count(db, 'appeals', { residentOpenid: worker, source: 'staff' })).toBe(3);
  });

  it('file.ticket: three places to upload recorded; the fourth refused and not recorded', async () => {
    const resident = newResident('uploader');
    for (let i = 0; i < 3; i++) expect(okData(await call('file', resident, 'ticket', { purpose: 'appealPhoto', name: 'a.jpg' }))).toMatchObject({ cloudPath: expect.any(String) });
    expectTooOften(await call('file', resident, 'ticket', { purpose: 'appealPhoto', name: 'a.jpg' }));
    expect(await count(db, 'files', { owner: resident })).toBe(3);
  });

  it('presence.checkIn: three scans of the sign kept; the fourth refused and not kept', async () => {
    const chief = chiefOf(G);
    const scan = () => call('presence', chief, 'checkIn', { kind: 'patrol', scanned: `/g/${G}`, note: '例行巡防' });
    for (let i = 0; i < 3; i++) okData(await scan());
    expectTooOften(await scan());
    expect(await count(db, 'checkins', { openid: chief })).toBe(3);
  });

  it('counts per caller: someone else is not held back by a full window', async () => {
    const busy = newResident('busy');
    for (let i = 0; i < 3; i++) okData(await callStaff(busy));
    expectTooOften(await callStaff(busy));
    okData(await callStaff(newResident('other')));
  });
});

describe('the limits are read from data on every call', () => {
  it('a limit raised or lowered in settings applies to the next call', async () => {
    const resident = newResident('changing');
    await setLimits({ callStaff: [{ max: 2, minutes: 60 }] });
    okData(await callStaff(resident));
    okData(await callStaff(resident));
    expectTooOften(await callStaff(resident));

    await setLimits({ callStaff: [{ max: 4, minutes: 60 }] });
    okData(await callStaff(resident));
    okData(await callStaff(resident));
    expectTooOften(await callStaff(resident));

    await setLimits({ callStaff: [{ max: 1, minutes: 60 }] });
    expectTooOften(await callStaff(resident));
    expect(await reveals(resident)).toBe(4);
  });

  it('without settings the defaults hold: 5 numbers a minute', async () => {
    await setLimits(null);
    const [minute] = DEFAULT_LIMITS.callStaff;
    const resident = newResident('default');
    for (let i = 0; i < minute.max; i++) okData(await callStaff(resident));
    expectTooOften(await callStaff(resident));
    expect(await reveals(resident)).toBe(minute.max);
  });

  it('every window of a flow counts, and a call the shorter refuses is not counted in the longer', async () => {
    const [minute, day] = [{ max: 2, minutes: 1 }, { max: 3, minutes: 1440 }];
    await setLimits({ callStaff: [day, minute] });
    const resident = newResident('two-windows');
    okData(await callStaff(resident));
    okData(await callStaff(resident));
    expectTooOften(await callStaff(resident));
    expectTooOften(await callStaff(resident));
    expect(await readDoc(db, 'limits', counterKey('callStaff', day, resident))).toMatchObject({ count: 2 });
    // the minute is over: the day has room for one more
    await db.collection('limits').doc(counterKey('callStaff', minute, resident)).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    okData(await callStaff(resident));
    expectTooOften(await callStaff(resident));
    expect(await reveals(resident)).toBe(3);
  });
});

describe('calls at the same moment', () => {
  it.each([
    ['a caller’s first calls (the counter is created by one of them)', 0],
    ['calls into a window already counting', 1],
  ])('%s: exactly the limit get through', async (_, before) => {
    await setLimits({ callStaff: [{ max: 3, minutes: 60 }] });
    const resident = newResident('burst');
    for (let i = 0; i < before; i++) okData(await callStaff(resident));
    const bodies = await Promise.all(Array.from({ length: 15 }, () => callStaff(resident)));
    expect(bodies.filter((b) => b.ok)).toHaveLength(3 - before);
    for (const b of bodies.filter((b) => !b.ok)) expectTooOften(b);
    expect(await reveals(resident)).toBe(3);
    expect(await readDoc(db, 'limits', counterKey('callStaff', { max: 3, minutes: 60 }, resident))).toMatchObject({ count: 3 });
  });
});

describe('a window that has ended', () => {
  const hour = { max: 2, minutes: 60 };
  beforeAll(() => setLimits({ callStaff: [hour] }));

  it('the next call opens a new window and is counted as its first', async () => {
    const resident = newResident('later');
    okData(await callStaff(resident));
    okData(await callStaff(resident));
    expectTooOften(await callStaff(resident));
    const key = counterKey('callStaff', hour, resident);
    await db.collection('limits').doc(key).update({ data: { expiresAt: new Date(Date.now() - 1000) } });

    const before = Date.now();
    okData(await callStaff(resident));
    const counter = await readDoc(db, 'limits', key);
    expect(counter.count).toBe(1);
    expect(new Date(counter.expiresAt).getTime()).toBeGreaterThanOrEqual(before + 60 * 60_000);
    okData(await callStaff(resident));
    expectTooOften(await callStaff(resident));
  });

  it('the sweep removes ended counters and keeps running ones', async () => {
    const [ended, running] = [newResident('ended'), newResident('running')];
    okData(await callStaff(ended));
    okData(await callStaff(running));
    await db.collection('limits').doc(counterKey('callStaff', hour, ended)).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const swept = okData(await fireTimer(cloud, 'timers'));
    expect(swept.endedCounters).toBeGreaterThanOrEqual(1);
    expect(await readDoc(db, 'limits', counterKey('callStaff', hour, ended))).toBeNull();
    expect(await readDoc(db, 'limits', counterKey('callStaff', hour, running))).toMatchObject({ count: 1 });
  });
});

describe('who revealed which number', () => {
  it('each number shown is an audit record: caller, grid, whose number, the number, when', async () => {
    await setLimits(null);
    const resident = newResident('audited');
    const before = Date.now();
    const shown = okData(await callStaff(resident));
    const [record] = await readAll(db, 'audit', { reveal: 'phone', openid: resident });
    expect(record).toMatchObject({ gridId: gridOf(G)._id, gridCode: G, staffId: chiefId, staffName: shown.name, phone: shown.phone });
    expect(new Date(record.at).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('a person not on the grid is NOT_FOUND and nothing is audited', async () => {
    const resident = newResident('nobody');
    expect(outcome(await call('grid', resident, 'callStaff', { code: G, staffId: 'staff-nobody' }))).toBe('NOT_FOUND');
    expect(await reveals(resident)).toBe(0);
  });
});
