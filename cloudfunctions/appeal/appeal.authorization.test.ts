/**
 * Who may do what to an appeal (DESIGN §4, notes-platform checks 1–3): every action of the
 * appeal function against every kind of caller, each row on an appeal of its own in the state
 * the action needs, filed by a resident of its own in grid GS-0101 (community GS01, street GS).
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail } from '../../types/appeal';
import {
  appeal,
  appealInput,
  chiefOf,
  communityOf,
  CONTENT,
  expectRefusal,
  fileAppeal,
  gridOf,
  newResident,
  okData,
  readAllPages,
  streetOf,
} from '../../tests/support/appealKit';
import { readAll, readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

const GRID = 'GS-0101';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

type Caller = 'filer' | 'otherResident' | 'nobody' | 'chief' | 'otherChief' | 'community' | 'otherCommunity' | 'street';
const CALLERS: Caller[] = ['filer', 'otherResident', 'nobody', 'chief', 'otherChief', 'community', 'otherCommunity', 'street'];

/** The openid each caller has for one row; `nobody` calls without an identity. */
function identity(caller: Caller, filer: string): string | undefined {
  return {
    filer,
    otherResident: newResident('other'),
    nobody: undefined,
    chief: chiefOf(GRID),
    otherChief: chiefOf('GS-0102'), // same community, another grid
    community: communityOf(GRID),
    otherCommunity: communityOf('GS-0201'), // same street, another community
    street: streetOf(GRID),
  }[caller];
}

/** The appeal a row needs, in the state its action starts from. */
type Setup = 'none' | 'submitted' | 'resolved' | 'held' | 'blocked';

/** What an allowed call did, read back from the database: the stored appeal (or block) and the reply's data. */
type Effect = { stored: Record<string, any> | null; data: any; caller: string | undefined; filedId: string | null; blocked: boolean };

type Row = {
  setup: Setup;
  params: (id: string) => object;
  /** ok, a refusal code, or for lists: whether the appeal is `listed` or `unlisted`. */
  expect: Record<Caller, string>;
  /** For `ok` rows: the change the action made, checked on what is stored. */
  effect?: (e: Effect) => void;
};

const lastEvent = (e: Effect) => e.stored!.timeline[e.stored!.timeline.length - 1];

const UNAUTH = 'UNAUTHENTICATED';
const FORBID = 'FORBIDDEN';
const staffWork = { filer: FORBID, otherResident: FORBID, nobody: UNAUTH, chief: 'ok', otherChief: FORBID, community: 'ok', otherCommunity: FORBID, street: 'ok' };

const ACTIONS: Record<string, Row> = {
  submit: {
    setup: 'none',
    params: () => appealInput(),
    // anyone signed in may file, staff too (a patrol finds a problem); an identity is required
    expect: { filer: 'ok', otherResident: 'ok', nobody: UNAUTH, chief: 'ok', otherChief: 'ok', community: 'ok', otherCommunity: 'ok', street: 'ok' },
    effect: (e) => expect(e.stored).toMatchObject({ _id: e.data.id, residentOpenid: e.caller, gridCode: GRID, status: 'submitted' }),
  },
  mine: {
    setup: 'submitted',
    params: () => ({}),
    expect: { filer: 'listed', otherResident: 'unlisted', nobody: UNAUTH, chief: 'unlisted', otherChief: 'unlisted', community: 'unlisted', otherCommunity: 'unlisted', street: 'unlisted' },
  },
  detail: {
    setup: 'submitted',
    params: (id) => ({ id }),
    expect: { filer: 'ok', otherResident: FORBID, nobody: UNAUTH, chief: 'ok', otherChief: FORBID, community: 'ok', otherCommunity: FORBID, street: 'ok' },
    effect: (e) => expect(e.data).toMatchObject({ id: e.filedId, content: e.stored!.content, number: e.stored!.number }),
  },
  inbox: {
    setup: 'submitted',
    params: () => ({}),
    expect: { filer: FORBID, otherResident: FORBID, nobody: UNAUTH, chief: 'listed', otherChief: 'unlisted', community: 'listed', otherCommunity: 'unlisted', street: 'listed' },
  },
  accept: {
    setup: 'submitted',
    params: (id) => ({ id }),
    expect: staffWork,
    effect: (e) => {
      expect(e.stored!.status).toBe('accepted');
      expect(lastEvent(e)).toMatchObject({ type: 'accepted', actor: { kind: 'staff' } });
    },
  },
  reply: {
    setup: 'submitted',
    params: (id) => ({ id, text: '已联系物业，今天下午清理' }),
    expect: staffWork,
    effect: (e) => expect(lastEvent(e)).toMatchObject({ type: 'replied', text: '已联系物业，今天下午清理' }),
  },
  transfer: {
    setup: 'submitted',
    params: (id) => ({ id, toGridCode: 'GS-0103', reason: '属于第三网格' }),
    expect: staffWork,
    effect: (e) => expect(e.stored).toMatchObject({ gridCode: 'GS-0103', level: 'grid', status: 'submitted' }),
  },
  escalate: {
    setup: 'submitted',
    params: (id) => ({ id, reason: '需要社区协调' }),
    expect: staffWork,
    effect: (e) => expect(e.stored).toMatchObject({ level: 'community', gridCode: GRID }),
  },
  resolve: {
    setup: 'submitted',
    params: (id) => ({ id, note: '已清理完毕' }),
    expect: staffWork,
    effect: (e) => expect(lastEvent(e)).toMatchObject({ type: 'resolved', text: '已清理完毕' }),
  },
  sendBack: {
    setup: 'submitted',
    params: (id) => ({ id, reason: '不属于网格职责' }),
    expect: staffWork,
    effect: (e) => expect(e.stored).toMatchObject({ status: 'returned', level: 'community' }),
  },
  rate: {
    setup: 'resolved',
    params: (id) => ({ id, score: 5, comment: '很满意' }),
    expect: { filer: 'ok', otherResident: FORBID, nobody: UNAUTH, chief: FORBID, otherChief: FORBID, community: FORBID, otherCommunity: FORBID, street: FORBID },
    effect: (e) => expect(e.stored).toMatchObject({ status: 'closed', rating: { score: 5, comment: '很满意' } }),
  },
  moderate: {
    setup: 'held',
    params: (id) => ({ id, release: true }),
    // the grid's own chief does not even see a held appeal
    expect: { filer: FORBID, otherResident: FORBID, nobody: UNAUTH, chief: FORBID, otherChief: FORBID, community: 'ok', otherCommunity: FORBID, street: 'ok' },
    effect: (e) => expect(e.stored).toMatchObject({ status: 'submitted', level: 'grid' }),
  },
  block: {
    setup: 'submitted',
    params: (id) => ({ id, reason: '多次恶意反映' }),
    expect: { filer: FORBID, otherResident: FORBID, nobody: UNAUTH, chief: FORBID, otherChief: FORBID, community: FORBID, otherCommunity: FORBID, street: 'ok' },
    effect: (e) => expect(e.blocked).toBe(true),
  },
  unblock: {
    setup: 'blocked',
    params: (id) => ({ id }),
    expect: { filer: FORBID, otherResident: FORBID, nobody: UNAUTH, chief: FORBID, otherChief: FORBID, community: FORBID, otherCommunity: FORBID, street: 'ok' },
    effect: (e) => expect(e.blocked).toBe(false),
  },
};

async function prepare(setup: Setup, filer: string): Promise<AppealDetail | null> {
  if (setup === 'none') return null;
  const filed = await fileAppeal(cloud, filer, setup === 'held' ? { content: `${CONTENT}，待审` } : {});
  if (setup === 'held') expect(filed.status).toBe('held');
  if (setup === 'resolved') okData(await appeal(cloud, chiefOf(GRID), 'resolve', { id: filed.id, note: '已清理完毕' }));
  if (setup === 'blocked') okData(await appeal(cloud, streetOf(GRID), 'block', { id: filed.id, reason: '多次恶意反映' }));
  return filed;
}

const TABLE = Object.entries(ACTIONS).flatMap(([action, row]) => CALLERS.map((caller) => [action, caller, row.expect[caller]] as const));

describe('appeal actions by caller', () => {
  it.each(TABLE)('%s by %s → %s', async (action, caller, expected) => {
    const filer = newResident('filer');
    const filed = await prepare(ACTIONS[action].setup, filer);
    const before = filed ? await readDoc(db, 'appeals', filed.id) : null;
    const isBlocked = async () => (await readAll(db, 'blocks')).some((b) => b.openid === filer);
    const blockedBefore = await isBlocked();
    const who = identity(caller, filer);

    if (expected === 'listed' || expected === 'unlisted') {
      const { items } = await readAllPages(cloud, who!, action as 'mine' | 'inbox');
      expect(items.some((a) => a.id === filed!.id)).toBe(expected === 'listed');
      return;
    }
    const body = await appeal(cloud, who, action, ACTIONS[action].params(filed?.id ?? ''));
    if (expected === 'ok') {
      const data = okData(body);
      const storedId = filed?.id ?? data.id;
      const stored = await readDoc(db, 'appeals', storedId);
      ACTIONS[action].effect!({ stored, data, caller: who, filedId: filed?.id ?? null, blocked: await isBlocked() });
      return;
    }
    expectRefusal(body, expected);
    // a refused action changed nothing: neither the appeal nor whether its filer is barred
    if (before) expect(await readDoc(db, 'appeals', filed!.id)).toEqual(before);
    expect(await isBlocked()).toBe(blockedBefore);
  });

  it('every allowed row checks its effect', () => {
    for (const [action, row] of Object.entries(ACTIONS)) {
      if (Object.values(row.expect).includes('ok')) expect([action, typeof row.effect]).toEqual([action, 'function']);
    }
  });

  it('the neighbours are where the table says: GS-0102 shares GS-0101’s community, GS-0201 only its street', () => {
    expect(gridOf('GS-0102')).toMatchObject({ communityId: gridOf(GRID).communityId, streetId: gridOf(GRID).streetId });
    expect(gridOf('GS-0201').communityId).not.toBe(gridOf(GRID).communityId);
    expect(gridOf('GS-0201').streetId).toBe(gridOf(GRID).streetId);
  });
});

describe('blocking a filer', () => {
  it('street staff cannot block themselves through the API, as the detail page offers no button', async () => {
    const officer = streetOf(GRID);
    const filed = await fileAppeal(cloud, officer);
    expect(okData(await appeal<AppealDetail>(cloud, officer, 'detail', { id: filed.id })).can).not.toContain('block');
    expectRefusal(await appeal(cloud, officer, 'block', { id: filed.id, reason: '测试限制自己' }), 'FORBIDDEN');
    expect((await readAll(db, 'blocks')).some((b) => b.openid === officer)).toBe(false);
    expect((await fileAppeal(cloud, officer)).status).toBe('submitted');
  });
});

describe('identity comes from the platform, never from the event', () => {
  const spoof = (openid: string) => ({ openid, _openid: openid, OPENID: openid, userInfo: { openId: openid, appId: 'wx-local-gridlink' } });

  it('a submit without a platform identity is UNAUTHENTICATED whatever openid the event carries', async () => {
    const claimed = newResident('claimed');
    const body = await appeal(cloud, undefined, 'submit', { ...appealInput(), ...spoof(claimed) });
    expectRefusal(body, 'UNAUTHENTICATED');
    expect(okData(await appeal(cloud, claimed, 'mine')).items).toEqual([]);
  });

  it('an appeal is filed under the caller, not under the openid the event names', async () => {
    const caller = newResident('caller');
    const victim = newResident('victim');
    const filed = okData(await appeal<AppealDetail>(cloud, caller, 'submit', { ...appealInput(), ...spoof(victim), residentOpenid: victim }));
    expect((await readDoc(db, 'appeals', filed.id))!.residentOpenid).toBe(caller);
    expect(okData(await appeal(cloud, victim, 'mine')).items).toEqual([]);
  });

  it('another resident claiming to be the filer still cannot read the appeal', async () => {
    const filer = newResident('filer');
    const filed = await fileAppeal(cloud, filer);
    expectRefusal(await appeal(cloud, newResident('snoop'), 'detail', { id: filed.id, ...spoof(filer) }), 'FORBIDDEN');
  });

  it('a resident claiming a staff role in the event gets no inbox and cannot work an appeal', async () => {
    const filed = await fileAppeal(cloud, newResident('filer'));
    const pretender = newResident('pretender');
    const claims = { role: 'street', roles: [{ role: 'street', streetId: 'GS' }], staff: { _id: 'street-GS' }, ...spoof(streetOf(GRID)) };
    expectRefusal(await appeal(cloud, pretender, 'inbox', claims), 'FORBIDDEN');
    expectRefusal(await appeal(cloud, pretender, 'accept', { id: filed.id, ...claims }), 'FORBIDDEN');
    expect((await readDoc(db, 'appeals', filed.id))!.status).toBe('submitted');
  });
});

describe('an appeal that is not yours', () => {
  it('detail by another resident answers FORBIDDEN and nothing of the appeal', async () => {
    const content = '邻居家装修噪音扰民，晚上十点以后还在施工';
    const filed = await fileAppeal(cloud, newResident('filer'), { content, contactPhone: '13912345678', location: { latitude: 35.4, longitude: 116.97, name: '平阳小区 5 号楼' } });
    const body = await appeal(cloud, newResident('snoop'), 'detail', { id: filed.id });
    expect(body).toEqual({ ok: false, code: 'FORBIDDEN', message: '您无权查看这条诉求' });
    const text = JSON.stringify(body);
    for (const secret of [content, filed.number, '13912345678', '平阳小区', filed.gridCode]) expect(text).not.toContain(secret);
  });

  it('detail of an id that does not exist is NOT_FOUND', async () => {
    expectRefusal(await appeal(cloud, newResident('snoop'), 'detail', { id: 'f'.repeat(32) }), 'NOT_FOUND');
  });
});

describe('staff filing appeals', () => {
  it('staff over the grid may file into it but not rate it (satisfaction counts in its assessment); elsewhere they rate as residents', async () => {
    const resolvedBy = async (filer: string, gridCode: string) => {
      const filed = await fileAppeal(cloud, filer, { gridCode });
      okData(await appeal(cloud, chiefOf(gridCode), 'resolve', { id: filed.id, note: '已处理' }));
      return filed;
    };
    const own = await resolvedBy(communityOf(GRID), GRID);
    expect(okData(await appeal<AppealDetail>(cloud, communityOf(GRID), 'detail', { id: own.id })).can).not.toContain('rate');
    expect(await appeal(cloud, communityOf(GRID), 'rate', { id: own.id, score: 5 })).toEqual({ ok: false, code: 'FORBIDDEN', message: '您是这个网格的工作人员，不能评价本网格的诉求' });
    expect((await readDoc(db, 'appeals', own.id))!.rating).toBeNull();

    const elsewhere = await resolvedBy(communityOf(GRID), 'QQ-0101');
    expect(okData(await appeal(cloud, communityOf(GRID), 'rate', { id: elsewhere.id, score: 4 }))).toMatchObject({ status: 'closed' });
  });
});
