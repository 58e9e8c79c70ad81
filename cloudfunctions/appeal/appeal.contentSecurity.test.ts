/**
 * Content security fails closed (notes-platform check 8): what WeChat's msgSecCheck calls risky
 * is refused and never stored; what it wants reviewed, or cannot check, is held for community
 * staff and reaches the grid only once they release it. The local cloud's checker says `risky`
 * for 违禁/赌博/枪支, `review` for 待审 and fails for 检测失败.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail } from '../../types/appeal';
import {
  appeal,
  appealInput,
  chiefOf,
  communityOf,
  CONTENT,
  devOutbox,
  expectRefusal,
  fileAppeal,
  grantConsents,
  newResident,
  okData,
  readAllPages,
  streetOf,
  uploadPhoto,
} from '../../tests/support/appealKit';
import { count, readAll, readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const listed = async (openid: string, id: string) => (await readAllPages(cloud, openid, 'inbox')).items.some((a) => a.id === id);
const outboxFor = (appealId: string, touser: string) => readAll(db, 'outbox', { appealId, touser });

describe('risky text is refused', () => {
  it('an appeal WeChat calls risky is CONTENT_RISKY and nothing of it is stored', async () => {
    const resident = newResident();
    const [appeals, counters] = [await count(db, 'appeals'), await readAll(db, 'counters')];
    const body = await appeal(cloud, resident, 'submit', appealInput({ content: '小区门口有人聚众赌博，请管一管' }));
    expectRefusal(body, 'CONTENT_RISKY');
    expect(await count(db, 'appeals')).toBe(appeals);
    expect(await readAll(db, 'counters')).toEqual(counters);
    expect(okData(await appeal(cloud, resident, 'mine')).items).toEqual([]);
  });

  it('the same risky request sent again is refused again, not answered from a stored appeal', async () => {
    const resident = newResident();
    const input = appealInput({ content: '有人在楼下售卖枪支配件' });
    expectRefusal(await appeal(cloud, resident, 'submit', input), 'CONTENT_RISKY');
    expectRefusal(await appeal(cloud, resident, 'submit', input), 'CONTENT_RISKY');
  });
});

describe('the place an appeal names is screened with its words', () => {
  it.each([
    ['a risky place name', { name: '赌博窝点', address: '平阳路 1 号' }],
    ['a risky address', { name: '平阳小区', address: '枪支交易点' }],
  ])('%s is CONTENT_RISKY and nothing is stored', async (_, place) => {
    const before = await count(db, 'appeals');
    expectRefusal(await appeal(cloud, newResident(), 'submit', appealInput({ location: { latitude: 35.4, longitude: 116.97, ...place } })), 'CONTENT_RISKY');
    expect(await count(db, 'appeals')).toBe(before);
  });

  it('a place name WeChat wants reviewed holds the appeal', async () => {
    const filed = await fileAppeal(cloud, newResident(), { location: { latitude: 35.4, longitude: 116.97, name: '平阳小区 待审', address: '平阳路 1 号' } });
    expect(filed.status).toBe('held');
  });
});

describe('text WeChat wants reviewed is held for community staff', () => {
  let held: AppealDetail;
  beforeAll(async () => {
    await grantConsents(cloud, chiefOf('GS-0102'), ['appealNew', 'appealNew']);
    held = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0102', content: `${CONTENT}，待审` });
  });

  it('is stored as held, with a held event on its timeline', async () => {
    expect(held.status).toBe('held');
    expect(held.timeline.map((e) => e.type)).toEqual(['submitted', 'held']);
    expect((await readDoc(db, 'appeals', held.id))!.status).toBe('held');
  });

  it('is not in the grid chief’s inbox, and the chief cannot open it', async () => {
    expect(await listed(chiefOf('GS-0102'), held.id)).toBe(false);
    expectRefusal(await appeal(cloud, chiefOf('GS-0102'), 'detail', { id: held.id }), 'FORBIDDEN');
  });

  it('does not notify the chief', async () => {
    expect(await outboxFor(held.id, chiefOf('GS-0102'))).toEqual([]);
  });

  it('is in the community staff’s inbox, who may moderate it', async () => {
    expect(await listed(communityOf('GS-0102'), held.id)).toBe(true);
    expect(okData(await appeal<AppealDetail>(cloud, communityOf('GS-0102'), 'detail', { id: held.id })).can).toContain('moderate');
  });

  it('once released it is submitted, in the chief’s inbox, and the chief is told', async () => {
    const released = okData(await appeal<AppealDetail>(cloud, communityOf('GS-0102'), 'moderate', { id: held.id, release: true }));
    expect(released.status).toBe('submitted');
    expect(released.timeline.at(-1)).toMatchObject({ type: 'released', actor: { kind: 'staff', staffId: 'community-GS01' } });
    expect(await listed(chiefOf('GS-0102'), held.id)).toBe(true);
    expect(await outboxFor(held.id, chiefOf('GS-0102'))).toEqual([expect.objectContaining({ status: 'sent', template: 'appealNew' })]);
    expect(okData(await appeal(cloud, chiefOf('GS-0102'), 'accept', { id: held.id })).status).toBe('accepted');
  });
});

describe('a checker that fails holds the appeal too', () => {
  it('text the checker could not check is held', async () => {
    const filed = await fileAppeal(cloud, newResident(), { content: `${CONTENT}（检测失败）` });
    expect(filed.status).toBe('held');
    expect(await listed(chiefOf('GS-0101'), filed.id)).toBe(false);
    expect(await listed(streetOf('GS-0101'), filed.id)).toBe(true);
  });

  it('a photo that cannot be sent for checking is held', async () => {
    const missing = 'cloud://local-env.6c6f-local-env-1300000000/appeals/202611/never-uploaded.jpg';
    expect((await fileAppeal(cloud, newResident(), { photos: [missing] })).status).toBe('held');
  });

  it('an uploaded photo goes for checking and the appeal is not held (its verdict comes later)', async () => {
    const photo = await uploadPhoto(cloud);
    const filed = await fileAppeal(cloud, newResident(), { photos: [photo] });
    expect(filed.status).toBe('submitted');
    const [media] = (await readDoc(db, 'appeals', filed.id))!.media;
    expect(media).toMatchObject({ fileID: photo, hidden: false, traceId: expect.stringMatching(/\S/) });
  });
});

it('a rejected held appeal is closed and never reaches the grid', async () => {
  const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0103', content: `${CONTENT}，待审` });
  const closed = okData(await appeal<AppealDetail>(cloud, streetOf('GS-0103'), 'moderate', { id: filed.id, release: false, reason: '与网格事务无关' }));
  expect(closed.status).toBe('closed');
  expect(closed.timeline.at(-1)).toMatchObject({ type: 'closed', text: '与网格事务无关' });
  expect(await listed(chiefOf('GS-0103'), filed.id)).toBe(false);
  expect(await outboxFor(filed.id, chiefOf('GS-0103'))).toEqual([]);
});

describe('risky words from staff and in ratings are refused too', () => {
  it('a risky staff reply is CONTENT_RISKY and the timeline is unchanged', async () => {
    const filed = await fileAppeal(cloud, newResident());
    const body = await appeal(cloud, chiefOf('GS-0101'), 'reply', { id: filed.id, text: '这是违禁内容' });
    expectRefusal(body, 'CONTENT_RISKY');
    expect((await readDoc(db, 'appeals', filed.id))!.timeline).toHaveLength(1);
  });

  it('a risky resolution note is CONTENT_RISKY and the appeal stays open', async () => {
    const filed = await fileAppeal(cloud, newResident());
    expectRefusal(await appeal(cloud, chiefOf('GS-0101'), 'resolve', { id: filed.id, note: '已联系赌博团伙' }), 'CONTENT_RISKY');
    expect((await readDoc(db, 'appeals', filed.id))!.status).toBe('submitted');
  });

  it('a risky rating comment is CONTENT_RISKY and the appeal stays resolved', async () => {
    const resident = newResident();
    const filed = await fileAppeal(cloud, resident);
    okData(await appeal(cloud, chiefOf('GS-0101'), 'resolve', { id: filed.id, note: '已清理完毕' }));
    expectRefusal(await appeal(cloud, resident, 'rate', { id: filed.id, score: 5, comment: '违禁' }), 'CONTENT_RISKY');
    expect((await readDoc(db, 'appeals', filed.id))!).toMatchObject({ status: 'resolved', rating: null });
  });

  it('a staff reply is checked under the staff member’s own openid', async () => {
    const filed = await fileAppeal(cloud, newResident());
    okData(await appeal(cloud, chiefOf('GS-0101'), 'reply', { id: filed.id, text: '收到，马上处理这个问题' }));
    const checks = (await devOutbox(cloud)).filter((e) => e.api === 'security.msgSecCheck' && e.params.content === '收到，马上处理这个问题');
    expect(checks.map((c) => c.params.openid)).toEqual([chiefOf('GS-0101')]);
  });

  // Reasons are on the timeline the resident reads, like a reply.
  it.each([
    ['a transfer reason', 'transfer', { toGridCode: 'GS-0102', reason: '这里有人赌博' }],
    ['an escalation reason', 'escalate', { reason: '涉及违禁物品' }],
    ['a send-back reason', 'sendBack', { reason: '枪支问题不归网格' }],
  ])('a risky %s is CONTENT_RISKY and the appeal is unchanged', async (_, action, params) => {
    const filed = await fileAppeal(cloud, newResident());
    const before = await readDoc(db, 'appeals', filed.id);
    expectRefusal(await appeal(cloud, chiefOf('GS-0101'), action, { id: filed.id, ...params }), 'CONTENT_RISKY');
    expect(await readDoc(db, 'appeals', filed.id)).toEqual(before);
  });

  it('a risky reason for rejecting a held appeal is CONTENT_RISKY and the appeal stays held', async () => {
    const filed = await fileAppeal(cloud, newResident(), { content: `${CONTENT}，待审` });
    const body = await appeal(cloud, communityOf('GS-0101'), 'moderate', { id: filed.id, release: false, reason: '内容涉及赌博' });
    expectRefusal(body, 'CONTENT_RISKY');
    expect((await readDoc(db, 'appeals', filed.id))!.status).toBe('held');
  });
});
