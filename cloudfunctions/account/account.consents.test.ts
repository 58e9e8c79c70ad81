/**
 * One-time subscribe consents reported by the app (`account.grantConsents`): one per template per
 * report, as WeChat grants one per tap, and never more than `CONSENTS_KEPT_PER_TEMPLATE` kept.
 */
import type { DB } from 'wx-server-sdk/index';
import { CONSENTS_KEPT_PER_TEMPLATE, type Me } from '../../types/appeal';
import { chiefOf, fileAppeal, me, newResident, okData, type Body } from '../../tests/support/appealKit';
import { readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const CAP = CONSENTS_KEPT_PER_TEMPLATE;
/** One report from the app, as sent: the templates accepted in one dialog. */
const report = async (openid: string, accepted: string[]) =>
  okData((await cloud.call<Body<Me>>('account', { action: 'grantConsents', accepted }, openid)).body);

it('a report naming a template several times counts it once (one tap, one message)', async () => {
  const person = newResident('repeat');
  expect((await report(person, ['appealProgress', 'appealProgress', 'appealProgress', 'appealNew'])).consents).toEqual({ appealNew: 1, appealProgress: 1, groupQrExpiry: 0 });
  expect((await report(person, ['appealProgress', 'appealProgress'])).consents.appealProgress).toBe(2);
  expect(await readDoc(db, 'consents', person)).toMatchObject({ appealNew: 1, appealProgress: 2, groupQrExpiry: 0 });
});

it(`reports past the cap keep ${CAP}, per template`, async () => {
  const person = newResident('many');
  for (let i = 0; i < CAP - 1; i++) await report(person, ['appealProgress']);
  expect((await report(person, ['appealProgress', 'appealNew'])).consents).toMatchObject({ appealProgress: CAP, appealNew: 1 });
  expect((await report(person, ['appealProgress', 'appealNew'])).consents).toMatchObject({ appealProgress: CAP, appealNew: 2 });
  expect(await readDoc(db, 'consents', person)).toMatchObject({ appealProgress: CAP, appealNew: 2 });
});

it('reports at the same moment never pass the cap, from a first report on', async () => {
  const person = newResident('burst');
  await Promise.all(Array.from({ length: CAP + 10 }, () => report(person, ['appealNew', 'groupQrExpiry'])));
  expect(await readDoc(db, 'consents', person)).toMatchObject({ appealNew: CAP, groupQrExpiry: CAP, appealProgress: 0 });
});

it('a consent used below the cap is topped up again, to the cap', async () => {
  const chief = chiefOf('GS-0203');
  for (let i = 0; i < CAP; i++) await report(chief, ['appealNew']);
  await fileAppeal(cloud, newResident(), { gridCode: 'GS-0203' });
  expect((await me(cloud, chief)).consents.appealNew).toBe(CAP - 1);
  expect((await report(chief, ['appealNew'])).consents.appealNew).toBe(CAP);
  expect((await report(chief, ['appealNew'])).consents.appealNew).toBe(CAP);
});

it('a template the stored record lacks (added to GridLink later) counts from 0', async () => {
  const person = newResident('older');
  await db.collection('consents').add({ data: { _id: person, appealNew: 2, appealProgress: 0 } });
  expect((await report(person, ['groupQrExpiry'])).consents).toEqual({ appealNew: 2, appealProgress: 0, groupQrExpiry: 1 });
});
