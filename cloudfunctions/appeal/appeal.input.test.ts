/**
 * Bad input and operator injection on every appeal action that takes input (notes-platform
 * checks 4 and 6): each is INVALID_INPUT with a message in Chinese, and nothing is written.
 * Each action is tried as a caller who, with good input, would have changed something.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail } from '../../types/appeal';
import { appeal, appealInput, chiefOf, communityOf, CONTENT, expectRefusal, fileAppeal, newResident, okData, streetOf } from '../../tests/support/appealKit';
import { count, readAll } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
const filer = newResident('filer');
let submitted: AppealDetail;
let resolved: AppealDetail;
let held: AppealDetail;

beforeAll(async () => {
  ({ cloud, db } = await openLocalCloud());
  submitted = await fileAppeal(cloud, filer);
  resolved = await fileAppeal(cloud, filer);
  okData(await appeal(cloud, chiefOf('GS-0101'), 'resolve', { id: resolved.id, note: '已清理完毕' }));
  held = await fileAppeal(cloud, filer, { content: `${CONTENT}，待审` });
});
afterAll(() => cloud.stop());

const NE = { $ne: null };
const REGEX = { $regex: '.*' };
const CLOUD_PHOTO = (n: number) => `cloud://local-env.6c6f-local-env-1300000000/appeals/202611/p${n}.jpg`;
const TEN_PHOTOS = Array.from({ length: 10 }, (_, i) => CLOUD_PHOTO(i));
const chars = (n: number) => '很'.repeat(n);

/** Everything an action could write: all appeals (with their timelines), the counters, the outbox. */
async function snapshot() {
  return {
    appeals: await readAll(db, 'appeals'),
    counters: await readAll(db, 'counters'),
    outbox: await count(db, 'outbox'),
    blocks: await count(db, 'blocks'),
  };
}

type Who = 'resident' | 'filer' | 'chief' | 'community' | 'street';
const caller = (who: Who) => ({ resident: newResident('fresh'), filer, chief: chiefOf('GS-0101'), community: communityOf('GS-0101'), street: streetOf('GS-0101') })[who];

/** [what, action, who calls, params (given the appeals), the exact message where it matters] */
type Row = [string, string, Who, () => object, string?];
const ROWS: Row[] = [
  // submit
  ['submit: an operator where the grid code belongs', 'submit', 'resident', () => appealInput({ gridCode: NE as never })],
  ['submit: a regex where the grid code belongs', 'submit', 'resident', () => appealInput({ gridCode: REGEX as never })],
  ['submit: an operator where the category belongs', 'submit', 'resident', () => appealInput({ category: NE as never })],
  ['submit: an operator where the request id belongs', 'submit', 'resident', () => appealInput({ requestId: NE as never })],
  ['submit: content of 501 characters', 'submit', 'resident', () => appealInput({ content: chars(501) }), '问题描述不能超过 500 个字'],
  ['submit: content of 4 characters', 'submit', 'resident', () => appealInput({ content: '灯坏了啊' }), '问题描述至少 5 个字'],
  ['submit: content that is only spaces', 'submit', 'resident', () => appealInput({ content: '          ' }), '请填写问题描述'],
  ['submit: content that is an operator', 'submit', 'resident', () => appealInput({ content: REGEX as never })],
  ['submit: 10 photos', 'submit', 'resident', () => appealInput({ photos: TEN_PHOTOS }), '最多上传 9 张图片'],
  ['submit: a photo that is not in cloud storage', 'submit', 'resident', () => appealInput({ photos: ['https://evil.example.com/a.jpg'] }), '图片必须先上传到云存储'],
  ['submit: a photo that is an operator', 'submit', 'resident', () => appealInput({ photos: [NE as never] })],
  ['submit: a category from another street’s directory', 'submit', 'resident', () => appealInput({ category: 'gas' }), '请从本街道的事项清单中选择类别'],
  ['submit: a category that is not an id', 'submit', 'resident', () => appealInput({ category: '环境卫生' }), '请选择事项类别'],
  ['submit: a bad phone number', 'submit', 'resident', () => appealInput({ contactPhone: '12345' }), '联系电话格式不正确'],
  ['submit: a phone number that is an operator', 'submit', 'resident', () => appealInput({ contactPhone: NE as never })],
  ['submit: a latitude off the globe', 'submit', 'resident', () => appealInput({ location: { latitude: 200, longitude: 116.97 } })],
  ['submit: anonymous as text', 'submit', 'resident', () => appealInput({ anonymous: 'yes' as never })],
  ['submit: a request id too short to be unique', 'submit', 'resident', () => appealInput({ requestId: 'abc' }), '请求编号格式不正确'],
  // lists
  ['mine: an operator where the status belongs', 'mine', 'filer', () => ({ status: NE })],
  ['mine: a status that does not exist', 'mine', 'filer', () => ({ status: 'deleted' })],
  ['mine: a regex where the cursor belongs', 'mine', 'filer', () => ({ cursor: REGEX })],
  ['inbox: an operator list where the status belongs', 'inbox', 'chief', () => ({ status: { $in: ['held', 'closed'] } })],
  ['inbox: an operator where the cursor belongs', 'inbox', 'chief', () => ({ cursor: { $gt: '' } })],
  ['inbox: a cursor with characters a cursor never has', 'inbox', 'chief', () => ({ cursor: '2026"}' }), '分页参数不正确'],
  // one appeal
  ['detail: an operator where the id belongs', 'detail', 'filer', () => ({ id: NE })],
  ['detail: a regex where the id belongs', 'detail', 'filer', () => ({ id: REGEX })],
  ['detail: a path where the id belongs', 'detail', 'filer', () => ({ id: '../appeals' }), '编号格式不正确'],
  ['accept: an operator where the id belongs', 'accept', 'chief', () => ({ id: NE })],
  ['accept: a regex where the id belongs', 'accept', 'chief', () => ({ id: REGEX })],
  ['reply: 501 characters', 'reply', 'chief', () => ({ id: submitted.id, text: chars(501) }), '回复内容不能超过 500 个字'],
  ['reply: empty', 'reply', 'chief', () => ({ id: submitted.id, text: '   ' }), '请填写回复内容'],
  ['reply: text that is an operator', 'reply', 'chief', () => ({ id: submitted.id, text: NE })],
  ['reply: 10 photos', 'reply', 'chief', () => ({ id: submitted.id, text: '已处理', photos: TEN_PHOTOS }), '最多上传 9 张图片'],
  ['transfer: a regex where the grid code belongs', 'transfer', 'chief', () => ({ id: submitted.id, toGridCode: REGEX, reason: '属于第二网格' })],
  ['transfer: an operator where the grid code belongs', 'transfer', 'chief', () => ({ id: submitted.id, toGridCode: NE, reason: '属于第二网格' })],
  ['transfer: a reason of 201 characters', 'transfer', 'chief', () => ({ id: submitted.id, toGridCode: 'GS-0102', reason: chars(201) }), '转办原因不能超过 200 个字'],
  ['escalate: a reason of 1 character', 'escalate', 'chief', () => ({ id: submitted.id, reason: '急' }), '升级原因至少 2 个字'],
  ['escalate: an operator where the id belongs', 'escalate', 'chief', () => ({ id: NE, reason: '需要社区协调' })],
  ['resolve: a note of 501 characters', 'resolve', 'chief', () => ({ id: submitted.id, note: chars(501) }), '办理结果不能超过 500 个字'],
  ['resolve: a photo that is not in cloud storage', 'resolve', 'chief', () => ({ id: submitted.id, note: '已清理', photos: ['http://127.0.0.1/x.jpg'] }), '图片必须先上传到云存储'],
  ['sendBack: an operator where the reason belongs', 'sendBack', 'chief', () => ({ id: submitted.id, reason: NE })],
  ['rate: score 0', 'rate', 'filer', () => ({ id: resolved.id, score: 0 }), '评分必须是 1–5 的整数'],
  ['rate: score 6', 'rate', 'filer', () => ({ id: resolved.id, score: 6 }), '评分必须是 1–5 的整数'],
  ['rate: score 2.5', 'rate', 'filer', () => ({ id: resolved.id, score: 2.5 }), '评分必须是 1–5 的整数'],
  ['rate: score as text', 'rate', 'filer', () => ({ id: resolved.id, score: '5' })],
  ['rate: score that is an operator', 'rate', 'filer', () => ({ id: resolved.id, score: { $gt: 0 } })],
  ['rate: a comment of 201 characters', 'rate', 'filer', () => ({ id: resolved.id, score: 5, comment: chars(201) }), '评价不能超过 200 个字'],
  ['rate: an operator where the id belongs', 'rate', 'filer', () => ({ id: NE, score: 5 })],
  ['moderate: release as text', 'moderate', 'community', () => ({ id: held.id, release: 'true' })],
  ['moderate: a regex where the id belongs', 'moderate', 'community', () => ({ id: REGEX, release: true })],
  ['block: no reason', 'block', 'street', () => ({ id: submitted.id, reason: '' }), '请填写限制原因'],
  ['block: an operator where the id belongs', 'block', 'street', () => ({ id: NE, reason: '多次恶意反映' })],
  ['unblock: an operator where the id belongs', 'unblock', 'street', () => ({ id: NE })],
];

describe('bad input is INVALID_INPUT, in Chinese, and writes nothing', () => {
  // a rest parameter: jest would take a fifth named parameter for `done` on rows without a message
  it.each(ROWS)('%s', async (...[, action, who, params, message]: Row) => {
    const before = await snapshot();
    const body = await appeal(cloud, caller(who), action, params());
    expectRefusal(body, 'INVALID_INPUT');
    if (message) expect(body).toMatchObject({ message });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the same calls with good input do write (the rows above would notice)', () => {
  it('a good submit adds an appeal and moves the street’s counter', async () => {
    const before = await snapshot();
    okData(await appeal(cloud, newResident('fresh'), 'submit', appealInput()));
    const after = await snapshot();
    expect(after.appeals.length).toBe(before.appeals.length + 1);
    expect(after.counters).not.toEqual(before.counters);
  });

  it('a good reply adds to the timeline', async () => {
    const before = (await readAll(db, 'appeals', { _id: submitted.id }))[0];
    okData(await appeal(cloud, chiefOf('GS-0101'), 'reply', { id: submitted.id, text: '已联系物业' }));
    const after = (await readAll(db, 'appeals', { _id: submitted.id }))[0];
    expect(after.timeline.length).toBe(before.timeline.length + 1);
  });
});

it('an unknown action is INVALID_INPUT naming it in Chinese', async () => {
  const body = await appeal(cloud, filer, 'dropAppeals');
  expect(body).toEqual({ ok: false, code: 'INVALID_INPUT', message: '不支持的操作：dropAppeals' });
});

it('an operator where the action name belongs is INVALID_INPUT', async () => {
  const { body } = await cloud.call('appeal', { action: { $ne: null } }, filer);
  expectRefusal(body, 'INVALID_INPUT');
});
