/**
 * Database round trips of the appeal actions against the local cloud (issue 14: each one adds
 * tens of milliseconds on CloudBase). The appeal and the caller's staff record are one read.
 */
import { chiefOf, communityOf, fileAppeal, newResident, okData, type Body } from '../../tests/support/appealKit';
import { LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
beforeAll(async () => (cloud = await LocalCloud.start()));
afterAll(() => cloud.stop());

const trips = async (openid: string, params: object) => {
  const reply = await cloud.call<Body>('appeal', params, openid);
  return { body: reply.body, roundTrips: reply.roundTrips };
};

it('appeal.detail is one round trip for the filer, the grid’s chief and the community, and for an id that does not exist', async () => {
  const filer = newResident('trips');
  const { id } = await fileAppeal(cloud, filer, { gridCode: 'GS-0101' });
  for (const openid of [filer, chiefOf('GS-0101'), communityOf('GS-0101')]) {
    const { body, roundTrips } = await trips(openid, { action: 'detail', id });
    expect(okData(body).id).toBe(id);
    expect(roundTrips).toBe(1);
  }
  const missing = await trips(filer, { action: 'detail', id: 'no-such-appeal' });
  expect(missing.body).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(missing.roundTrips).toBe(1);
});
