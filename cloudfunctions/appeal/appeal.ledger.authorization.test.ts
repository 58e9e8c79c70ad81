/**
 * Who may report into a grid's ledger (上报) and read it (问题台账): every kind of caller against
 * `appeal.report` and `appeal.ledger` of grid GS-0101 (community GS01, street GS), by current
 * roles (demo identities, DESIGN §2). Each row starts afresh; a refused report stores nothing.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail, LedgerPage, ReportInput } from '../../types/appeal';
import { APPEAL_WORDS } from '../../types/vocabulary';
import { appeal, chiefOf, communityOf, expectRefusal, fileAppeal, gridOf, newRequestId, newResident, okData, staffName, streetOf, workerOf } from '../../tests/support/appealKit';
import { count, readAll } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

const GRID = 'GS-0101';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

type Caller = 'resident' | 'nobody' | 'chief' | 'worker' | 'otherChief' | 'community' | 'otherCommunity' | 'street' | 'otherStreet';
const CALLERS: Caller[] = ['resident', 'nobody', 'chief', 'worker', 'otherChief', 'community', 'otherCommunity', 'street', 'otherStreet'];

/** The openid each caller has; `nobody` calls without an identity. */
const identity = (caller: Caller): string | undefined =>
  ({
    resident: newResident('caller'),
    nobody: undefined,
    chief: chiefOf(GRID),
    worker: workerOf(GRID),
    otherChief: chiefOf('GS-0102'), // same community, another grid
    community: communityOf(GRID),
    otherCommunity: communityOf('GS-0201'), // same street, another community
    street: streetOf(GRID),
    otherStreet: streetOf('FS-0101'),
  })[caller];

const reportInput = (): ReportInput => ({ gridCode: GRID, category: 'repair', content: '巡查发现 3 号楼路灯不亮', requestId: newRequestId() });

const REPORT: Record<Caller, string> = {
  resident: 'FORBIDDEN',
  nobody: 'UNAUTHENTICATED',
  chief: 'ok',
  worker: 'ok',
  otherChief: 'FORBIDDEN',
  community: 'FORBIDDEN', // files an appeal instead: a report is the grid's own, taken on at once
  otherCommunity: 'FORBIDDEN',
  street: 'FORBIDDEN',
  otherStreet: 'FORBIDDEN',
};

const LEDGER: Record<Caller, string> = {
  resident: 'FORBIDDEN',
  nobody: 'UNAUTHENTICATED',
  chief: 'listed',
  worker: 'listed',
  otherChief: 'FORBIDDEN',
  community: 'listed',
  otherCommunity: 'FORBIDDEN',
  street: 'listed',
  otherStreet: 'FORBIDDEN',
};

describe('appeal.report by caller', () => {
  it.each(CALLERS.map((c) => [c, REPORT[c]]))('%s → %s', async (caller, expected) => {
    const who = identity(caller as Caller);
    const input = reportInput();
    const body = await appeal<AppealDetail>(cloud, who, 'report', input);
    if (expected !== 'ok') {
      expectRefusal(body, expected);
      expect(await count(db, 'appeals', { requestId: input.requestId })).toBe(0);
      return;
    }
    const data = okData(body);
    const [stored] = await readAll(db, 'appeals', { requestId: input.requestId });
    const { name, title } = staffName(who!);
    expect(stored).toMatchObject({ _id: data.id, source: 'staff', status: 'accepted', level: 'grid', gridCode: GRID, residentOpenid: who, content: input.content });
    expect(stored.timeline).toEqual([expect.objectContaining({ type: 'reported', actor: expect.objectContaining({ kind: 'staff', name, title }) })]);
    expect(data).toMatchObject({ source: 'staff', statusLabel: APPEAL_WORDS.status.accepted, number: stored.number });
  });
});

describe('appeal.ledger by caller', () => {
  it.each(CALLERS.map((c) => [c, LEDGER[c]]))('%s → %s', async (caller, expected) => {
    const filed = await fileAppeal(cloud, newResident('filer'), { gridCode: GRID });
    const reported = okData(await appeal<AppealDetail>(cloud, workerOf(GRID), 'report', reportInput()));
    const body = await appeal<LedgerPage>(cloud, identity(caller as Caller), 'ledger', { gridCode: GRID });
    if (expected !== 'listed') {
      expectRefusal(body, expected);
      expect(JSON.stringify(body)).not.toContain(filed.number);
      return;
    }
    const page = okData(body);
    expect(page.grid).toEqual({ code: GRID, name: gridOf(GRID).name });
    // newest first: the report, then the appeal filed just before it
    expect(page.items.slice(0, 2).map((a) => [a.id, a.source])).toEqual([
      [reported.id, 'staff'],
      [filed.id, 'resident'],
    ]);
  });

  it('a retired grid keeps its ledger for the staff above it', async () => {
    const code = 'GS-0204';
    const filed = await fileAppeal(cloud, newResident('filer'), { gridCode: code });
    okData(await cloud.call('grid', { action: 'retire', code }, streetOf(code)).then((r) => r.body));
    const page = okData(await appeal<LedgerPage>(cloud, communityOf(code), 'ledger', { gridCode: code }));
    expect(page.items.map((a) => a.id)).toEqual([filed.id]);
  });

  it('a grid that does not exist is NOT_FOUND', async () => {
    expectRefusal(await appeal(cloud, streetOf(GRID), 'ledger', { gridCode: 'GS-9999' }), 'NOT_FOUND');
  });

  it('the neighbours are where the table says: GS-0102 shares GS-0101’s community, GS-0201 only its street, FS-0101 neither', () => {
    expect(gridOf('GS-0102')).toMatchObject({ communityId: gridOf(GRID).communityId, streetId: gridOf(GRID).streetId });
    expect(gridOf('GS-0201').communityId).not.toBe(gridOf(GRID).communityId);
    expect(gridOf('GS-0201').streetId).toBe(gridOf(GRID).streetId);
    expect(gridOf('FS-0101').streetId).not.toBe(gridOf(GRID).streetId);
  });
});
