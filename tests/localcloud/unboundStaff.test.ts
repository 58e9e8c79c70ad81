/**
 * A lost role is lost everywhere (issue 9): a chief, a worker and a community staff member, each
 * bound by an invite and seen acting as staff, are unbound (`staff.unbind`); then every staff
 * action of every function refuses them, and nothing is written or sent. Authorship (their own
 * notice, the appeal they accepted, the group chat they set) counts for nothing without a role.
 */
import type { DB } from 'wx-server-sdk/index';
import type { ActionName, FunctionName } from '../../types/api';
import type { AppealDetail } from '../../types/appeal';
import type { GridPage } from '../../types/grid';
import type { NoticeDetail, NoticeScope } from '../../types/notice';
import type { StaffBinding } from '../../types/staff';
import { H5_CLOUD_ID_FIELD } from '../../types/groupChat';
import { localGroupCloudID } from '../../src/services/devGroupEntry';
import { communityOf, devOutbox, expectRefusal, fileAppeal, gridOf, me, newResident, okData, staffName, streetOf, uploadPhoto, workerOf, type Body } from '../support/appealKit';
import { readAll } from '../support/cloudDb';
import { openLocalCloud, type LocalCloud } from '../support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const call = async <T = any>(fn: string, action: string, params: object, openid?: string) => (await cloud.call<Body<T>>(fn, { action, ...params }, openid)).body;

/** Where a subject served, who put them there, and what they left behind while they did. */
type Context = {
  code: string;
  scope: NoticeScope;
  /** A new appeal of the grid, one they accepted, and one held for review. */
  fresh: string;
  accepted: string;
  held: string;
  notice: string;
  proposalId: string;
  colleague: string;
  sheet: string;
};

type Subject = {
  role: 'chief' | 'worker' | 'community';
  code: string;
  manager: string;
  seat: Record<string, string>;
  scope: () => NoticeScope;
};

const SUBJECTS: Subject[] = [
  { role: 'chief', code: 'GS-0101', manager: communityOf('GS-0101'), seat: { gridCode: 'GS-0101' }, scope: () => ({ kind: 'grid', id: gridOf('GS-0101')._id }) },
  { role: 'worker', code: 'GS-0102', manager: communityOf('GS-0102'), seat: { gridCode: 'GS-0102' }, scope: () => ({ kind: 'grid', id: gridOf('GS-0102')._id }) },
  { role: 'community', code: 'GS-0201', manager: streetOf('GS-0201'), seat: { communityId: 'GS02' }, scope: () => ({ kind: 'community', id: 'GS02' }) },
];

type Row = (c: Context) => object;

/**
 * Every action of every function (the type makes a new action fail to compile until it is here):
 * the parameters a staff action is tried with, or null for an action that is not a staff action.
 */
const ACTIONS: { [F in FunctionName]: { [A in ActionName<F>]: Row | null } } = {
  file: {
    ticket: null, // signed in: anyone may upload their own file
  },
  grid: {
    resolve: null, // anyone
    search: null,
    callStaff: null, // signed in
    locate: null,
    successor: null,
    groupEnter: null, // signed in: opened from a group
    setGroupChat: (c) => ({ code: c.code, kind: 'wecom', url: 'https://work.weixin.qq.com/gm/after-unbind' }),
    clearGroupChat: (c) => ({ code: c.code }),
    groupBinding: (c) => ({ code: c.code }),
    confirmGroup: (c) => ({ code: c.code, proposalId: c.proposalId }),
    dismissGroup: (c) => ({ code: c.code, proposalId: c.proposalId }),
    unbindGroup: (c) => ({ code: c.code }),
    retire: (c) => ({ code: c.code }),
    signs: () => ({ streetId: 'GS' }),
  },
  appeal: {
    submit: null, // residents
    mine: null,
    rate: null,
    detail: (c) => ({ id: c.fresh }), // staff over the grid (or the filer)
    inbox: () => ({}),
    accept: (c) => ({ id: c.fresh }),
    reply: (c) => ({ id: c.accepted, text: '已安排人员处理' }),
    transfer: (c) => ({ id: c.fresh, toGridCode: 'GS-0104', reason: '不属于本网格' }),
    escalate: (c) => ({ id: c.fresh, reason: '需要上级协调' }),
    resolve: (c) => ({ id: c.accepted, note: '已清理完毕' }),
    sendBack: (c) => ({ id: c.fresh, reason: '不是本级的事' }),
    moderate: (c) => ({ id: c.held, release: true }),
    block: (c) => ({ id: c.fresh, reason: '恶意重复反映' }),
    unblock: (c) => ({ id: c.fresh }),
    report: (c) => ({ gridCode: c.code, category: 'sanitation', content: '巡查发现路灯损坏', requestId: 'unbound-report-0001' }),
    ledger: (c) => ({ gridCode: c.code }),
    supervise: (c) => ({ id: c.fresh, card: 'yellow', note: '请尽快受理' }),
    requestExtension: (c) => ({ id: c.accepted, reason: '需要物业配合', until: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
    decideExtension: (c) => ({ id: c.fresh, grant: true }),
    board: () => ({}),
  },
  notice: {
    list: null, // anyone
    detail: null,
    publish: (c) => ({ scope: c.scope, title: '停水通知', body: '周六上午停水。' }),
    unpublish: (c) => ({ id: c.notice }),
  },
  account: { me: null, grantConsents: null },
  staff: {
    preview: null, // the invitee
    redeem: null,
    invite: (c) => ({ role: 'worker', gridCode: c.code, name: '李新来', title: '网格员', phone: '13900001111' }),
    unbind: (c) => ({ staffId: c.colleague, role: 'worker', gridCode: c.code }),
    team: (c) => ({ kind: 'grid', gridCode: c.code }),
    places: () => ({}),
  },
  registry: { import: (c) => ({ fileID: c.sheet, dryRun: false }) },
  assessment: {
    compute: () => ({ month: '2026-10', streetId: 'GS' }),
    ranking: () => ({ month: '2026-10', streetId: 'GS' }),
    grid: (c) => ({ gridCode: c.code }),
    behind: (c) => ({ gridCode: c.code, month: '2026-10', figure: 'response' }),
    export: () => ({ month: '2026-10', streetId: 'GS' }),
  },
  presence: {
    checkIn: (c) => ({ scanned: `/g/${c.code}`, kind: 'patrol', note: '例行巡防' }),
    households: (c) => ({ gridCode: c.code }),
    saveHousehold: (c) => ({ gridCode: c.code, building: '3号楼', room: '201', group: 'emptyNest', intervalDays: 30 }),
  },
};

const STAFF_ACTIONS = Object.entries(ACTIONS).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, Row | null>).flatMap(([action, row]) => (row ? [[`${fn}.${action}`, fn, action, row] as const] : [])),
);

/** Everything the functions keep, and every message or openapi call sent: what "nothing written" compares. */
const COLLECTIONS = ['appeals', 'assessments', 'audit', 'blocks', 'checkins', 'communities', 'consents', 'counters', 'grids', 'households', 'imports', 'invites', 'miniCodes', 'noticeReads', 'notices', 'outbox', 'staff', 'streets'];
const everything = async () => ({
  ...Object.fromEntries(await Promise.all(COLLECTIONS.map(async (name) => [name, await readAll(db, name)] as const))),
  openapi: (await devOutbox(cloud)).length,
});

const enterFromGroup = (code: string, group: string, openid: string) =>
  call('grid', 'groupEnter', { code, group: { [H5_CLOUD_ID_FIELD]: localGroupCloudID(group, openid) } }, openid);

const pendingProposal = async (code: string): Promise<string> => {
  const [grid] = await readAll<{ groupProposals?: Array<{ id: string }> }>(db, 'grids', { code });
  return grid.groupProposals!.at(-1)!.id;
};

describe.each(SUBJECTS)('a $role unbound from their seat', (subject) => {
  const { code } = subject;
  let openid: string;
  let context: Context;

  beforeAll(async () => {
    const filer = newResident('filer');
    const [fresh, accepted, held] = [
      await fileAppeal(cloud, filer, { gridCode: code }),
      await fileAppeal(cloud, filer, { gridCode: code }),
      await fileAppeal(cloud, filer, { gridCode: code, content: '小区门口有人摆摊，待审核确认情况' }),
    ];
    expect(held.status).toBe('held');

    openid = newResident(`${subject.role}-to-unbind`);
    const invite = okData(await call<{ code: string }>('staff', 'invite', { role: subject.role, ...subject.seat, name: '张曾任', title: '网格工作人员', phone: '13900007777' }, subject.manager));
    const { staffId } = okData(await call<StaffBinding>('staff', 'redeem', { code: invite.code }, openid));

    // What they did while they held the seat: each of these succeeds.
    const notice = okData(await call<NoticeDetail>('notice', 'publish', { scope: subject.scope(), title: '任内发布的通知', body: '请居民知悉。' }, openid));
    expect(notice.can).toEqual(['unpublish']);
    okData(await call<AppealDetail>('appeal', 'accept', { id: accepted.id }, openid));
    expect(okData(await call<AppealDetail>('appeal', 'detail', { id: fresh.id }, openid)).can).toEqual(expect.arrayContaining(['accept', 'transfer']));
    if (subject.role === 'community') {
      expect(okData(await call<AppealDetail>('appeal', 'detail', { id: held.id }, openid)).can).toContain('moderate');
      okData(await call('staff', 'places', {}, openid));
      okData(await call('staff', 'team', { kind: 'grid', gridCode: code }, openid));
      okData(await call('grid', 'signs', { streetId: 'GS' }, openid));
    } else {
      okData(await call('grid', 'setGroupChat', { code, kind: 'wecom', url: 'https://work.weixin.qq.com/gm/while-serving' }, openid));
      expect(okData(await call<GridPage>('grid', 'resolve', { code }, openid)).canSetGroupChat).toBe(true);
    }
    await enterFromGroup(code, `group-${subject.role}`, newResident());
    if (subject.role !== 'community') expect(okData(await call('grid', 'groupBinding', { code }, openid)).proposals).toHaveLength(1);

    context = {
      code,
      scope: subject.scope(),
      fresh: fresh.id,
      accepted: accepted.id,
      held: held.id,
      notice: notice.id,
      proposalId: await pendingProposal(code),
      colleague: staffName(workerOf(code))._id,
      sheet: await uploadPhoto(cloud, 'registry.csv'),
    };
    expect(okData(await call('staff', 'unbind', { staffId, role: subject.role, ...subject.seat }, subject.manager))).toMatchObject({ unbound: true });
  });

  it.each(STAFF_ACTIONS)('%s: FORBIDDEN, nothing written or sent', async (_, fn, action, row) => {
    const before = await everything();
    expectRefusal(await call(fn, action, row(context), openid), 'FORBIDDEN');
    expect(await everything()).toEqual(before);
  });

  it('is a resident again wherever roles show: the account, their own notice, the grid page', async () => {
    expect((await me(cloud, openid)).role).toBe('resident');
    expect(okData(await call<NoticeDetail>('notice', 'detail', { id: context.notice }, openid)).can).toEqual([]);
    expect(okData(await call<GridPage>('grid', 'resolve', { code }, openid)).canSetGroupChat).toBe(false);
  });
});
