/**
 * Staff reports (上报) through the appeal function on a local cloud: the same request once,
 * numbered with the street's appeals, handled by the reporter (办结 closes it) or sent up (升级),
 * never rated, never in the reporter's own appeals, never told to the reporter of their own doing,
 * photos and words screened as staff's.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail, AppealSummary, Page, ReportInput } from '../../types/appeal';
import { PAGES } from '../../types/routes';
import { APPEAL_WORDS } from '../../types/vocabulary';
import { REPORT_CLOSED_AT_RESOLVE } from '../domain/appeal';
import {
  appeal,
  chiefOf,
  communityOf,
  devOutbox,
  expectRefusal,
  fileAppeal,
  gridOf,
  grantConsents,
  me,
  newRequestId,
  okData,
  readAllPages,
  streetOf,
  subscribeSends,
  uploadPhoto,
  workerOf,
} from '../../tests/support/appealKit';
import { count, readAll, readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const reportInput = (gridCode: string, overrides: Partial<ReportInput> = {}): ReportInput => ({
  gridCode,
  category: 'repair',
  content: '巡查发现 3 号楼路灯不亮',
  requestId: newRequestId(),
  ...overrides,
});
const report = async (openid: string, input: ReportInput) => okData(await appeal<AppealDetail>(cloud, openid, 'report', input));
const progressSends = async (openid: string, id: string) =>
  subscribeSends(await devOutbox(cloud), openid).filter((s) => s.params.page === `${PAGES.appealDetail}?id=${id}`);

describe('one report per request', () => {
  const GRID = 'QQ-0101';

  it('the same requestId again, or five times at once, answers the first report: one record', async () => {
    const input = reportInput(GRID);
    const first = await report(workerOf(GRID), input);
    const again = await report(workerOf(GRID), input);
    const burst = await Promise.all(Array.from({ length: 5 }, () => report(workerOf(GRID), input)));
    for (const answer of [again, ...burst]) expect([answer.id, answer.number]).toEqual([first.id, first.number]);
    expect(await count(db, 'appeals', { requestId: input.requestId })).toBe(1);

    const racing = reportInput(GRID);
    const raced = await Promise.all(Array.from({ length: 5 }, () => report(chiefOf(GRID), racing)));
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(await count(db, 'appeals', { requestId: racing.requestId })).toBe(1);
  });

  it('a report and an appeal sent by one person with one requestId are two records', async () => {
    const requestId = newRequestId();
    const filed = await fileAppeal(cloud, chiefOf(GRID), { gridCode: GRID, requestId });
    const reported = await report(chiefOf(GRID), reportInput(GRID, { requestId }));
    expect(reported.id).not.toBe(filed.id);
    expect((await readAll(db, 'appeals', { requestId })).map((a) => a.source).sort()).toEqual(['resident', 'staff']);
  });

  it('reports and appeals filed at once draw from the street’s one sequence: every number different', async () => {
    const filed = await Promise.all([
      ...['QQ-0101', 'QQ-0102', 'QQ-0201'].map((code) => report(workerOf(code), reportInput(code))),
      fileAppeal(cloud, chiefOf('QQ-0301'), { gridCode: 'QQ-0102' }),
      fileAppeal(cloud, chiefOf('QQ-0302'), { gridCode: 'QQ-0103' }),
    ]);
    const numbers = filed.map((a) => a.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^QQ-\d{8}-\d{4}$/);
  });
});

describe('handled by its reporter, or sent up', () => {
  const GRID = 'QQ-0201';

  it('办结 by the reporter with a note and a work photo closes it, and the reporter is not told of it', async () => {
    const worker = workerOf(GRID);
    await grantConsents(cloud, worker, ['appealProgress', 'appealProgress']);
    const reported = await report(worker, reportInput(GRID));
    const photo = await uploadPhoto(cloud, worker, 'workPhoto');
    const done = okData(await appeal<AppealDetail>(cloud, worker, 'resolve', { id: reported.id, note: '已更换灯泡', photos: [photo] }));

    expect(done).toMatchObject({ status: 'closed', source: 'staff', rating: null });
    const stored = await readDoc(db, 'appeals', reported.id);
    expect(stored).toMatchObject({ status: 'closed', resolvedAt: expect.anything() });
    expect(stored.media).toEqual([expect.objectContaining({ fileID: photo, hidden: false })]);
    expect(stored.timeline.map((e: { type: string; text: string | null }) => [e.type, e.text])).toEqual([
      ['reported', null],
      ['resolved', '已更换灯泡'],
      ['closed', REPORT_CLOSED_AT_RESOLVE],
    ]);
    expect(await progressSends(worker, reported.id)).toEqual([]);
    expect((await me(cloud, worker)).consents.appealProgress).toBe(2);
  });

  it('升级 brings in the community, not the reporter; the community’s 办结 closes it and tells the reporter', async () => {
    const worker = workerOf(GRID);
    const community = communityOf(GRID);
    await grantConsents(cloud, worker, ['appealProgress']);
    await grantConsents(cloud, community, ['appealNew']);
    const reported = await report(worker, reportInput(GRID));
    const up = okData(await appeal<AppealDetail>(cloud, worker, 'escalate', { id: reported.id, reason: '需要社区协调维修' }));
    expect(up).toMatchObject({ level: 'community', status: 'accepted', source: 'staff' });
    expect(await progressSends(worker, reported.id)).toEqual([]);
    expect(await progressSends(community, reported.id)).toHaveLength(1);

    okData(await appeal(cloud, community, 'resolve', { id: reported.id, note: '社区已联系供电所更换' }));
    const told = await progressSends(worker, reported.id);
    expect(told).toHaveLength(1);
    expect(told[0].params.data.phrase2.value).toBe(APPEAL_WORDS.status.closed);
    expect((await readDoc(db, 'appeals', reported.id)).status).toBe('closed');
  });

  it('waits in the grid’s inbox on its 办结 clock, with 当日必达 met', async () => {
    const reported = await report(workerOf(GRID), reportInput(GRID));
    const { items } = await readAllPages(cloud, chiefOf(GRID), 'inbox');
    const listed = items.find((a) => a.id === reported.id);
    expect(listed).toMatchObject({ status: 'accepted', source: 'staff', clock: { kind: 'resolveBy' } });
    expect(reported.onSiteAt).toBe(reported.createdAt);
  });
});

describe('a report has no resident', () => {
  const GRID = 'QQ-0202';

  it('its reporter may not rate it, is offered no 评价, and rating is refused', async () => {
    const worker = workerOf(GRID);
    const reported = await report(worker, reportInput(GRID));
    okData(await appeal(cloud, worker, 'resolve', { id: reported.id, note: '已处理完毕' }));
    const seen = okData(await appeal<AppealDetail>(cloud, worker, 'detail', { id: reported.id }));
    expect(seen.can).not.toContain('rate');
    expect(await appeal(cloud, worker, 'rate', { id: reported.id, score: 5 })).toEqual({ ok: false, code: 'FORBIDDEN', message: REPORT_CLOSED_AT_RESOLVE });
    expect((await readDoc(db, 'appeals', reported.id)).rating).toBeNull();
  });

  it('is not among the reporter’s own appeals (appeal.mine); one they filed as a resident is', async () => {
    const chief = chiefOf(GRID);
    const reported = await report(chief, reportInput(GRID));
    const filed = await fileAppeal(cloud, chief, { gridCode: 'QQ-0101' });
    const ids = (await readAllPages(cloud, chief, 'mine')).items.map((a: AppealSummary) => a.id);
    expect(ids).toContain(filed.id);
    expect(ids).not.toContain(reported.id);
  });

  it('street staff cannot bar its reporter as they would a resident', async () => {
    const reported = await report(workerOf(GRID), reportInput(GRID));
    const officer = streetOf(GRID);
    expect(okData(await appeal<AppealDetail>(cloud, officer, 'detail', { id: reported.id })).can).not.toContain('block');
    expectRefusal(await appeal(cloud, officer, 'block', { id: reported.id, reason: '多次恶意上报' }), 'FORBIDDEN');
    expect(await readAll(db, 'blocks', { openid: workerOf(GRID) })).toEqual([]);
  });
});

describe('what a report may carry', () => {
  const GRID = 'QQ-0203';
  const worker = workerOf(GRID);

  it('the reporter’s own work photos, sent to WeChat’s media check', async () => {
    const photo = await uploadPhoto(cloud, worker, 'workPhoto');
    const reported = await report(worker, reportInput(GRID, { photos: [photo] }));
    expect(reported.photos).toEqual([photo]);
    const stored = await readDoc(db, 'appeals', reported.id);
    expect(stored.media).toEqual([{ fileID: photo, traceId: expect.any(String), hidden: false }]);
    expect((await readAll(db, 'files', { owner: worker })).find((f) => photo.endsWith(f.cloudPath))).toMatchObject({ attachedTo: { collection: 'appeals', id: reported.id } });
  });

  it.each([
    ['someone else’s work photo', () => uploadPhoto(cloud, chiefOf(GRID), 'workPhoto')],
    ['their own photo uploaded as a resident’s appeal photo', () => uploadPhoto(cloud, worker, 'appealPhoto')],
  ])('not %s: FORBIDDEN and nothing stored', async (_, photo) => {
    const input = reportInput(GRID, { photos: [await photo()] });
    expectRefusal(await appeal(cloud, worker, 'report', input), 'FORBIDDEN');
    expect(await count(db, 'appeals', { requestId: input.requestId })).toBe(0);
  });

  it('words WeChat judges risky are refused; words it wants reviewed are published, as any staff words', async () => {
    const risky = reportInput(GRID, { content: '巡查发现有人在楼下赌博' });
    expectRefusal(await appeal(cloud, worker, 'report', risky), 'CONTENT_RISKY');
    expect(await count(db, 'appeals', { requestId: risky.requestId })).toBe(0);
    expect((await report(worker, reportInput(GRID, { content: '巡查发现楼道有杂物待审' }))).status).toBe('accepted');
  });

  it('a category outside the street’s item directory is INVALID_INPUT', async () => {
    const input = reportInput(GRID, { category: 'nosuchthing' });
    expectRefusal(await appeal(cloud, worker, 'report', input), 'INVALID_INPUT');
    expect(await count(db, 'appeals', { requestId: input.requestId })).toBe(0);
  });
});

describe('where the app offers 上报', () => {
  it('account.me names the grids one serves as chief or worker, and none for staff above them or residents', async () => {
    expect((await me(cloud, workerOf('QQ-0204'))).grids).toEqual([{ code: 'QQ-0204', name: gridOf('QQ-0204').name }]);
    expect((await me(cloud, communityOf('QQ-0204'))).grids).toEqual([]);
    expect((await me(cloud, streetOf('QQ-0204'))).grids).toEqual([]);
    expect((await me(cloud, 'res-ledger-me')).grids).toEqual([]);
  });
});

describe('the ledger page answers', () => {
  it('with summaries the app can show: source, status and lateness', async () => {
    const reported = await report(workerOf('QQ-0204'), reportInput('QQ-0204'));
    const page = okData(await appeal<Page<AppealSummary>>(cloud, chiefOf('QQ-0204'), 'ledger', { gridCode: 'QQ-0204' }));
    expect(page.items[0]).toMatchObject({ id: reported.id, source: 'staff', statusLabel: APPEAL_WORDS.status.accepted, overdue: false, missed: [] });
  });
});
