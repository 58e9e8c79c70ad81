/**
 * The SLA timer against the local cloud: each step happens exactly once, whether the timer runs
 * twice in a row, twice at once, or dies between a step and its messages; a client may not run it.
 * Time is moved by backdating one appeal's deadlines, so other appeals are untouched.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealRecord } from '../domain/records';
import { timerDueAt } from '../domain/slaTimer';
import type { Ports } from '../kit/ports';
import { keepPromises } from './slaClock';
import { appeal, communityOf, chiefOf, devOutbox, expectRefusal, fileAppeal, fireTimer, grantConsents, newResident, okData, streetOf, subscribeSends } from '../../tests/support/appealKit';
import { readAll, readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const MINUTE = 60_000;

/**
 * Moves an appeal's clocks so that 受理 passed `minutesAgo` minutes ago (the others keep their
 * distance from it), as if the local cloud's clock had moved on for this appeal alone.
 */
async function backdate(id: string, minutesAgo: number): Promise<void> {
  const stored = (await readDoc<AppealRecord>(db, 'appeals', id))!;
  const shift = Date.now() - minutesAgo * MINUTE - new Date(stored.deadlines.acceptBy).getTime();
  const moved = (d: Date) => new Date(new Date(d).getTime() + shift);
  const deadlines = { acceptBy: moved(stored.deadlines.acceptBy), onSiteBy: moved(stored.deadlines.onSiteBy), resolveBy: moved(stored.deadlines.resolveBy) };
  await db.collection('appeals').doc(id).update({ data: { deadlines: db.command.set(deadlines), timerDue: timerDueAt({ ...stored, deadlines }) } });
}

/** Files an appeal in GS-0101 whose filer, chief and community staff all have consents left. */
async function lateAppeal(): Promise<{ id: string; resident: string }> {
  const resident = newResident('sla');
  await grantConsents(cloud, resident, ['appealProgress', 'appealProgress']);
  await grantConsents(cloud, chiefOf('GS-0101'), ['appealNew', 'appealNew']);
  await grantConsents(cloud, communityOf('GS-0101'), ['appealNew', 'appealNew']);
  const filed = await fileAppeal(cloud, resident);
  await backdate(filed.id, 1);
  return { id: filed.id, resident };
}

const stored = async (id: string) => (await readDoc<AppealRecord>(db, 'appeals', id))!;
const outboxOf = async (id: string) => readAll<{ _id: string; touser: string; status: string }>(db, 'outbox', { appealId: id });
const sendsFor = async (id: string) => subscribeSends(await devOutbox(cloud)).filter((s) => String(s.params.page).endsWith(`id=${id}`));

/** What one late 受理 must leave: one escalation, one message to the community and one to the filer. */
async function expectOneEscalation(id: string, resident: string) {
  const after = await stored(id);
  expect(after.level).toBe('community');
  expect(after.timeline.filter((e) => e.type === 'escalated')).toHaveLength(1);
  expect(after.timeline.at(-1)).toMatchObject({ type: 'escalated', actor: { kind: 'system' }, detail: 'community' });
  expect(after.sla).toMatchObject({ missed: ['acceptBy'], owed: [] });
  const records = await outboxOf(id);
  // The filing told the chief once; the escalation tells the community and the filer once each.
  expect(records.filter((r) => r.touser === communityOf('GS-0101'))).toHaveLength(1);
  expect(records.filter((r) => r.touser === resident)).toHaveLength(1);
  expect(records.filter((r) => r.touser === chiefOf('GS-0101'))).toHaveLength(1);
  const sends = await sendsFor(id);
  expect(sends.filter((s) => s.params.touser === communityOf('GS-0101'))).toHaveLength(1);
  expect(sends.filter((s) => s.params.touser === resident)).toHaveLength(1);
  expect(sends.find((s) => s.params.touser === resident)!.params.data.thing3.value).toBe('受理时限已超时，已升级至社区办理');
}

describe('the SLA timer', () => {
  it('run twice in a row: one escalation, one message each', async () => {
    const { id, resident } = await lateAppeal();
    const first = okData(await fireTimer(cloud, 'timers'));
    expect(first.clocks.escalated).toBeGreaterThanOrEqual(1);
    await fireTimer(cloud, 'timers');
    await expectOneEscalation(id, resident);
  });

  it('two runs at once: one escalation, one message each', async () => {
    const { id, resident } = await lateAppeal();
    await Promise.all([fireTimer(cloud, 'timers'), fireTimer(cloud, 'timers'), fireTimer(cloud, 'timers')]);
    await expectOneEscalation(id, resident);
  });

  it('a run that dies between the escalation and its messages: the next run sends them, once', async () => {
    const { id, resident } = await lateAppeal();
    await expect(keepPromises(dyingAfterFirstAppealWrite(db), Date.now() + 10_000)).rejects.toThrow('the function died');
    const crashed = await stored(id);
    expect(crashed.level).toBe('community');
    expect(crashed.sla!.owed.map((o) => o.audience)).toEqual(['level', 'resident']);
    expect((await outboxOf(id)).filter((r) => r.touser !== chiefOf('GS-0101'))).toEqual([]);

    await fireTimer(cloud, 'timers');
    await fireTimer(cloud, 'timers');
    await expectOneEscalation(id, resident);
  });

  it('a reminder before the deadline goes to the chief once, and the appeal stays at the grid', async () => {
    const resident = newResident('sla');
    const filed = await fileAppeal(cloud, resident);
    await grantConsents(cloud, chiefOf('GS-0101'), ['appealNew', 'appealNew']);
    await backdate(filed.id, -10);
    await fireTimer(cloud, 'timers');
    await fireTimer(cloud, 'timers');
    const after = await stored(filed.id);
    expect(after.level).toBe('grid');
    expect(after.sla).toMatchObject({ reminded: ['acceptBy'], missed: [], owed: [] });
    const reminders = (await sendsFor(filed.id)).filter((s) => s.params.touser === chiefOf('GS-0101') && s.params.data.thing3.value.startsWith('催办'));
    expect(reminders).toHaveLength(1);
  });

  it('each later deadline missed rises one more level; at the street it is overdue and the street is told', async () => {
    const { id } = await lateAppeal();
    await grantConsents(cloud, streetOf('GS-0101'), ['appealNew', 'appealNew', 'appealNew']);
    await fireTimer(cloud, 'timers');
    const before = await stored(id);
    // 到场 and 办结 passed too.
    const deadlines = { ...before.deadlines, onSiteBy: new Date(Date.now() - 2 * MINUTE), resolveBy: new Date(Date.now() - MINUTE) };
    await db.collection('appeals').doc(id).update({ data: { deadlines: db.command.set(deadlines), timerDue: timerDueAt({ ...before, deadlines }) } });
    await fireTimer(cloud, 'timers');
    await fireTimer(cloud, 'timers');
    const after = await stored(id);
    expect(after.level).toBe('street');
    expect(after.timeline.filter((e) => e.actor.kind === 'system').map((e) => [e.type, e.detail])).toEqual([
      ['escalated', 'community'],
      ['escalated', 'street'],
      ['overdue', 'resolveBy'],
    ]);
    expect((await sendsFor(id)).filter((s) => s.params.touser === streetOf('GS-0101'))).toHaveLength(2);
  });

  it('an appeal stored before the timer existed (no timerDue) is found, raised once and shown on the board', async () => {
    const { id, resident } = await lateAppeal();
    await db.collection('appeals').doc(id).update({ data: { timerDue: db.command.remove(), owedKey: db.command.remove(), sla: db.command.remove() } });
    expect(await readDoc(db, 'appeals', id)).not.toHaveProperty('timerDue');
    await fireTimer(cloud, 'timers');
    await fireTimer(cloud, 'timers');
    await expectOneEscalation(id, resident);
    const board = okData(await appeal(cloud, communityOf('GS-0101'), 'board'));
    expect(board.items.map((a: { id: string }) => a.id)).toContain(id);
  });

  it('a call from the mini-program is refused and changes nothing', async () => {
    const { id } = await lateAppeal();
    const reply = await cloud.call('timers', {}, newResident('sla'));
    expectRefusal(reply.body, 'FORBIDDEN');
    expect((await stored(id)).level).toBe('grid');
    const detail = okData(await appeal(cloud, chiefOf('GS-0101'), 'detail', { id }));
    expect(detail.level).toBe('grid');
  });
});

/**
 * Ports over the local cloud's database that die (every later call fails, as a killed function's
 * would never happen) right after the first write to an appeal: the escalation is saved, nothing
 * after it runs.
 */
function dyingAfterFirstAppealWrite(real: DB.Database): Ports {
  let dead = false;
  const check = () => {
    if (dead) throw new Error('the function died');
  };
  const wrap = (target: any, collection: string): any =>
    new Proxy(target, {
      get(object, key) {
        const value = Reflect.get(object, key);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          check();
          const out = value.apply(object, args);
          if (out instanceof Promise) return key === 'update' && collection === 'appeals' ? out.then((r) => ((dead = true), r)) : out;
          return out && typeof out === 'object' ? wrap(out, collection) : out;
        };
      },
    });
  const db = new Proxy(real, {
    get(target, key) {
      if (key !== 'collection') return Reflect.get(target, key);
      return (name: string) => {
        check();
        return wrap(target.collection(name), name);
      };
    },
  });
  const died = () => Promise.reject(new Error('the function died'));
  return {
    caller: null,
    source: 'wx_trigger',
    db,
    clock: { now: () => new Date() },
    wx: { sendSubscribe: died, checkText: died, checkImage: died, openData: died, miniProgramCode: died },
    files: { put: died, get: died, tempUrls: died, pathOf: () => null },
  };
}
