/**
 * 重办 at most twice: a resident who stays unsatisfied sends the appeal back to its grid twice;
 * the third unsatisfied rating sends it to the community's staff to review (社区复核), and it is
 * recorded where the assessment counts it — against a local cloud.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail } from '../../types/appeal';
import { APPEAL_WORDS } from '../../types/vocabulary';
import { appeal, chiefOf, communityOf, devOutbox, fileAppeal, grantConsents, newResident, okData, subscribeSends } from '../../tests/support/appealKit';
import { readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const G = 'QQ-0201';
const [chief, community] = [chiefOf(G), communityOf(G)];
const resident = newResident('unsatisfied');
let id: string;
const act = async (openid: string, action: string, params: object = {}) => okData(await appeal<AppealDetail>(cloud, openid, action, { id, ...params }));
const newAppealSends = async (touser: string) => subscribeSends(await devOutbox(cloud), touser).filter((s) => s.params.page.endsWith(`id=${id}`));

beforeAll(async () => {
  await grantConsents(cloud, chief, Array(5).fill('appealNew'));
  await grantConsents(cloud, community, Array(5).fill('appealNew'));
  id = (await fileAppeal(cloud, resident, { gridCode: G })).id;
});

it.each([
  ['the first', 1, 1],
  ['the second', 2, 2],
])('%s unsatisfied rating reopens it to the grid (重办), and the chief is told', async (_, score, reopenCount) => {
  await act(chief, 'resolve', { note: '已处理' });
  const told = (await newAppealSends(chief)).length;
  const reopened = await act(resident, 'rate', { score, comment: '没有解决' });
  expect(reopened).toMatchObject({ status: 'submitted', level: 'grid', reopenCount });
  expect(reopened.timeline.at(-1)).toMatchObject({ type: 'reopened' });
  expect(await newAppealSends(chief)).toHaveLength(told + 1);
});

it('the third goes to the community’s staff to review instead, told so; the chief is not called again', async () => {
  await act(chief, 'resolve', { note: '又处理了一次' });
  const toldChief = (await newAppealSends(chief)).length;
  const toldCommunity = (await newAppealSends(community)).length;
  const sent = await act(resident, 'rate', { score: 1, comment: '还是老样子' });

  expect(sent).toMatchObject({ status: 'submitted', level: 'community', gridCode: G, reopenCount: 2 });
  expect(sent.timeline.at(-1)).toMatchObject({ type: 'sentForReview', text: '还是老样子' });
  expect(await readDoc(db, 'appeals', id)).toMatchObject({ level: 'community', reopenCount: 2, communityReviews: 1 });

  expect(await newAppealSends(chief)).toHaveLength(toldChief);
  const sends = await newAppealSends(community);
  expect(sends).toHaveLength(toldCommunity + 1);
  expect(sends.at(-1)!.params.data.thing3.value).toMatch(new RegExp(`^居民不满意${APPEAL_WORDS.event.sentForReview}`));

  const inbox = okData(await appeal<{ items: Array<{ id: string; level: string }> }>(cloud, community, 'inbox'));
  expect(inbox.items.find((a) => a.id === id)).toMatchObject({ level: 'community' });
});

it('under review the grid’s chief follows it but no longer works it; the community does', async () => {
  const detail = await act(chief, 'detail');
  expect(detail.can).toEqual([]);
  const before = await readDoc(db, 'appeals', id);
  expect(await appeal(cloud, chief, 'resolve', { id, note: '网格自己办结' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await readDoc(db, 'appeals', id)).toEqual(before);
  expect((await act(community, 'detail')).can).toContain('resolve');
});

it('resolved by the community and rated unsatisfied again: reviewed again, never back to the grid', async () => {
  await act(community, 'resolve', { note: '社区已协调物业处理' });
  const again = await act(resident, 'rate', { score: 2, comment: '' });
  expect(again).toMatchObject({ status: 'submitted', level: 'community', reopenCount: 2 });
  expect(again.timeline.at(-1)).toMatchObject({ type: 'sentForReview', text: `已${APPEAL_WORDS.event.reopened} 2 次，居民仍不满意` });
  expect(await readDoc(db, 'appeals', id)).toMatchObject({ communityReviews: 2 });
});
