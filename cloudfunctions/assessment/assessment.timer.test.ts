/**
 * The timer assesses last month on the 1st (Asia/Shanghai) for every street not yet assessed,
 * and does nothing on other days.
 */
import type { DB } from 'wx-server-sdk/index';
import { fireTimer, okData } from '../../tests/support/appealKit';
import { moveClock } from '../../tests/support/clock';
import { count, readAll } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

it('assesses July on 1 August just after midnight in Zoucheng, every street, on the assessment function’s own trigger, and the same again on a later run', async () => {
  await moveClock(cloud, { at: '2030-08-01T00:05:00+08:00' });
  okData(await fireTimer(cloud, 'assessment'));
  const docs = await readAll(db, 'assessments', { month: '2030-07' });
  expect(new Set(docs.map((d) => d.streetId))).toEqual(new Set(['GS', 'QQ', 'FS']));
  expect(docs).toHaveLength(36);
  okData(await fireTimer(cloud, 'assessment'));
  expect(await readAll(db, 'assessments', { month: '2030-07' })).toEqual(docs);
});

it('leaves the month alone on any other day (31 August 23:55 in Zoucheng is still August)', async () => {
  await moveClock(cloud, { at: '2030-08-31T23:55:00+08:00' });
  okData(await fireTimer(cloud, 'assessment'));
  await moveClock(cloud, { at: '2030-09-02T09:00:00+08:00' });
  okData(await fireTimer(cloud, 'assessment'));
  expect(await count(db, 'assessments', { month: '2030-08' })).toBe(0);
});

it('computes again on the 1st a street whose staff computed the month while it ran, so the month rests on all its days', async () => {
  const street = 'demo-street-GS';
  await moveClock(cloud, { at: '2030-10-05T10:00:00+08:00' });
  okData(await cloud.call('assessment', { action: 'compute', month: '2030-10', streetId: 'GS' }, street).then((r) => r.body));
  const early = await readAll(db, 'assessments', { month: '2030-10', streetId: 'GS' });
  // As far as the month had gone: the moment of computing (the moved clock runs on), not its end.
  const [asOf, ...others] = new Set(early.map((d) => Date.parse(d.asOf)));
  expect(others).toEqual([]);
  expect(asOf).toBeGreaterThanOrEqual(Date.parse('2030-10-05T10:00:00+08:00'));
  expect(asOf).toBeLessThan(Date.parse('2030-10-05T11:00:00+08:00'));
  await moveClock(cloud, { at: '2030-11-01T00:05:00+08:00' });
  okData(await fireTimer(cloud, 'assessment'));
  const whole = await readAll(db, 'assessments', { month: '2030-10' });
  expect(whole).toHaveLength(36);
  expect(new Set(whole.map((d) => d.asOf))).toEqual(new Set([new Date('2030-11-01T00:00:00+08:00').toISOString()]));
});

it('refuses a timer event sent by a mini-program user, and computes nothing', async () => {
  await moveClock(cloud, { at: '2030-10-01T00:05:00+08:00' });
  const { body } = await cloud.call('assessment', { Type: 'Timer', TriggerName: 'assessAndRollUp' }, 'res-timer-forger');
  expect(body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await count(db, 'assessments', { month: '2030-09' })).toBe(0);
});
