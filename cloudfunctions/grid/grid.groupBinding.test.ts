/**
 * Binding a WeChat group to its grid (issue: "opened from a share card inside a group") against
 * the local cloud: opening a grid's card from a group proposes that group to the grid's staff,
 * once; they confirm or ignore it; a bound group tells whoever opens from it whose group it is.
 * The group is always the platform's decryption of the CloudID the app sent, never client text.
 */
import type { DB } from 'wx-server-sdk/index';
import { localGroupCloudID } from '../../src/services/devGroupEntry';
import { H5_CLOUD_ID_FIELD } from '../../types/groupChat';
import { localOpengid } from '../../scripts/localcloud/openData';
import { chiefOf, expectRefusal, gridOf, newResident, okData, staffName, streetOf, workerOf, type Body } from '../../tests/support/appealKit';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';
import { NO_PENDING_GROUP } from '../domain/groupChat';
import { addGroupProposal } from '../store/groupBindings';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const grid = async (action: string, params: object, openid?: string) => (await cloud.call<Body>('grid', { action, ...params }, openid)).body;
/** `openid` opens grid `code`'s share card inside WeChat group `group` (the app sends the CloudID). */
const ref = (cloudID: string) => ({ [H5_CLOUD_ID_FIELD]: cloudID });
const enter = (code: string, group: string, openid: string) => grid('groupEnter', { code, group: ref(localGroupCloudID(group, openid)) }, openid);
const stored = async (code: string) =>
  ((await db.collection('grids').where({ code }).limit(1).get()) as unknown as {
    data: Array<{ groupBinding?: { opengid: string; confirmedBy: string } | null; groupProposals?: Array<{ id: string; opengid: string }>; groupChat?: unknown }>;
  }).data[0];
const proposalsOf = async (code: string) => (await stored(code)).groupProposals ?? [];
const stateFor = async (code: string, openid = chiefOf(code)) => okData(await grid('groupBinding', { code }, openid));

describe('a resident opens a grid card from a group not bound yet', () => {
  it('records one proposal for the grid, however often and by however many it is opened', async () => {
    const code = 'GS-0101';
    const residents = Array.from({ length: 6 }, () => newResident());
    // all at once: they race to record it
    const answers = await Promise.all(residents.map((r) => enter(code, 'A', r)));
    for (const answer of answers) expect(okData(answer)).toEqual({ status: 'proposed', proposalId: null });
    expect(okData(await enter(code, 'A', residents[0]))).toEqual({ status: 'proposed', proposalId: null });

    const proposals = await proposalsOf(code);
    expect(proposals).toHaveLength(1);
    expect(proposals[0].opengid).toBe(localOpengid('A'));
    const state = await stateFor(code);
    expect(state).toEqual({ binding: null, proposals: [{ id: proposals[0].id, proposedAt: expect.any(String) }] });
    expect(await stateFor(code, workerOf(code))).toEqual(state);
  });

  it('a request that read the grid before another recorded the same group does not record it again', async () => {
    // what two openings racing would do: both decided to propose, the second writes nothing
    const { _id } = gridOf('GS-0104');
    const proposal = (id: string) => ({ id, opengid: localOpengid('race'), proposedAt: new Date(), proposedBy: newResident() });
    expect(await addGroupProposal(db, _id, proposal('1111111111111111'), false)).toBe(true);
    expect(await addGroupProposal(db, _id, proposal('2222222222222222'), false)).toBe(false);
    expect(await addGroupProposal(db, _id, proposal('3333333333333333'), true)).toBe(false);
    expect((await proposalsOf('GS-0104')).map((p) => p.id)).toEqual(['1111111111111111']);
  });

  it('each group is its own proposal', async () => {
    await enter('GS-0102', 'B1', newResident());
    await enter('GS-0102', 'B2', newResident());
    expect((await proposalsOf('GS-0102')).map((p) => p.opengid).sort()).toEqual([localOpengid('B1'), localOpengid('B2')].sort());
  });

  it('costs at most three database requests', async () => {
    const reply = await cloud.call('grid', { action: 'groupEnter', code: 'GS-0103', group: ref(localGroupCloudID('C', 'res-rt')) }, 'res-rt');
    expect(reply.body).toMatchObject({ ok: true });
    expect(reply.roundTrips).toBeLessThanOrEqual(3);
  });

  it('never hands an opengid to anyone', async () => {
    const resident = newResident();
    const replies = [await enter('FS-0101', 'D', resident), await enter('FS-0101', 'D', chiefOf('FS-0101')), await grid('groupBinding', { code: 'FS-0101' }, chiefOf('FS-0101'))];
    for (const reply of replies) expect(JSON.stringify(reply)).not.toContain(localOpengid('D'));
  });
});

describe('the grid’s staff answer', () => {
  it('the chief confirms: the group is bound, and whoever opens from it is told whose group it is', async () => {
    const code = 'GS-0201';
    await enter(code, 'E', newResident());
    const [proposal] = (await stateFor(code)).proposals;
    const bound = okData(await grid('confirmGroup', { code, proposalId: proposal.id }, chiefOf(code)));
    expect(bound).toEqual({ binding: { confirmedBy: staffName(chiefOf(code)).name, confirmedAt: expect.any(String) }, proposals: [] });
    expect((await stored(code)).groupBinding).toMatchObject({ opengid: localOpengid('E'), confirmedBy: 'chief-GS-0201' });

    const name = gridOf(code).name;
    expect(okData(await enter(code, 'E', newResident()))).toEqual({ status: 'bound', grid: { code, name }, here: true });
    // the same group opening another grid's card: it is still the first grid's group, nothing is proposed there
    expect(okData(await enter('GS-0202', 'E', newResident()))).toEqual({ status: 'bound', grid: { code, name }, here: false });
    expect(await proposalsOf('GS-0202')).toEqual([]);
  });

  it('a grid already bound to a group takes no proposal for another', async () => {
    expect(okData(await enter('GS-0201', 'F', newResident()))).toEqual({ status: 'ignored' });
    expect(okData(await enter('GS-0201', 'F', chiefOf('GS-0201')))).toEqual({ status: 'ignored' });
    expect(await proposalsOf('GS-0201')).toEqual([]);
  });

  it('a worker ignores a group: residents from it ask no more, but a chief opening from it may bind it on the spot', async () => {
    const code = 'GS-0203';
    await enter(code, 'G', newResident());
    const [proposal] = (await stateFor(code)).proposals;
    expect(okData(await grid('dismissGroup', { code, proposalId: proposal.id }, workerOf(code)))).toEqual({ binding: null, proposals: [] });
    expect(okData(await enter(code, 'G', newResident()))).toEqual({ status: 'ignored' });
    expect(await proposalsOf(code)).toEqual([]);

    const onTheSpot = okData(await enter(code, 'G', chiefOf(code)));
    expect(onTheSpot).toEqual({ status: 'proposed', proposalId: expect.stringMatching(/^[a-f0-9]{16}$/) });
    okData(await grid('confirmGroup', { code, proposalId: onTheSpot.proposalId }, chiefOf(code)));
    expect(okData(await enter(code, 'G', newResident()))).toMatchObject({ status: 'bound', here: true });
  });

  it('a group bound to another grid meanwhile cannot be bound here too', async () => {
    await enter('GS-0301', 'H', newResident());
    await enter('GS-0302', 'H', newResident());
    const [here] = (await stateFor('GS-0301')).proposals;
    const [there] = (await stateFor('GS-0302')).proposals;
    okData(await grid('confirmGroup', { code: 'GS-0302', proposalId: there.id }, chiefOf('GS-0302')));
    const refused = await grid('confirmGroup', { code: 'GS-0301', proposalId: here.id }, chiefOf('GS-0301'));
    expectRefusal(refused, 'CONFLICT');
    expect(refused).toMatchObject({ message: `这个微信群已是${gridOf('GS-0302').name}的网格群` });
    expect((await stored('GS-0301')).groupBinding ?? null).toBeNull();
  });

  it.each([
    ['a proposal already answered', async () => {
      await enter('GS-0303', 'I', newResident());
      const [p] = (await stateFor('GS-0303')).proposals;
      okData(await grid('dismissGroup', { code: 'GS-0303', proposalId: p.id }, chiefOf('GS-0303')));
      return p.id;
    }],
    ['a proposal that never existed', async () => 'abcdef0123456789'],
  ])('confirming %s is refused as NOT_FOUND with a clear message, and nothing is bound', async (_, proposalId) => {
    const id = await proposalId();
    for (const act of ['confirmGroup', 'dismissGroup']) {
      const refused = await grid(act, { code: 'GS-0303', proposalId: id }, chiefOf('GS-0303'));
      expect(refused).toEqual({ ok: false, code: 'NOT_FOUND', message: NO_PENDING_GROUP });
    }
    expect((await stored('GS-0303')).groupBinding ?? null).toBeNull();
  });

  it.each([
    ['a resident', () => newResident(), 'FORBIDDEN'],
    ['another grid’s chief', () => chiefOf('QQ-0101'), 'FORBIDDEN'],
    ['street staff above the grid', () => streetOf('GS-0304'), 'FORBIDDEN'],
    ['nobody signed in', () => undefined, 'UNAUTHENTICATED'],
  ])('%s may not see, confirm or ignore the proposals', async (_, who, code) => {
    await enter('GS-0304', 'J', newResident());
    const [p] = (await stateFor('GS-0304')).proposals;
    for (const [act, params] of [
      ['groupBinding', {}],
      ['confirmGroup', { proposalId: p.id }],
      ['dismissGroup', { proposalId: p.id }],
      ['unbindGroup', {}],
    ] as const) {
      expectRefusal(await grid(act, { code: 'GS-0304', ...params }, who()), code);
    }
    expect(await proposalsOf('GS-0304')).toHaveLength(1);
    expect((await stored('GS-0304')).groupBinding ?? null).toBeNull();
  });
});

describe('only the platform names the group', () => {
  const opengid = localOpengid('K');
  it.each([
    ['an opengid sent as the group', { group: opengid }],
    ['an opengid beside the card', { opengid }],
    ['an opengid inside a made-up group object', { group: { opengid } }],
    ['decrypted data the client wrote itself', { group: { cloudID: 'made-up', data: { opengid } } }],
    ['a CloudID minted for another user', { group: ref(localGroupCloudID('K', 'someone-else')) }],
    ['a CloudID not from WeChat', { group: ref('27_Ih-9vxDaOhIbh48Bdpk90DUkUoNMAPaNtg7OSGM') }],
    ['another user’s CloudID dressed as opened for this one', { group: { cloudID: localGroupCloudID('K', 'someone-else'), data: { opengid } } }],
    ['no group at all', {}],
  ])('%s is refused as INVALID_INPUT and nothing is recorded', async (_, params) => {
    const resident = newResident();
    expectRefusal(await grid('groupEnter', { code: 'QQ-0102', ...params }, resident), 'INVALID_INPUT');
    expect(await proposalsOf('QQ-0102')).toEqual([]);
  });

  it('a real CloudID of one group dressed up as another counts as the group it really is', async () => {
    const resident = newResident();
    const forged = { cloudID: localGroupCloudID('M', resident), data: { opengid } };
    expect(okData(await grid('groupEnter', { code: 'QQ-0104', group: forged }, resident))).toMatchObject({ status: 'proposed' });
    expect((await proposalsOf('QQ-0104')).map((p) => p.opengid)).toEqual([localOpengid('M')]);
  });
});

describe('grids that cannot take a group', () => {
  it('a retired grid is refused as NOT_FOUND and gets no proposal', async () => {
    okData(await grid('retire', { code: 'QQ-0103' }, streetOf('QQ-0103')));
    expectRefusal(await enter('QQ-0103', 'L', newResident()), 'NOT_FOUND');
    expect(await proposalsOf('QQ-0103')).toEqual([]);
  });

  it('a grid with five groups waiting takes no sixth from residents', async () => {
    for (const g of ['M1', 'M2', 'M3', 'M4', 'M5', 'M6']) await enter('QQ-0104', g, newResident());
    expect((await proposalsOf('QQ-0104')).map((p) => p.opengid)).not.toContain(localOpengid('M6'));
    expect(await proposalsOf('QQ-0104')).toHaveLength(5);
  });
});

describe('the bound group and the QR or WeCom group chat live side by side', () => {
  it('setting, replacing or clearing the join way keeps the binding; unbinding keeps the join way', async () => {
    const code = 'QQ-0201';
    const url = 'https://work.weixin.qq.com/gm/3f5c0a1b2c3d4e5f';
    okData(await grid('setGroupChat', { code, kind: 'wecom', url }, chiefOf(code)));
    await enter(code, 'N', newResident());
    const [p] = (await stateFor(code)).proposals;
    okData(await grid('confirmGroup', { code, proposalId: p.id }, workerOf(code)));

    okData(await grid('setGroupChat', { code, kind: 'wecom', url: `${url}0` }, chiefOf(code)));
    expect((await stored(code)).groupBinding).toMatchObject({ opengid: localOpengid('N') });
    okData(await grid('clearGroupChat', { code }, chiefOf(code)));
    expect((await stored(code)).groupBinding).toMatchObject({ opengid: localOpengid('N') });
    expect(okData(await enter(code, 'N', newResident()))).toMatchObject({ status: 'bound', here: true });

    okData(await grid('setGroupChat', { code, kind: 'wecom', url }, chiefOf(code)));
    expect(okData(await grid('unbindGroup', { code }, chiefOf(code)))).toEqual({ binding: null, proposals: [] });
    expect(okData(await grid('resolve', { code }, newResident())).groupChat).toEqual({ kind: 'wecom', url });
    expect(okData(await enter(code, 'N', newResident()))).toEqual({ status: 'proposed', proposalId: null });
  });
});
