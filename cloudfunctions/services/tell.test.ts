/**
 * Who is told of a new appeal: the grid's chief as the grid's seat names them, the same person its
 * page and sign show, even when a stale role elsewhere still says otherwise — against a local cloud.
 */
import type { DB } from 'wx-server-sdk/index';
import type { GridPage } from '../../types/grid';
import { appeal, devOutbox, fileAppeal, grantConsents, newResident, okData, subscribeSends, type Body } from '../../tests/support/appealKit';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

describe('one answer to "who is this grid’s chief"', () => {
  it('the chief the grid’s seat names is told, and is the chief its page shows', async () => {
    const G = 'GS-0103';
    const seated = 'demo-worker-GS-0103';
    const stale = 'demo-chief-GS-0103';
    await grantConsents(cloud, seated, ['appealNew']);
    await grantConsents(cloud, stale, ['appealNew']);
    // the seat moved to the worker; the former chief's role was left behind
    await db.collection('grids').where({ _id: `grid-${G}` }).update({ data: { chiefId: `worker-${G}` } });

    const page = okData((await cloud.call<Body<GridPage>>('grid', { action: 'resolve', code: G })).body);
    expect(page.chief).toMatchObject({ id: `worker-${G}` });

    // filed elsewhere and transferred in: the grid is looked up afresh, not taken from the submit
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0102' });
    okData(await appeal(cloud, 'demo-chief-GS-0102', 'transfer', { id: filed.id, toGridCode: G, reason: '属于第三网格' }));
    const sends = subscribeSends(await devOutbox(cloud)).filter((s) => String(s.params.page).endsWith(filed.id) && s.params.touser !== 'demo-chief-GS-0102');
    expect(sends.map((s) => s.params.touser)).toEqual([seated]);
  });
});
