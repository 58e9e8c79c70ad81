import { keepClock } from './slaTimer';
import { chiefActor, communityActor, FILED, filedAppeal, LATER, pendingExtension, residentActor } from '../../tests/support/appealRecord';
import { EXTENSION_MAX_DAYS, NEAR_DUE_MINUTES, type AppealStatus } from '../../types/appeal';
import { APPEAL_STATUSES, APPEAL_WORDS, type DeadlineKind } from '../../types/vocabulary';
import { transition, type Command } from './appeal';
import { allowedActions, detailView } from './appealView';
import { callReason } from './messages';
import { boardScope, mayDecideExtension, mayOversee, mayRequestExtension, type Viewer } from './permissions';
import type { AppealRecord, SlaMarks, StaffRecord, StaffRole } from './records';
import { Refusal } from './refusal';
import { boardHorizon, earliestOwed } from './supervision';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const plus = (d: Date, ms: number) => new Date(new Date(d).getTime() + ms);

/** The running deadline of an appeal filed at FILED: 受理 while submitted, 办结 once accepted or sent back. */
const runningKind = (status: AppealStatus): DeadlineKind => (status === 'submitted' ? 'acceptBy' : 'resolveBy');

/** What a refused step throws: its code (and that nothing was returned). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).message).toMatch(/[\u4e00-\u9fa5]/);
    return (error as Refusal).code;
  }
  throw new Error('expected a refusal');
}

const OPEN: AppealStatus[] = ['submitted', 'accepted', 'returned'];
/** The timer's marks on every clock (a reminder sent, 受理 and 办结 missed) and a message still owed. */
const MARKS: SlaMarks = { reminded: ['acceptBy', 'onSiteBy', 'resolveBy'], missed: ['acceptBy', 'resolveBy'], owed: [{ key: 'miss-acceptBy-1-level', audience: 'level', deadline: 'acceptBy', level: 'community' }] };

describe('督办, 延期 and their decision from each status (by hand: anything else is CONFLICT)', () => {
  const EXTENDED = plus(FILED, 4 * DAY);
  const commands: Record<string, { command: Command; from?: Partial<AppealRecord> }> = {
    supervise: { command: { type: 'supervise', card: 'red', note: '请今天内处理', until: null } },
    requestExtension: { command: { type: 'requestExtension', reason: '需要物业配合', until: EXTENDED } },
    'decideExtension refuse': { command: { type: 'decideExtension', grant: false, note: '请按时办理' }, from: { extension: pendingExtension(EXTENDED) } },
  };
  const rows = Object.keys(commands).flatMap((name) => APPEAL_STATUSES.map((from) => [name, from, OPEN.includes(from) ? from : 'CONFLICT'] as const));

  it.each(rows)('%s from %s → %s', (name, from, expected) => {
    const { command, from: fields } = commands[name];
    const run = () => transition(filedAppeal({ status: from, resolvedAt: from === 'resolved' ? FILED : null, ...fields }), command, communityActor, LATER);
    if (expected === 'CONFLICT') expect(refusal(run)).toBe('CONFLICT');
    else expect(run()).toMatchObject({ status: expected, level: 'grid' });
  });

  it.each(Object.keys(commands))('%s by someone who is not staff is FORBIDDEN', (name) => {
    const { command, from } = commands[name];
    expect(refusal(() => transition(filedAppeal(from), command, residentActor, LATER))).toBe('FORBIDDEN');
    expect(refusal(() => transition(filedAppeal(from), command, { kind: 'system' }, LATER))).toBe('FORBIDDEN');
  });
});

describe('督办: a card on the appeal', () => {
  const supervise = (appeal: AppealRecord, until: Date | null, card: 'yellow' | 'red' = 'red') =>
    transition(appeal, { type: 'supervise', card, note: '群众反映强烈，请今天办结', until }, communityActor, LATER);

  it('keeps the card with its note, who and when, after earlier cards; the deadlines stay without `until`', () => {
    const earlier = { card: 'yellow' as const, note: '请尽快受理', until: null, by: communityActor, at: FILED };
    const appeal = filedAppeal({ supervision: [earlier], sla: MARKS });
    const next = supervise(appeal, null);
    expect(next.supervision).toEqual([earlier, { card: 'red', note: '群众反映强烈，请今天办结', until: null, by: communityActor, at: LATER }]);
    expect(next.deadlines).toEqual(appeal.deadlines);
    expect(next.sla).toEqual(MARKS);
    expect(next.timeline.at(-1)).toMatchObject({ type: 'supervised', actor: communityActor, text: '群众反映强烈，请今天办结', detail: 'red', at: LATER });
  });

  it('the first card on an appeal stored without any starts the list', () => {
    expect(supervise(filedAppeal(), null, 'yellow').supervision).toHaveLength(1);
  });

  it.each(OPEN)('a tighter `until` moves the running deadline while %s and clears only that clock’s marks', (status) => {
    const kind = runningKind(status);
    const appeal = filedAppeal({ status, sla: MARKS, deadlines: { ...filedAppeal().deadlines, [kind]: plus(LATER, 6 * HOUR) } });
    const until = plus(LATER, HOUR);
    const next = supervise(appeal, until);
    expect(next.deadlines).toEqual({ ...appeal.deadlines, [kind]: until });
    expect(next.sla).toEqual({
      reminded: MARKS.reminded.filter((k) => k !== kind),
      missed: MARKS.missed.filter((k) => k !== kind),
      owed: MARKS.owed,
    });
    expect(next.supervision!.at(-1)!.until).toEqual(until);
  });

  it('an appeal the timer never marked gets no marks from a card', () => {
    const appeal = filedAppeal({ status: 'accepted' });
    expect(supervise(appeal, plus(LATER, HOUR)).sla).toBeUndefined();
  });

  it.each([
    ['now', 0],
    ['before now', -HOUR],
    ['the running deadline itself', null],
    ['after the running deadline', DAY],
  ] as const)('an `until` at %s is INVALID_INPUT', (_, offset) => {
    const appeal = filedAppeal({ status: 'accepted' });
    const due = appeal.deadlines.resolveBy;
    const until = offset === null ? due : offset === DAY ? plus(due, DAY) : plus(LATER, offset);
    expect(refusal(() => supervise(appeal, until))).toBe('INVALID_INPUT');
  });

  it('an overdue appeal cannot be given a tighter deadline (none is both later than now and earlier than the passed one), but can be carded', () => {
    const overdue = filedAppeal(); // 受理 was due at 12:00, it is 13:00
    expect(refusal(() => supervise(overdue, plus(LATER, HOUR)))).toBe('INVALID_INPUT');
    expect(supervise(overdue, null).supervision).toHaveLength(1);
  });
});

describe('延期: the grid asks for more time', () => {
  const request = (appeal: AppealRecord, until: Date) => transition(appeal, { type: 'requestExtension', reason: '需要物业配合，周末才能施工', until }, chiefActor, LATER);

  it.each(OPEN)('while %s it asks to move the running clock and is pending; nothing moves yet', (status) => {
    const appeal = filedAppeal({ status, sla: MARKS });
    const kind = runningKind(status);
    const until = plus(appeal.deadlines[kind], DAY);
    const next = request(appeal, until);
    expect(next.extension).toEqual({
      state: 'pending',
      deadline: kind,
      reason: '需要物业配合，周末才能施工',
      until,
      requestedBy: chiefActor,
      requestedAt: LATER,
      decidedBy: null,
      decidedAt: null,
      note: null,
    });
    expect(next.deadlines).toEqual(appeal.deadlines);
    expect(next.sla).toEqual(MARKS);
    expect(next.extensionsGranted).toBeUndefined();
    expect(next.timeline.at(-1)).toMatchObject({ type: 'extensionRequested', actor: chiefActor, text: '需要物业配合，周末才能施工', detail: until.toISOString() });
  });

  it('one pending request at a time: a second is CONFLICT; once decided, the grid may ask again', () => {
    const pending = filedAppeal({ status: 'accepted', extension: pendingExtension(plus(FILED, 4 * DAY), 'resolveBy') });
    expect(refusal(() => request(pending, plus(FILED, 5 * DAY)))).toBe('CONFLICT');
    for (const state of ['granted', 'refused'] as const) {
      const decided = { ...pending, extension: { ...pending.extension!, state, decidedBy: communityActor, decidedAt: LATER } };
      expect(request(decided, plus(FILED, 5 * DAY)).extension).toMatchObject({ state: 'pending', until: plus(FILED, 5 * DAY) });
    }
  });

  it.each(['community', 'street'] as const)('once staff raised the appeal to the %s (which works it now), the grid cannot ask: CONFLICT', (level) => {
    expect(refusal(() => request(filedAppeal({ level, sla: MARKS }), plus(LATER, DAY)))).toBe('CONFLICT');
  });

  it('once the SLA timer raised it (the grid was late, not relieved), the grid still asks and the community decides', () => {
    const late = keepClock(filedAppeal(), plus(filedAppeal().deadlines.acceptBy, 60_000))!;
    expect(late.level).toBe('community');
    const asked = request(late, plus(late.deadlines.acceptBy, DAY));
    expect(asked.extension).toMatchObject({ state: 'pending', deadline: 'acceptBy' });
    expect(asked.level).toBe('community');
  });

  it.each([
    ['the running deadline itself', (due: Date) => due, 'INVALID_INPUT'],
    ['before the running deadline', (due: Date) => plus(due, -HOUR), 'INVALID_INPUT'],
    ['a minute after the running deadline', (due: Date) => plus(due, 60_000), 'ok'],
    [`${EXTENSION_MAX_DAYS} days from now`, () => plus(LATER, EXTENSION_MAX_DAYS * DAY), 'ok'],
    [`a minute past ${EXTENSION_MAX_DAYS} days from now`, () => plus(LATER, EXTENSION_MAX_DAYS * DAY + 60_000), 'INVALID_INPUT'],
  ] as const)('an `until` at %s → %s', (_, until, expected) => {
    const appeal = filedAppeal({ status: 'accepted' });
    const run = () => request(appeal, until(appeal.deadlines.resolveBy));
    if (expected === 'ok') expect(run().extension!.state).toBe('pending');
    else expect(refusal(run)).toBe(expected);
  });

  it('an overdue appeal’s `until` must also be later than now', () => {
    const overdue = filedAppeal(); // 受理 was due at 12:00, it is 13:00
    expect(refusal(() => request(overdue, plus(LATER, -30 * 60_000)))).toBe('INVALID_INPUT');
    expect(request(overdue, plus(LATER, HOUR)).extension!.until).toEqual(plus(LATER, HOUR));
  });
});

describe('a pending 延期 lapses with the clocks it asked about', () => {
  const pending = () => filedAppeal({ status: 'accepted', extension: pendingExtension(plus(FILED, 4 * DAY), 'resolveBy') });
  it.each([
    ['办结: the clocks are over', { type: 'resolve', note: '已修好', photos: [] }],
    ['转办: the new grid starts new clocks', { type: 'transfer', to: { _id: 'grid-GS-0102', code: 'GS-0102', name: '第二网格', communityId: 'GS01', streetId: 'GS' }, reason: '属于第二网格' }],
  ] as Array<[string, Command]>)('%s', (_, command) => {
    const next = transition(pending(), command, chiefActor, LATER);
    expect(next.extension).toBeNull();
    expect(() => transition(next, { type: 'decideExtension', grant: true, note: '' }, communityActor, LATER)).toThrow(Refusal);
  });

  it('a reply leaves it pending', () => {
    const replied = transition(pending(), { type: 'reply', text: '明天施工', photos: [], onSite: false }, chiefActor, LATER);
    expect(replied.extension?.state).toBe('pending');
  });
});

describe('deciding a 延期', () => {
  const decide = (appeal: AppealRecord, grant: boolean, note = '') => transition(appeal, { type: 'decideExtension', grant, note }, communityActor, LATER);
  const asked = (fields: Partial<AppealRecord> = {}) => {
    const appeal = filedAppeal({ status: 'accepted', sla: MARKS, ...fields });
    return { ...appeal, extension: pendingExtension(plus(appeal.deadlines.resolveBy, 2 * DAY), 'resolveBy') };
  };

  it('granting moves the deadline to `until`, clears that clock’s marks and counts the 延期', () => {
    const appeal = asked();
    const until = appeal.extension.until;
    const next = decide(appeal, true, '同意，周末前办结');
    expect(next.deadlines).toEqual({ ...appeal.deadlines, resolveBy: until });
    expect(next.sla).toEqual({ reminded: ['acceptBy', 'onSiteBy'], missed: ['acceptBy'], owed: MARKS.owed });
    expect(next.extensionsGranted).toBe(1);
    expect(next.extension).toEqual({ ...appeal.extension, state: 'granted', decidedBy: communityActor, decidedAt: LATER, note: '同意，周末前办结' });
    expect(next.timeline.at(-1)).toMatchObject({ type: 'extensionGranted', actor: communityActor, text: '同意，周末前办结', detail: until.toISOString() });
  });

  it('each grant is counted on top of earlier ones', () => {
    expect(decide(asked({ extensionsGranted: 2 }), true).extensionsGranted).toBe(3);
  });

  it('refusing leaves the deadlines, marks and count alone, and records who refused and why', () => {
    const appeal = asked({ extensionsGranted: 1 });
    const next = decide(appeal, false, '请按原时限办结');
    expect(next).toMatchObject({ deadlines: appeal.deadlines, sla: MARKS, extensionsGranted: 1 });
    expect(next.extension).toMatchObject({ state: 'refused', decidedBy: communityActor, decidedAt: LATER, note: '请按原时限办结' });
    expect(next.timeline.at(-1)).toMatchObject({ type: 'extensionRefused', text: '请按原时限办结', detail: null });
  });

  it('a decision without a note stores none', () => {
    expect(decide(asked(), true).extension!.note).toBeNull();
    expect(decide(asked(), true).timeline.at(-1)!.text).toBeNull();
  });

  it('without a pending request there is nothing to decide: CONFLICT', () => {
    expect(refusal(() => decide(filedAppeal({ status: 'accepted' }), true))).toBe('CONFLICT');
    const decided = asked();
    const granted = decide(decided, true);
    expect(refusal(() => decide(granted, false))).toBe('CONFLICT');
  });

  it('a request for a clock the appeal no longer races cannot be granted, only refused', () => {
    // asked while 待受理 (the 受理 clock), accepted since: it now races 办结
    const stale = filedAppeal({ status: 'accepted', extension: pendingExtension(plus(LATER, HOUR), 'acceptBy') });
    expect(refusal(() => decide(stale, true))).toBe('CONFLICT');
    expect(decide(stale, false).extension!.state).toBe('refused');
  });

  it('a request whose `until` has passed while it waited cannot be granted', () => {
    const appeal = filedAppeal({ extension: pendingExtension(plus(FILED, 2.5 * HOUR), 'acceptBy') }); // 12:30, it is 13:00
    expect(refusal(() => decide(appeal, true))).toBe('CONFLICT');
  });
});

describe('who may 督办, ask for and decide 延期, and keep a board', () => {
  const staff = (id: string, ...roles: StaffRole[]): StaffRecord => ({ _id: id, openid: id, name: '某人', title: '职务', phone: '13800000000', avatar: null, roles });
  const as = (s: StaffRecord | null, openid = s?.openid ?? 'someone'): Viewer => ({ openid, staff: s });
  const appeal = filedAppeal({ status: 'accepted', extension: pendingExtension(plus(FILED, 4 * DAY), 'resolveBy') });
  const viewers: Array<[string, Viewer, { oversee: boolean; ask: boolean; decide: boolean; board: boolean }]> = [
    ['the filer', as(null, 'resident-1'), { oversee: false, ask: false, decide: false, board: false }],
    ['another resident', as(null), { oversee: false, ask: false, decide: false, board: false }],
    ['the chief', as(staff('chief-GS-0101', { role: 'chief', gridId: 'grid-GS-0101' })), { oversee: false, ask: true, decide: false, board: false }],
    ['the worker', as(staff('worker-GS-0101', { role: 'worker', gridId: 'grid-GS-0101' })), { oversee: false, ask: true, decide: false, board: false }],
    ['another grid’s chief', as(staff('chief-GS-0102', { role: 'chief', gridId: 'grid-GS-0102' })), { oversee: false, ask: false, decide: false, board: false }],
    ['community staff above it', as(staff('c1', { role: 'community', communityId: 'GS01' })), { oversee: true, ask: false, decide: true, board: true }],
    ['another community’s staff', as(staff('c2', { role: 'community', communityId: 'GS02' })), { oversee: false, ask: false, decide: false, board: true }],
    ['street staff above it', as(staff('s1', { role: 'street', streetId: 'GS' })), { oversee: true, ask: false, decide: true, board: true }],
    ['another street’s staff', as(staff('s2', { role: 'street', streetId: 'QQ' })), { oversee: false, ask: false, decide: false, board: true }],
    // the chief who also serves the community may card it but not approve their own request
    ['the requesting chief, also community staff', as(staff('chief-GS-0101', { role: 'chief', gridId: 'grid-GS-0101' }, { role: 'community', communityId: 'GS01' })), { oversee: true, ask: true, decide: false, board: true }],
  ];

  it.each(viewers)('%s', (_, viewer, expected) => {
    expect({
      oversee: mayOversee(viewer, appeal),
      ask: mayRequestExtension(viewer, appeal),
      decide: mayDecideExtension(viewer, appeal),
      board: boardScope(viewer.staff) !== null,
    }).toEqual(expected);
  });

  it.each(viewers)('the buttons %s gets are the same answers, where the state allows', (_, viewer, may) => {
    const can = allowedActions(appeal, viewer);
    expect(can.includes('supervise')).toBe(may.oversee);
    expect(can.includes('decideExtension')).toBe(may.decide);
    // a request is pending: nobody may ask for another
    expect(can.includes('requestExtension')).toBe(false);
    expect(allowedActions({ ...appeal, extension: null }, viewer).includes('requestExtension')).toBe(may.ask);
    expect(allowedActions({ ...appeal, extension: null }, viewer).includes('decideExtension')).toBe(false);
  });

  it('no button on an appeal that is resolved', () => {
    const community = as(staff('c1', { role: 'community', communityId: 'GS01' }));
    expect(allowedActions({ ...appeal, status: 'resolved' }, community)).not.toEqual(expect.arrayContaining(['supervise']));
    expect(allowedActions({ ...appeal, status: 'resolved' }, community)).not.toContain('decideExtension');
  });

  it('a board covers the communities and streets the roles name, never grids', () => {
    const both = staff('x', { role: 'chief', gridId: 'grid-GS-0101' }, { role: 'community', communityId: 'GS01' }, { role: 'street', streetId: 'QQ' });
    expect(boardScope(both)).toEqual({ communityIds: ['GS01'], streetIds: ['QQ'] });
    expect(boardScope(null)).toBeNull();
  });
});

describe('what the filer sees of 督办 and 延期', () => {
  const worked = () => {
    let a = filedAppeal({ status: 'accepted' });
    a = transition(a, { type: 'supervise', card: 'red', note: '内部督办意见', until: null }, communityActor, LATER);
    a = transition(a, { type: 'requestExtension', reason: '内部延期理由', until: plus(a.deadlines.resolveBy, DAY) }, chiefActor, LATER);
    return transition(a, { type: 'decideExtension', grant: true, note: '内部审批意见' }, communityActor, LATER);
  };
  const OVERSIGHT = ['supervised', 'extensionRequested', 'extensionGranted'];

  it('the filer sees each line and that it is supervised (`card`), never the notes, reasons or the request', () => {
    const seen = detailView(worked(), { openid: 'resident-1', staff: null }, LATER);
    expect(seen.card).toBe('red');
    expect(seen.supervision).toEqual([]);
    expect(seen.extension).toBeNull();
    const lines = seen.timeline.filter((e) => OVERSIGHT.includes(e.type));
    expect(lines.map((e) => [e.type, e.text, e.detail])).toEqual(OVERSIGHT.map((type) => [type, null, null]));
    expect(JSON.stringify(seen)).not.toMatch(/内部/);
  });

  it('staff over the grid see the cards, the request and every word', () => {
    const appeal = worked();
    const chief: Viewer = { openid: 'chief', staff: { _id: 'chief-GS-0101', openid: 'chief', name: '张桂兰', title: '网格长', phone: '', avatar: null, roles: [{ role: 'chief', gridId: 'grid-GS-0101' }] } };
    const seen = detailView(appeal, chief, LATER);
    expect(seen.supervision).toEqual([{ card: 'red', note: '内部督办意见', until: null, by: { name: communityActor.name, title: communityActor.title }, at: LATER.toISOString() }]);
    expect(seen.extension).toMatchObject({ state: 'granted', reason: '内部延期理由', note: '内部审批意见', deadline: 'resolveBy', until: appeal.deadlines.resolveBy.toISOString() });
    expect(seen.timeline.filter((e) => OVERSIGHT.includes(e.type)).map((e) => e.text)).toEqual(['内部督办意见', '内部延期理由', '内部审批意见']);
  });
});

describe('the board and the message', () => {
  it(`near-due is within ${NEAR_DUE_MINUTES} minutes of now`, () => {
    expect(boardHorizon(LATER)).toEqual(plus(LATER, NEAR_DUE_MINUTES * 60_000));
  });

  describe('the board reckons an appeal by the earliest deadline it still owes, 到场 included', () => {
    const at = { acceptBy: plus(LATER, 3 * HOUR), onSiteBy: plus(LATER, 2 * HOUR), resolveBy: plus(LATER, DAY) };
    it.each([
      ['submitted: 受理, 到场 and 办结 are owed', { status: 'submitted' }, at.onSiteBy],
      ['submitted, 受理 the earliest', { status: 'submitted', deadlines: { ...at, acceptBy: plus(LATER, HOUR) } }, plus(LATER, HOUR)],
      ['accepted, nobody on site yet: 到场 and 办结', { status: 'accepted' }, at.onSiteBy],
      ['accepted, someone was on site: 办结 only', { status: 'accepted', onSiteAt: LATER }, at.resolveBy],
      ['returned: as accepted', { status: 'returned' }, at.onSiteBy],
      ['held: none runs yet', { status: 'held' }, null],
      ['resolved: none owed', { status: 'resolved' }, null],
      ['closed: none owed', { status: 'closed' }, null],
    ] as Array<[string, Partial<AppealRecord>, Date | null]>)('%s', (_, fields, expected) => {
      expect(earliestOwed(filedAppeal({ deadlines: at, ...fields }))).toEqual(expected);
    });
  });

  it.each([
    ['yellow', APPEAL_WORDS.card.yellow],
    ['red', APPEAL_WORDS.card.red],
  ] as const)('a %s card calls the chief as %s', (card, word) => {
    const next = transition(filedAppeal(), { type: 'supervise', card, note: '请尽快办理', until: null }, communityActor, LATER);
    expect(callReason(next.timeline.at(-1)!)).toBe(word);
  });
});
