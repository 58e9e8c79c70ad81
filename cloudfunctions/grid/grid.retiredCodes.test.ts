/**
 * Every action that takes a grid code answers a retired grid's code as `grid.resolve` does: NOT_FOUND
 * naming the grid it was merged into (or that it was retired), never a bare 没有找到; and an unknown
 * code as unknown. Nothing is written for such a code.
 */
import { localGroupCloudID } from '../../src/services/devGroupEntry';
import { H5_CLOUD_ID_FIELD } from '../../types/groupChat';
import { appeal, chiefOf, communityOf, fileAppeal, gridOf, newRequestId, newResident, okData, streetOf, type Body } from '../../tests/support/appealKit';
import { LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
const call = async (fn: string, action: string, params: object, openid?: string) => (await cloud.call<Body>(fn, { action, ...params }, openid)).body;

const MERGED = 'GS-0202';
const RETIRED = 'GS-0203';
const UNKNOWN = 'ZZ-9999';
const SUCCESSOR = 'GS-0201';

beforeAll(async () => {
  cloud = await LocalCloud.start();
  okData(await call('grid', 'retire', { code: MERGED, mergedInto: SUCCESSOR }, streetOf(MERGED)));
  okData(await call('grid', 'retire', { code: RETIRED }, streetOf(RETIRED)));
});
afterAll(() => cloud.stop());

/** What the people who act on a grid code would send for `code` (the grid's own staff where it has any). */
const ACTIONS: Array<[string, (code: string) => Promise<Body>]> = [
  ['grid.resolve', (code) => call('grid', 'resolve', { code })],
  ['grid.callStaff', (code) => call('grid', 'callStaff', { code, staffId: gridOf(MERGED).chiefId }, newResident())],
  ['grid.setGroupChat', (code) => call('grid', 'setGroupChat', { code, kind: 'wecom', url: 'https://work.weixin.qq.com/gm/abc' }, chiefOf(MERGED))],
  ['grid.clearGroupChat', (code) => call('grid', 'clearGroupChat', { code }, chiefOf(MERGED))],
  ['grid.groupBinding', (code) => call('grid', 'groupBinding', { code }, chiefOf(MERGED))],
  ['grid.confirmGroup', (code) => call('grid', 'confirmGroup', { code, proposalId: '0123456789abcdef' }, chiefOf(MERGED))],
  ['grid.dismissGroup', (code) => call('grid', 'dismissGroup', { code, proposalId: '0123456789abcdef' }, chiefOf(MERGED))],
  ['grid.unbindGroup', (code) => call('grid', 'unbindGroup', { code }, chiefOf(MERGED))],
  ['grid.groupEnter', (code) => {
    const resident = newResident();
    return call('grid', 'groupEnter', { code, group: { [H5_CLOUD_ID_FIELD]: localGroupCloudID('retired-codes', resident) } }, resident);
  }],
  ['appeal.submit', (code) => call('appeal', 'submit', { gridCode: code, category: 'sanitation', content: '路灯坏了好几天了', requestId: newRequestId() }, newResident())],
  ['appeal.transfer', async (code) => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0101' });
    return call('appeal', 'transfer', { id: filed.id, toGridCode: code, reason: '不属于本网格' }, chiefOf('GS-0101'));
  }],
  ['staff.invite', (code) => call('staff', 'invite', { role: 'worker', gridCode: code, name: '周新', title: '专职网格员', phone: '13900000009' }, communityOf(MERGED))],
  ['staff.unbind', (code) => call('staff', 'unbind', { role: 'worker', gridCode: code, staffId: gridOf(MERGED).workerIds[0] }, communityOf(MERGED))],
  ['staff.team', (code) => call('staff', 'team', { kind: 'grid', gridCode: code }, communityOf(MERGED))],
  ['notice.list', (code) => call('notice', 'list', { gridCode: code })],
];

describe('an action given a retired grid’s code names where the grid went', () => {
  it.each(ACTIONS)('%s, a merged grid: NOT_FOUND naming the grid it was merged into', async (_, act) => {
    expect(await act(MERGED)).toEqual({ ok: false, code: 'NOT_FOUND', message: `网格 ${MERGED} 已并入 ${SUCCESSOR}（${gridOf(SUCCESSOR).name}）` });
  });

  it.each(ACTIONS)('%s, a merged grid typed full-width in lower case: the same', async (_, act) => {
    expect(await act('ｇｓ－０２０２')).toEqual({ ok: false, code: 'NOT_FOUND', message: `网格 ${MERGED} 已并入 ${SUCCESSOR}（${gridOf(SUCCESSOR).name}）` });
  });

  it.each(ACTIONS)('%s, a simply retired grid: NOT_FOUND saying it was retired', async (_, act) => {
    expect(await act(RETIRED)).toEqual({ ok: false, code: 'NOT_FOUND', message: `网格 ${RETIRED} 已撤销` });
  });

  it.each(ACTIONS)('%s, an unknown code: NOT_FOUND naming the code', async (_, act) => {
    expect(await act(UNKNOWN)).toEqual({ ok: false, code: 'NOT_FOUND', message: `没有找到网格码 ${UNKNOWN} 对应的网格` });
  });
});

describe('nothing is written for a retired grid’s code', () => {
  it('an appeal to it is not filed', async () => {
    const resident = newResident();
    await call('appeal', 'submit', { gridCode: MERGED, category: 'sanitation', content: '路灯坏了好几天了', requestId: newRequestId() }, resident);
    expect(okData(await appeal(cloud, resident, 'mine')).items).toEqual([]);
  });

  it('an appeal transferred to it stays where it was', async () => {
    const resident = newResident();
    const filed = await fileAppeal(cloud, resident, { gridCode: 'GS-0101' });
    await call('appeal', 'transfer', { id: filed.id, toGridCode: MERGED, reason: '不属于本网格' }, chiefOf('GS-0101'));
    const detail = okData(await appeal(cloud, resident, 'detail', { id: filed.id }));
    expect(detail.gridCode).toBe('GS-0101');
    expect(detail.timeline.map((e: { type: string }) => e.type)).not.toContain('transferred');
  });
});
