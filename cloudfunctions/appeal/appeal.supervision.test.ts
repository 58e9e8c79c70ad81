/**
 * 督办, 延期 and the supervision board against the local cloud (issue 10): every kind of caller
 * against each action (a refused row changes nothing), what an allowed step stores (deadlines,
 * counts, the timer's marks), who is told (the local cloud's log of subscribe messages), and what
 * the board lists, in which order, a page at a time. Deadlines are moved straight in the database
 * (with the derived `dueKey` and `timerDue` a save would write), as the clock cannot wait hours.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail, AppealSummary, Page } from '../../types/appeal';
import { APPEAL_WORDS, type DeadlineKind } from '../../types/vocabulary';
import type { AppealRecord, SlaMarks } from '../domain/records';
import { timerDueAt } from '../domain/slaTimer';
import {
  appeal,
  chiefOf,
  communityOf,
  devOutbox,
  expectRefusal,
  fileAppeal,
  grantConsents,
  moveDeadlines as moveDeadlinesIn,
  newResident,
  okData,
  readAllPages,
  staffName,
  streetOf,
  subscribeSends,
  workerOf,
  type Body,
} from '../../tests/support/appealKit';
import { readDoc } from '../../tests/support/cloudDb';
import { LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const plus = (d: Date | string, ms: number) => new Date(new Date(d).getTime() + ms);
const moveDeadlines = (id: string, moved: Partial<Record<DeadlineKind, Date>>, sla?: SlaMarks) => moveDeadlinesIn(db, id, moved, sla);
const stored = async (id: string) => (await readDoc<AppealRecord & { dueKey: string; timerDue: Date | null }>(db, 'appeals', id))!;

/** What a subscribe message to `openid` about the appeal said in its 新诉求提醒 reason field. */
async function toldAbout(openid: string, id: string): Promise<string[]> {
  return subscribeSends(await devOutbox(cloud), openid)
    .filter((s) => s.params.page.endsWith(`?id=${id}`))
    .map((s) => s.params.data.thing3.value as string);
}

const accepted = async (filer: string, gridCode: string) => {
  const filed = await fileAppeal(cloud, filer, { gridCode });
  okData(await appeal(cloud, chiefOf(gridCode), 'accept', { id: filed.id }));
  return filed;
};

describe('who may 督办, ask for and decide 延期, and read the board', () => {
  const GRID = 'GS-0101';
  type Caller = 'filer' | 'otherResident' | 'nobody' | 'chief' | 'worker' | 'otherChief' | 'community' | 'otherCommunity' | 'street' | 'otherStreet';
  const CALLERS: Caller[] = ['filer', 'otherResident', 'nobody', 'chief', 'worker', 'otherChief', 'community', 'otherCommunity', 'street', 'otherStreet'];

  /** The openid each caller has for one row (demo identities, DESIGN §2); `nobody` calls without one. */
  const identity = (caller: Caller, filer: string): string | undefined =>
    ({
      filer,
      otherResident: newResident('other'),
      nobody: undefined,
      chief: chiefOf(GRID),
      worker: workerOf(GRID),
      otherChief: chiefOf('GS-0102'), // same community
      community: communityOf(GRID),
      otherCommunity: communityOf('GS-0201'), // same street
      street: streetOf(GRID),
      otherStreet: streetOf('QQ-0101'),
    })[caller];

  type Setup = 'submitted' | 'accepted' | 'asked' | 'overdue';
  type Row = {
    setup: Setup;
    params: (a: AppealRecord) => object;
    /** ok, a refusal code, or for the board: whether the appeal is `listed` or `unlisted`. */
    expect: Record<Caller, string>;
    /** For `ok` rows: the change, read back from the database, by the caller named. */
    effect?: (after: AppealRecord, before: AppealRecord, who: string) => void;
  };

  const F = 'FORBIDDEN';
  const U = 'UNAUTHENTICATED';
  const overseers = { filer: F, otherResident: F, nobody: U, chief: F, worker: F, otherChief: F, community: 'ok', otherCommunity: F, street: 'ok', otherStreet: F };
  const byName = (who: string) => ({ name: staffName(who).name, title: staffName(who).title });

  const ACTIONS: Record<string, Row> = {
    supervise: {
      setup: 'submitted',
      params: (a) => ({ id: a._id, card: 'red', note: '群众反映强烈，请今天受理' }),
      expect: overseers,
      effect: (after, before, who) => {
        expect(after.supervision).toEqual([expect.objectContaining({ card: 'red', note: '群众反映强烈，请今天受理', until: null, by: expect.objectContaining(byName(who)) })]);
        expect(after.deadlines).toEqual(before.deadlines);
        expect(after.timeline.at(-1)).toMatchObject({ type: 'supervised', detail: 'red' });
      },
    },
    requestExtension: {
      setup: 'accepted',
      params: (a) => ({ id: a._id, reason: '需要物业配合施工', until: plus(a.deadlines.resolveBy, DAY).toISOString() }),
      expect: { filer: F, otherResident: F, nobody: U, chief: 'ok', worker: 'ok', otherChief: F, community: F, otherCommunity: F, street: F, otherStreet: F },
      effect: (after, before, who) => {
        expect(after.extension).toMatchObject({ state: 'pending', deadline: 'resolveBy', until: plus(before.deadlines.resolveBy, DAY), requestedBy: byName(who) });
        expect(after.deadlines).toEqual(before.deadlines);
      },
    },
    decideExtension: {
      setup: 'asked',
      params: (a) => ({ id: a._id, grant: true, note: '同意延期一天' }),
      expect: overseers,
      effect: (after, before, who) => {
        expect(after.extension).toMatchObject({ state: 'granted', decidedBy: byName(who), note: '同意延期一天' });
        expect(after.deadlines).toEqual({ ...before.deadlines, resolveBy: before.extension!.until });
        expect(after.extensionsGranted).toBe(1);
      },
    },
    board: {
      setup: 'overdue',
      params: () => ({}),
      expect: { filer: F, otherResident: F, nobody: U, chief: F, worker: F, otherChief: F, community: 'listed', otherCommunity: 'unlisted', street: 'listed', otherStreet: 'unlisted' },
    },
  };

  async function prepare(setup: Setup, filer: string): Promise<AppealRecord> {
    const filed = setup === 'submitted' || setup === 'overdue' ? await fileAppeal(cloud, filer, { gridCode: GRID }) : await accepted(filer, GRID);
    if (setup === 'overdue') await moveDeadlines(filed.id, { acceptBy: plus(new Date(), -HOUR) });
    if (setup === 'asked') {
      const a = await stored(filed.id);
      okData(await appeal(cloud, chiefOf(GRID), 'requestExtension', { id: filed.id, reason: '需要物业配合施工', until: plus(a.deadlines.resolveBy, DAY).toISOString() }));
    }
    return stored(filed.id);
  }

  const TABLE = Object.entries(ACTIONS).flatMap(([action, row]) => CALLERS.map((caller) => [action, caller, row.expect[caller]] as const));

  it.each(TABLE)('%s by %s → %s', async (action, caller, expected) => {
    const filer = newResident('filer');
    const before = await prepare(ACTIONS[action].setup, filer);
    const who = identity(caller, filer);
    if (expected === 'listed' || expected === 'unlisted') {
      const { items } = await readAllPages(cloud, who!, 'board');
      expect(items.some((a) => a.id === before._id)).toBe(expected === 'listed');
      return;
    }
    const body = await appeal<AppealDetail>(cloud, who, action, ACTIONS[action].params(before));
    if (expected === 'ok') {
      expect(okData(body).id).toBe(before._id);
      ACTIONS[action].effect!(await stored(before._id), before, who!);
      return;
    }
    expectRefusal(body, expected);
    expect(await stored(before._id)).toEqual(before);
  });

  it('every allowed row checks its effect', () => {
    for (const [action, row] of Object.entries(ACTIONS)) {
      if (Object.values(row.expect).includes('ok')) expect([action, typeof row.effect]).toEqual([action, 'function']);
    }
  });
});

describe('督办', () => {
  it('a red card with a tighter deadline moves the running deadline, clears its timer marks, tells the chief and shows in the inbox', async () => {
    const chief = chiefOf('GS-0103');
    const community = communityOf('GS-0103');
    await grantConsents(cloud, chief, ['appealNew', 'appealNew']);
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0103' });
    const { deadlines } = await stored(filed.id);
    const { acceptBy } = deadlines;
    await moveDeadlines(filed.id, {}, { reminded: ['acceptBy'], missed: [], owed: [] });
    // halfway between now and the deadline: later than now, earlier than the deadline, whenever the test runs
    const until = new Date(Math.round((Date.now() + new Date(acceptBy).getTime()) / 2));

    const seen = okData(await appeal<AppealDetail>(cloud, community, 'supervise', { id: filed.id, card: 'red', note: '请两小时内受理', until: until.toISOString() }));
    const after = await stored(filed.id);
    expect(after.deadlines).toEqual({ ...deadlines, acceptBy: until });
    expect(after.sla!.reminded).toEqual([]);
    expect(after.dueKey).toBe(`${until.toISOString()}_${filed.id}`);
    expect(after.timerDue).toEqual(timerDueAt(after));
    expect(seen).toMatchObject({ card: 'red', clock: { kind: 'acceptBy', at: until.toISOString() } });
    expect(seen.supervision).toEqual([expect.objectContaining({ card: 'red', note: '请两小时内受理', until: until.toISOString() })]);

    expect(await toldAbout(chief, filed.id)).toEqual([expect.stringMatching(/^新诉求/), expect.stringMatching(new RegExp(`^${APPEAL_WORDS.card.red}：`))]);
    const inbox = await readAllPages(cloud, chief, 'inbox');
    expect(inbox.items.find((a) => a.id === filed.id)).toMatchObject({ card: 'red', clock: { at: until.toISOString() } });
  });

  it('an `until` not earlier than the running deadline is INVALID_INPUT and nothing changes', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0103' });
    const before = await stored(filed.id);
    const late = plus(before.deadlines.acceptBy, HOUR).toISOString();
    expectRefusal(await appeal(cloud, communityOf('GS-0103'), 'supervise', { id: filed.id, card: 'yellow', note: '请尽快受理', until: late }), 'INVALID_INPUT');
    expect(await stored(filed.id)).toEqual(before);
  });

  it('risky words on a card are CONTENT_RISKY and nothing changes', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0103' });
    const before = await stored(filed.id);
    expectRefusal(await appeal(cloud, communityOf('GS-0103'), 'supervise', { id: filed.id, card: 'yellow', note: '这里有人赌博请处理' }), 'CONTENT_RISKY');
    expect(await stored(filed.id)).toEqual(before);
  });

  it('the filer sees that it is supervised, never the note', async () => {
    const filer = newResident();
    const filed = await fileAppeal(cloud, filer, { gridCode: 'GS-0103' });
    okData(await appeal(cloud, streetOf('GS-0103'), 'supervise', { id: filed.id, card: 'yellow', note: '街道内部督办意见' }));
    const seen = okData(await appeal<AppealDetail>(cloud, filer, 'detail', { id: filed.id }));
    expect(seen.card).toBe('yellow');
    expect(seen.supervision).toEqual([]);
    expect(seen.timeline.at(-1)).toMatchObject({ type: 'supervised', text: null, detail: null });
    expect(JSON.stringify(seen)).not.toContain('街道内部督办意见');
    expect(okData(await appeal<Page<AppealSummary>>(cloud, filer, 'mine')).items.find((a) => a.id === filed.id)!.card).toBe('yellow');
  });

  it('cards are counted per appeal and, over the appeals, per grid', async () => {
    const grid = 'GS-0304';
    const [a, b] = [await fileAppeal(cloud, newResident(), { gridCode: grid }), await fileAppeal(cloud, newResident(), { gridCode: grid })];
    await fileAppeal(cloud, newResident(), { gridCode: grid });
    for (const [id, card] of [[a.id, 'yellow'], [a.id, 'red'], [b.id, 'yellow']] as const) {
      okData(await appeal(cloud, communityOf(grid), 'supervise', { id, card, note: '请加快办理' }));
    }
    expect((await stored(a.id)).supervision!.map((c) => c.card)).toEqual(['yellow', 'red']);
    const $ = db.command.aggregate;
    const { list } = (await db
      .collection('appeals')
      .aggregate()
      .match({ gridCode: grid })
      .project({ gridCode: 1, cards: $.size($.ifNull(['$supervision', []])) })
      .group({ _id: '$gridCode', cards: $.sum('$cards'), appeals: $.sum(1) })
      .end()) as unknown as { list: unknown[] };
    expect(list).toEqual([{ _id: grid, cards: 3, appeals: 3 }]);
  });
});

describe('延期', () => {
  const GRID = 'GS-0102';
  const chief = chiefOf(GRID);
  const community = communityOf(GRID);
  const street = streetOf(GRID);
  const ask = (id: string, until: Date, who = chief) => appeal<AppealDetail>(cloud, who, 'requestExtension', { id, reason: '需要物业配合施工', until: until.toISOString() });

  beforeAll(async () => {
    await grantConsents(cloud, chief, Array(10).fill('appealNew'));
    await grantConsents(cloud, community, Array(10).fill('appealNew'));
  });

  it('asked, refused, asked again and granted: the deadline moves once, the grant is counted, each side is told', async () => {
    const filed = await accepted(newResident(), GRID);
    const { resolveBy } = (await stored(filed.id)).deadlines;

    okData(await ask(filed.id, plus(resolveBy, DAY)));
    expect(await toldAbout(community, filed.id)).toEqual([expect.stringMatching(new RegExp(`^${APPEAL_WORDS.event.extensionRequested}：`))]);

    // one pending at a time
    const pending = await stored(filed.id);
    expectRefusal(await ask(filed.id, plus(resolveBy, 2 * DAY), workerOf(GRID)), 'CONFLICT');
    expect(await stored(filed.id)).toEqual(pending);

    okData(await appeal(cloud, community, 'decideExtension', { id: filed.id, grant: false, note: '请按原时限办结' }));
    expect(await stored(filed.id)).toMatchObject({ deadlines: { resolveBy }, extension: { state: 'refused', note: '请按原时限办结' } });
    expect((await stored(filed.id)).extensionsGranted).toBeUndefined();

    okData(await ask(filed.id, plus(resolveBy, 2 * DAY)));
    const granted = okData(await appeal<AppealDetail>(cloud, street, 'decideExtension', { id: filed.id, grant: true }));
    const after = await stored(filed.id);
    expect(after.deadlines).toEqual({ ...pending.deadlines, resolveBy: plus(resolveBy, 2 * DAY) });
    expect(after.extensionsGranted).toBe(1);
    expect(after.dueKey).toBe(`${plus(resolveBy, 2 * DAY).toISOString()}_${filed.id}`);
    expect(granted.extension).toMatchObject({ state: 'granted', decidedBy: { name: staffName(street).name }, until: plus(resolveBy, 2 * DAY).toISOString() });
    expect(after.timeline.slice(-4).map((e) => e.type)).toEqual(['extensionRequested', 'extensionRefused', 'extensionRequested', 'extensionGranted']);

    expect(await toldAbout(chief, filed.id)).toEqual([
      expect.stringMatching(/^新诉求/),
      expect.stringMatching(new RegExp(`^${APPEAL_WORDS.event.extensionRefused}：`)),
      expect.stringMatching(new RegExp(`^${APPEAL_WORDS.event.extensionGranted}：`)),
    ]);
  });

  it('granting an overdue appeal’s request clears the 超时 and its reminder and takes it off the board', async () => {
    const filed = await accepted(newResident(), GRID);
    // 办结 an hour late; 到场 (still owed) far off, so only the 延期 decides whether it is on the board
    await moveDeadlines(filed.id, { onSiteBy: plus(new Date(), 3 * DAY), resolveBy: plus(new Date(), -HOUR) }, { reminded: ['acceptBy', 'resolveBy'], missed: ['resolveBy'], owed: [] });
    const onBoard = async () => (await readAllPages(cloud, community, 'board')).items.find((a) => a.id === filed.id);
    expect(await onBoard()).toMatchObject({ overdue: true, missed: ['resolveBy'] });

    const until = plus(new Date(), 2 * DAY);
    okData(await ask(filed.id, until));
    expect(await onBoard()).toMatchObject({ extensionPending: true });
    okData(await appeal(cloud, community, 'decideExtension', { id: filed.id, grant: true }));

    const after = await stored(filed.id);
    expect(after.deadlines.resolveBy).toEqual(until);
    expect(after.sla).toEqual({ reminded: ['acceptBy'], missed: [], owed: [] });
    expect(after.timerDue).toEqual(timerDueAt(after));
    expect(await onBoard()).toBeUndefined();
  });

  it('an `until` more than 30 days ahead, or not later than the running deadline, is INVALID_INPUT and nothing changes', async () => {
    const filed = await accepted(newResident(), GRID);
    const before = await stored(filed.id);
    expectRefusal(await ask(filed.id, plus(new Date(), 31 * DAY)), 'INVALID_INPUT');
    expectRefusal(await ask(filed.id, before.deadlines.resolveBy), 'INVALID_INPUT');
    expect(await stored(filed.id)).toEqual(before);
  });

  it('two staff deciding at once: one decision is kept, the other is CONFLICT, the grant is counted once', async () => {
    const filed = await accepted(newResident(), GRID);
    okData(await ask(filed.id, plus((await stored(filed.id)).deadlines.resolveBy, DAY)));
    const answers = await Promise.all([
      appeal(cloud, community, 'decideExtension', { id: filed.id, grant: true }),
      appeal(cloud, street, 'decideExtension', { id: filed.id, grant: true }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a as { code: string }).code)).toEqual(['CONFLICT']);
    const after = await stored(filed.id);
    expect(after.extensionsGranted).toBe(1);
    expect(after.timeline.filter((e) => e.type === 'extensionGranted')).toHaveLength(1);
  });
});

describe('the supervision board', () => {
  /**
   * Files an appeal in `grid` (accepted, for 到场 or 办结) whose deadline `kind` is `offset` from
   * now and whose other deadlines are days away.
   */
  async function dueIn(grid: string, offset: number, kind: DeadlineKind = 'acceptBy') {
    const filed = kind === 'acceptBy' ? await fileAppeal(cloud, newResident(), { gridCode: grid }) : await accepted(newResident(), grid);
    const far = plus(new Date(), 3 * DAY);
    await moveDeadlines(filed.id, { acceptBy: far, onSiteBy: far, resolveBy: far, [kind]: plus(new Date(), offset) });
    return filed.id;
  }

  it('lists the open appeals of the caller’s community or street with a deadline owed (受理, 到场, 办结) passed or near, the earliest first', async () => {
    const overdue = await dueIn('FS-0101', -2 * HOUR);
    const raised = await dueIn('FS-0104', -HOUR);
    okData(await appeal(cloud, chiefOf('FS-0104'), 'escalate', { id: raised, reason: '需要社区协调' }));
    const nearDue = await dueIn('FS-0102', 30 * MINUTE, 'resolveBy');
    const notThere = await dueIn('FS-0103', -30 * MINUTE, 'onSiteBy'); // 当日必达 missed, 办结 days away
    const there = await dueIn('FS-0103', -40 * MINUTE, 'onSiteBy');
    okData(await appeal(cloud, chiefOf('FS-0103'), 'reply', { id: there, text: '已到现场查看', onSite: true })); // on site: 到场 no longer owed
    const otherCommunity = await dueIn('FS-0201', 45 * MINUTE);
    await dueIn('FS-0101', 5 * HOUR); // not near yet
    const resolved = await dueIn('FS-0103', -3 * HOUR);
    okData(await appeal(cloud, chiefOf('FS-0103'), 'resolve', { id: resolved, note: '已处理完毕' }));
    const held = await fileAppeal(cloud, newResident(), { gridCode: 'FS-0101', content: '小区门口有人摆摊，待审核确认情况' });
    expect(held.status).toBe('held');

    const community = (await readAllPages(cloud, communityOf('FS-0101'), 'board')).items;
    expect(community.map((a) => a.id)).toEqual([overdue, raised, notThere, nearDue]);
    expect(community.map((a) => [a.gridCode, a.overdue, a.level])).toEqual([
      ['FS-0101', true, 'grid'],
      ['FS-0104', true, 'community'],
      ['FS-0103', true, 'grid'],
      ['FS-0102', false, 'grid'],
    ]);
    expect((await readAllPages(cloud, streetOf('FS-0101'), 'board')).items.map((a) => a.id)).toEqual([overdue, raised, notThere, nearDue, otherCommunity]);
  });

  it('pages of 20 by urgency, each appeal once, in two round trips a page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) ids.push(await dueIn('FS-0301', (i - 10) * MINUTE));
    const { items, pages } = await readAllPages(cloud, communityOf('FS-0301'), 'board');
    expect(pages).toEqual([20, 1]);
    expect(items.map((a) => a.id)).toEqual(ids);
    expect((await cloud.call<Body>('appeal', { action: 'board' }, communityOf('FS-0301'))).roundTrips).toBe(2);
  });

  it('a chief or worker has no board', async () => {
    expectRefusal(await appeal(cloud, chiefOf('FS-0301'), 'board'), 'FORBIDDEN');
  });
});
