/**
 * Notices (DESIGN §1.4–1.5, §4 notice.*): who may publish where, where a notice shows, the order,
 * what bad input and risky words get, read counts, and paging — against a local cloud.
 */
import type { DB } from 'wx-server-sdk/index';
import type { NoticeDetail, NoticeItem } from '../../types/notice';
import { chiefOf, communityOf, expectRefusal, gridOf, newResident, okData, streetOf, unique, uploadPhoto, workerOf, type Body } from '../../tests/support/appealKit';
import { count } from '../../tests/support/cloudDb';
import { demo, LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const notice = async <T = any>(openid: string | undefined, action: string, params: object = {}): Promise<Body<T>> =>
  (await cloud.call<Body<T>>('notice', { action, ...params }, openid)).body;

type Kind = 'grid' | 'community' | 'street';
const scopeOf = (kind: Kind, code: string) => {
  const g = gridOf(code);
  return { kind, id: kind === 'grid' ? g._id : kind === 'community' ? g.communityId : g.streetId };
};
const draft = (kind: Kind, code: string, extra: object = {}) => ({
  scope: scopeOf(kind, code),
  title: unique('通知'),
  body: '本周六上午9点在党群服务站开展义诊，请居民互相转告。',
  ...extra,
});
const publishAs = async (openid: string, kind: Kind, code: string, extra: object = {}) =>
  okData(await notice<NoticeDetail>(openid, 'publish', draft(kind, code, extra)));

const gridsOf = (pick: (g: (typeof demo.grids)[number]) => boolean) => demo.grids.filter(pick).map((g) => g.code);
const noticeIdsOnGridPage = async (code: string): Promise<string[]> =>
  okData((await cloud.call<Body<{ notices: Array<{ id: string }> }>>('grid', { action: 'resolve', code })).body).notices.map((n) => n.id);

async function readAll(code: string, openid?: string) {
  const items: NoticeItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: NoticeItem[]; cursor: string | null } = okData(await notice(openid, 'list', { gridCode: code, ...(cursor ? { cursor } : {}) }));
    items.push(...page.items);
    cursor = page.cursor;
    if (++pages > 50) throw new Error('the list never ends');
  } while (cursor);
  return { items, pages };
}

describe('who may publish where', () => {
  const G = 'GS-0101'; // community GS01, street GS
  const OTHER_GRID_SAME_COMMUNITY = 'GS-0102';
  const OTHER_COMMUNITY_SAME_STREET = 'GS-0201';
  const OTHER_STREET = 'QQ-0101';
  const resident = newResident('notice');

  it.each<[string, string | undefined, Kind, string, string]>([
    ['chief → own grid', chiefOf(G), 'grid', G, 'ok'],
    ['worker → own grid', workerOf(G), 'grid', G, 'ok'],
    ['chief → another grid', chiefOf(G), 'grid', OTHER_GRID_SAME_COMMUNITY, 'FORBIDDEN'],
    ['chief → own community', chiefOf(G), 'community', G, 'FORBIDDEN'],
    ['chief → own street', chiefOf(G), 'street', G, 'FORBIDDEN'],
    ['community → own community', communityOf(G), 'community', G, 'ok'],
    ['community → a grid in it', communityOf(G), 'grid', OTHER_GRID_SAME_COMMUNITY, 'ok'],
    ['community → another community', communityOf(G), 'community', OTHER_COMMUNITY_SAME_STREET, 'FORBIDDEN'],
    ['community → a grid of another community', communityOf(G), 'grid', OTHER_COMMUNITY_SAME_STREET, 'FORBIDDEN'],
    ['community → its street', communityOf(G), 'street', G, 'FORBIDDEN'],
    ['street → own street', streetOf(G), 'street', G, 'ok'],
    ['street → a community in it', streetOf(G), 'community', OTHER_COMMUNITY_SAME_STREET, 'ok'],
    ['street → a grid in it', streetOf(G), 'grid', OTHER_COMMUNITY_SAME_STREET, 'ok'],
    ['street → another street', streetOf(G), 'street', OTHER_STREET, 'FORBIDDEN'],
    ['street → a grid of another street', streetOf(G), 'grid', OTHER_STREET, 'FORBIDDEN'],
    ['resident → a grid', resident, 'grid', G, 'FORBIDDEN'],
    ['no identity → a grid', undefined, 'grid', G, 'UNAUTHENTICATED'],
  ])('%s: %s', async (_, openid, kind, code, expected) => {
    const before = await count(db, 'notices');
    const body = await notice<NoticeDetail>(openid, 'publish', draft(kind, code));
    if (expected === 'ok') {
      expect(okData(body).scope).toMatchObject(scopeOf(kind, code));
      expect(await count(db, 'notices')).toBe(before + 1);
    } else {
      expectRefusal(body, expected);
      expect(await count(db, 'notices')).toBe(before);
    }
  });

  it('refuses a scope that does not exist as FORBIDDEN, like one outside the caller’s reach', async () => {
    expectRefusal(await notice(streetOf(G), 'publish', { ...draft('grid', G), scope: { kind: 'grid', id: 'grid-NOPE-9999' } }), 'FORBIDDEN');
  });
});

describe('where a notice shows', () => {
  it('a street notice shows on every grid page of that street and on no other street’s', async () => {
    const n = await publishAs(streetOf('QQ-0101'), 'street', 'QQ-0101', { pinned: true });
    expect(n.scope.label).toBe('千泉街道全体网格');
    for (const code of gridsOf((g) => g.streetId === 'QQ')) expect(await noticeIdsOnGridPage(code)).toContain(n.id);
    for (const code of gridsOf((g) => g.streetId !== 'QQ')) expect(await noticeIdsOnGridPage(code)).not.toContain(n.id);
    expect((await readAll('QQ-0304')).items.map((i) => i.id)).toContain(n.id);
    expect((await readAll('FS-0101')).items.map((i) => i.id)).not.toContain(n.id);
  });

  it('a community notice shows on every grid of that community only', async () => {
    const n = await publishAs(communityOf('FS-0201'), 'community', 'FS-0201', { pinned: true });
    expect(n.scope.label).toBe('东关社区全体网格');
    for (const code of gridsOf((g) => g.communityId === 'FS02')) expect(await noticeIdsOnGridPage(code)).toContain(n.id);
    for (const code of gridsOf((g) => g.communityId !== 'FS02')) expect(await noticeIdsOnGridPage(code)).not.toContain(n.id);
  });

  it('a grid notice shows on that grid only', async () => {
    const n = await publishAs(chiefOf('FS-0103'), 'grid', 'FS-0103', { pinned: true });
    expect(await noticeIdsOnGridPage('FS-0103')).toContain(n.id);
    expect(await noticeIdsOnGridPage('FS-0104')).not.toContain(n.id);
  });

  it('lists pinned notices first, each group newest first', async () => {
    const code = 'GS-0304';
    const pinned = await publishAs(chiefOf(code), 'grid', code, { pinned: true });
    const later = await publishAs(chiefOf(code), 'grid', code);
    const { items } = await readAll(code);
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(pinned.id)).toBeLessThan(ids.indexOf(later.id));
    const firstUnpinned = items.findIndex((i) => !i.pinned);
    expect(items.slice(firstUnpinned).every((i) => !i.pinned)).toBe(true);
    for (const group of [items.slice(0, firstUnpinned), items.slice(firstUnpinned)]) {
      const times = group.map((i) => i.publishedAt);
      expect(times).toEqual([...times].sort().reverse());
    }
    expect(ids[0]).toBe(pinned.id); // newest pinned (the demo street notice is older)
    expect((await noticeIdsOnGridPage(code))[0]).toBe(pinned.id);
  });

  it('the grid page shows the first notices of the grid’s list, in the same order (one query answers both)', async () => {
    const code = 'QQ-0103';
    await publishAs(chiefOf(code), 'grid', code);
    await publishAs(communityOf(code), 'community', code, { pinned: true });
    await publishAs(chiefOf(code), 'grid', code, { pinned: true });
    await publishAs(streetOf(code), 'street', code);
    await publishAs(chiefOf(code), 'grid', code);
    await publishAs(communityOf(code), 'community', code);
    const { items } = await readAll(code);
    expect(items.length).toBeGreaterThan(5);
    expect(await noticeIdsOnGridPage(code)).toEqual(items.slice(0, 5).map((i) => i.id));
  });

  it('lists a grid’s notices past 100, page by page, to the end, each once', async () => {
    const code = 'FS-0304';
    const before = (await readAll(code)).items.length;
    for (let i = 0; i < 105; i++) await publishAs(chiefOf(code), 'grid', code, { pinned: i % 10 === 0, title: `第${i}号通知` });
    const { items, pages } = await readAll(code);
    expect(items).toHaveLength(before + 105);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(pages).toBe(Math.ceil(items.length / 20));
    const keys = items.map((i) => `${i.pinned ? 1 : 0}_${i.publishedAt}`);
    expect(keys).toEqual([...keys].sort().reverse());
  }, 120_000);
});

describe('what is refused', () => {
  const chief = chiefOf('GS-0103');
  it.each<[string, object]>([
    ['a title over 40 characters', { title: '通'.repeat(41) }],
    ['an empty body', { body: '   ' }],
    ['a body over 2000 characters', { body: '字'.repeat(2001) }],
    ['10 images', { images: Array.from({ length: 10 }, (_, i) => `cloud://env-1/notices/${i}.jpg`) }],
    ['an image that is not a cloud file', { images: ['https://example.com/a.jpg'] }],
    ['an operator object as the scope id', { scope: { kind: 'grid', id: { $ne: null } } }],
    ['an operator object as the scope', { scope: { $exists: true } }],
    ['an unknown scope kind', { scope: { kind: 'city', id: 'ZC' } }],
    ['pinned as a string', { pinned: 'yes' }],
  ])('%s: INVALID_INPUT, nothing written', async (_, extra) => {
    const before = await count(db, 'notices');
    expectRefusal(await notice(chief, 'publish', draft('grid', 'GS-0103', extra)), 'INVALID_INPUT');
    expect(await count(db, 'notices')).toBe(before);
  });

  it.each<[string, object]>([
    ['detail', { id: { $gt: '' } }],
    ['list', { gridCode: { $regex: '.*' } }],
    ['list', { gridCode: 'GS-0103', cursor: { $lt: 'z' } }],
  ])('%s with an operator object: INVALID_INPUT', async (action, params) => {
    expectRefusal(await notice(chief, action, params), 'INVALID_INPUT');
  });

  it.each([
    ['a risky title', { title: '赌博网站推广' }],
    ['a risky body', { body: '出售枪支，联系我' }],
  ])('%s: CONTENT_RISKY, nothing stored', async (_, extra) => {
    const before = await count(db, 'notices');
    expectRefusal(await notice(chief, 'publish', draft('grid', 'GS-0103', extra)), 'CONTENT_RISKY');
    expect(await count(db, 'notices')).toBe(before);
  });

  it('keeps images and the author on the notice', async () => {
    const photo = await uploadPhoto(cloud, 'notice.jpg');
    const n = await publishAs(chief, 'grid', 'GS-0103', { images: [photo] });
    const shown = okData(await notice<NoticeDetail>(undefined, 'detail', { id: n.id }));
    expect(shown).toMatchObject({ images: [photo], author: { name: expect.any(String), title: '网格长' }, scope: { label: '平阳社区第三网格' } });
  });
});

describe('a publish retried', () => {
  it('with the same request id, again or at the same moment, makes one notice', async () => {
    const chief = 'demo-chief-GS-0104';
    const before = await count(db, 'notices');
    const once = draft('grid', 'GS-0104', { requestId: unique('notice-req') });
    const [a, b] = await Promise.all([notice<NoticeDetail>(chief, 'publish', once), notice<NoticeDetail>(chief, 'publish', once)]);
    const again = okData(await notice<NoticeDetail>(chief, 'publish', once));
    expect([okData(a).id, okData(b).id]).toEqual([again.id, again.id]);
    expect(await count(db, 'notices')).toBe(before + 1);
  });

  it('the same request id from another author is another notice', async () => {
    const requestId = unique('notice-req');
    const mine = await publishAs('demo-chief-GS-0104', 'grid', 'GS-0104', { requestId });
    const theirs = await publishAs('demo-community-GS01', 'grid', 'GS-0104', { requestId });
    expect(theirs.id).not.toBe(mine.id);
  });
});

describe('reading', () => {
  it('counts each reader once, concurrent reads included, and never an anonymous one', async () => {
    const n = await publishAs(chiefOf('GS-0102'), 'grid', 'GS-0102');
    const [a, b] = [newResident('reader'), newResident('reader')];
    const reads = async (openid?: string) => okData(await notice<NoticeDetail>(openid, 'detail', { id: n.id })).reads;

    expect(await reads(a)).toBe(1);
    expect(await reads(a)).toBe(1);
    await Promise.all([reads(b), reads(b), reads(b)]);
    expect(await reads(undefined)).toBe(2);
    expect(await reads(chiefOf('GS-0102'))).toBe(3); // staff are readers too
    expect(await reads(undefined)).toBe(3);
    expect(await count(db, 'noticeReads', { noticeId: n.id })).toBe(3);
    const listed = (await readAll('GS-0102')).items.find((i) => i.id === n.id)!;
    expect(listed.reads).toBe(3);
  });

  it('shows a demo notice to anyone, with its author and scope', async () => {
    const d = okData(await notice<NoticeDetail>(undefined, 'detail', { id: 'notice-GS01-1' }));
    expect(d).toMatchObject({ title: '平阳社区周末义诊通知', scope: { kind: 'community', label: '平阳社区全体网格' }, author: { name: '黄丽娟' } });
    expectRefusal(await notice(undefined, 'detail', { id: 'no-such-notice' }), 'NOT_FOUND');
    expectRefusal(await notice(undefined, 'list', { gridCode: 'ZZ-9999' }), 'NOT_FOUND');
  });
});

describe('taking a notice down', () => {
  it('the author and staff above may; a peer, a resident and another street may not', async () => {
    const code = 'GS-0203';
    const mine = await publishAs(chiefOf(code), 'grid', code);
    expect(mine.can).toEqual(['unpublish']);
    expect(okData(await notice<NoticeDetail>(communityOf(code), 'detail', { id: mine.id })).can).toEqual(['unpublish']);
    expect(okData(await notice<NoticeDetail>(workerOf(code), 'detail', { id: mine.id })).can).toEqual([]);
    for (const openid of [workerOf(code), chiefOf('GS-0202'), newResident(), streetOf('QQ-0101')]) {
      expectRefusal(await notice(openid, 'unpublish', { id: mine.id }), 'FORBIDDEN');
    }
    expect(okData(await notice(chiefOf(code), 'unpublish', { id: mine.id }))).toEqual({ id: mine.id, unpublished: true });
    expectRefusal(await notice(undefined, 'detail', { id: mine.id }), 'NOT_FOUND');
    expect(await noticeIdsOnGridPage(code)).not.toContain(mine.id);

    const streetWide = await publishAs(communityOf(code), 'community', code);
    expectRefusal(await notice(chiefOf(code), 'unpublish', { id: streetWide.id }), 'FORBIDDEN');
    expect(okData(await notice(streetOf(code), 'unpublish', { id: streetWide.id }))).toMatchObject({ unpublished: true });
  });
});

// Last: retiring a grid changes what the street's grid pages show to the tests above.
describe('a retired grid', () => {
  it('a grid that was merged away is refused naming the grid it went into, and nothing is published', async () => {
    const before = await count(db, 'notices');
    okData((await cloud.call<Body>('grid', { action: 'retire', code: 'FS-0204', mergedInto: 'FS-0203' }, streetOf('FS-0204'))).body);
    const body = await notice(chiefOf('FS-0204'), 'publish', draft('grid', 'FS-0204'));
    expect(body).toEqual({ ok: false, code: 'NOT_FOUND', message: `网格 FS-0204 已并入 FS-0203（${gridOf('FS-0203').name}）` });
    expect(await count(db, 'notices')).toBe(before);
  });
});
