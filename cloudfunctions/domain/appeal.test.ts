import type { AppealLevel, AppealStatus } from '../../types/appeal';
import { APPEAL_STATUSES } from '../../types/vocabulary';
import { Refusal } from './refusal';
import type { AppealRecord, MediaRecord } from './records';
import { chiefActor as chief, FILED, filedAppeal as filed, gridRef as grid, LATER, reportedAppeal, reporter } from '../../tests/support/appealRecord';
import { appealNumber, dueForAutoClose, fileAppeal, REPORT_CLOSED_AT_RESOLVE, transition, type Command } from './appeal';
import { deadlinesFor } from './sla';
import { defaultSlaFor } from './slaPolicy';

/** The clocks of the records' category (环境卫生) in a street with nothing stored. */
const SANITATION = defaultSlaFor('sanitation');

const COMMANDS: Record<string, Command> = {
  accept: { type: 'accept' },
  reply: { type: 'reply', text: '已联系物业', photos: [], onSite: false },
  arrive: { type: 'arrive' },
  transfer: { type: 'transfer', to: grid('GS-0102'), reason: '属于第二网格' },
  escalate: { type: 'escalate', reason: '需要社区协调' },
  resolve: { type: 'resolve', note: '已清理完毕', photos: [] },
  sendBack: { type: 'sendBack', reason: '不属于本网格职责' },
  'rate 4': { type: 'rate', score: 4, comment: '满意' },
  'rate 2': { type: 'rate', score: 2, comment: '没有清理干净' },
  'moderate release': { type: 'moderate', release: true, reason: '' },
  'moderate reject': { type: 'moderate', release: false, reason: '内容与网格事务无关' },
  autoClose: { type: 'autoClose' },
  supervise: { type: 'supervise', card: 'yellow', note: '请尽快办理', until: null },
  requestExtension: { type: 'requestExtension', reason: '需要物业配合', until: new Date('2026-11-28T02:00:00.000Z') },
};

/** What each command does from each status, written out by hand (CONFLICT: refused). */
const EXPECTED: Record<string, Partial<Record<AppealStatus, AppealStatus>>> = {
  accept: { submitted: 'accepted' },
  reply: { submitted: 'submitted', accepted: 'accepted', returned: 'returned' },
  arrive: { submitted: 'submitted', accepted: 'accepted', returned: 'returned' },
  transfer: { submitted: 'submitted', accepted: 'submitted', returned: 'submitted' },
  escalate: { submitted: 'submitted', accepted: 'accepted', returned: 'returned' },
  resolve: { submitted: 'resolved', accepted: 'resolved', returned: 'resolved' },
  sendBack: { submitted: 'returned', accepted: 'returned' },
  'rate 4': { resolved: 'closed' },
  'rate 2': { resolved: 'submitted' },
  'moderate release': { held: 'submitted' },
  'moderate reject': { held: 'closed' },
  autoClose: { resolved: 'closed' },
  supervise: { submitted: 'submitted', accepted: 'accepted', returned: 'returned' },
  requestExtension: { submitted: 'submitted', accepted: 'accepted', returned: 'returned' },
};

const rows = Object.keys(COMMANDS).flatMap((name) => APPEAL_STATUSES.map((from) => [name, from, EXPECTED[name][from] ?? 'CONFLICT'] as const));

describe('the appeal state machine', () => {
  it.each(rows)('%s from %s → %s', (name, from, expected) => {
    const appeal = filed({ status: from, resolvedAt: from === 'resolved' ? FILED : null });
    const run = () => transition(appeal, COMMANDS[name], chief, LATER);
    if (expected === 'CONFLICT') {
      expect(run).toThrow(Refusal);
      try {
        run();
      } catch (error) {
        expect((error as Refusal).code).toBe('CONFLICT');
        expect((error as Refusal).message).toMatch(/[\u4e00-\u9fa5]/);
      }
    } else {
      expect(run().status).toBe(expected);
    }
  });

  it('到场签到 sets the on-site time once: a later arrival is a timeline line and keeps the first time', () => {
    const first = transition(filed({ status: 'accepted' }), COMMANDS.arrive, chief, LATER);
    const later = new Date(LATER.getTime() + 3_600_000);
    const second = transition(first, COMMANDS.arrive, chief, later);
    expect(first.onSiteAt).toEqual(LATER);
    expect(second.onSiteAt).toEqual(LATER);
    expect(second.timeline.slice(-2).map((e) => [e.type, e.at])).toEqual([
      ['arrived', LATER],
      ['arrived', later],
    ]);
    expect(second.status).toBe('accepted');
  });

  it.each([
    ['grid', 'community'],
    ['community', 'street'],
    ['street', 'CONFLICT'],
  ] as Array<[AppealLevel, AppealLevel | 'CONFLICT']>)('escalate from level %s → %s', (level, expected) => {
    const run = () => transition(filed({ level }), COMMANDS.escalate, chief, LATER);
    if (expected === 'CONFLICT') expect(run).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    else expect(run().level).toBe(expected);
  });

  it.each([
    ['grid', 'community'],
    ['community', 'street'],
    ['street', 'CONFLICT'],
  ] as Array<[AppealLevel, AppealLevel | 'CONFLICT']>)('sendBack from level %s → %s', (level, expected) => {
    const run = () => transition(filed({ level }), COMMANDS.sendBack, chief, LATER);
    if (expected === 'CONFLICT') expect(run).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    else expect(run().level).toBe(expected);
  });

  it('refuses a transfer to the grid the appeal is already in', () => {
    expect(() => transition(filed(), { type: 'transfer', to: grid('GS-0101'), reason: '转办测试' }, chief, LATER)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('a transfer moves the appeal to the new grid, back to grid level, with its clocks restarted', () => {
    const next = transition(filed({ status: 'accepted', level: 'community' }), COMMANDS.transfer, chief, LATER);
    expect(next).toMatchObject({ gridId: 'grid-GS-0102', gridCode: 'GS-0102', communityId: 'GS01', streetId: 'GS', level: 'grid', status: 'submitted' });
    expect(next.deadlines).toEqual(deadlinesFor(LATER, SANITATION));
    expect(next.timeline.at(-1)).toMatchObject({ type: 'transferred', text: '属于第二网格', detail: 'GS-0102 GS-0102 网格' });
  });

  it('an unsatisfied rating reopens the appeal to the same grid with the comment as the reason', () => {
    const resolved = filed({ status: 'resolved', level: 'community', resolvedAt: FILED });
    const next = transition(resolved, COMMANDS['rate 2'], { kind: 'resident', openid: 'resident-1' }, LATER);
    expect(next).toMatchObject({ status: 'submitted', level: 'grid', gridId: 'grid-GS-0101', reopenCount: 1, resolvedAt: null });
    expect(next.rating).toEqual({ score: 2, comment: '没有清理干净', at: LATER });
    expect(next.deadlines).toEqual(deadlinesFor(LATER, SANITATION));
    expect(next.timeline.slice(-2).map((e) => [e.type, e.text, e.detail])).toEqual([
      ['rated', '没有清理干净', '2'],
      ['reopened', '没有清理干净', null],
    ]);
  });

  describe('重办 twice at most: the next unsatisfied rating goes to community review (社区复核)', () => {
    const resident = { kind: 'resident', openid: 'resident-1' } as const;
    const rate = (reopenCount: number, communityReviews: number, score: number) =>
      transition(filed({ status: 'resolved', level: 'grid', resolvedAt: FILED, reopenCount, communityReviews }), { type: 'rate', score, comment: '还是没修好' }, resident, LATER);

    it.each([
      ['the first low rating', 0, 0, 1, { level: 'grid', reopenCount: 1, communityReviews: 0 }, 'reopened'],
      ['the second low rating', 1, 0, 2, { level: 'grid', reopenCount: 2, communityReviews: 0 }, 'reopened'],
      ['the third low rating', 2, 0, 1, { level: 'community', reopenCount: 2, communityReviews: 1 }, 'sentForReview'],
      ['a low rating after a community review', 2, 1, 2, { level: 'community', reopenCount: 2, communityReviews: 2 }, 'sentForReview'],
    ] as const)('%s → %o (%s)', (_, reopenCount, communityReviews, score, expected, event) => {
      const next = rate(reopenCount, communityReviews, score);
      expect(next).toMatchObject({ status: 'submitted', gridId: 'grid-GS-0101', resolvedAt: null, ...expected });
      expect(next.deadlines).toEqual(deadlinesFor(LATER, SANITATION));
      expect(next.timeline.slice(-2).map((e) => [e.type, e.text])).toEqual([
        ['rated', '还是没修好'],
        [event, '还是没修好'],
      ]);
      expect(next.timeline.at(-1)!.after).toEqual({ status: 'submitted', level: expected.level, gridId: 'grid-GS-0101' });
    });

    it('says why when the resident left no comment', () => {
      const next = transition(filed({ status: 'resolved', resolvedAt: FILED, reopenCount: 2 }), { type: 'rate', score: 1, comment: '' }, resident, LATER);
      expect(next.timeline.at(-1)).toMatchObject({ type: 'sentForReview', text: '已重办 2 次，居民仍不满意', detail: null });
    });

    it('a satisfied rating after two 重办 closes it as always', () => {
      expect(rate(2, 0, 4)).toMatchObject({ status: 'closed', level: 'grid', reopenCount: 2, communityReviews: 0 });
    });

    it('an appeal stored before reviews were counted (no communityReviews) counts its first as 1', () => {
      const stored = filed({ status: 'resolved', level: 'grid', resolvedAt: FILED, reopenCount: 2 });
      delete stored.communityReviews;
      expect(transition(stored, { type: 'rate', score: 1, comment: '' }, resident, LATER)).toMatchObject({ level: 'community', communityReviews: 1 });
    });
  });

  it('a rating of 3 closes the appeal (only 1–2 reopen)', () => {
    const next = transition(filed({ status: 'resolved', resolvedAt: FILED }), { type: 'rate', score: 3, comment: '' }, { kind: 'resident', openid: 'resident-1' }, LATER);
    expect(next.status).toBe('closed');
    expect(next.reopenCount).toBe(0);
  });

  it('records every event with its actor, time and what it changed, and bumps the version', () => {
    const appeal = filed();
    const next = transition(appeal, COMMANDS.escalate, chief, LATER);
    expect(next.version).toBe(appeal.version + 1);
    expect(next.updatedAt).toBe(LATER);
    expect(next.timeline.at(-1)).toEqual({
      type: 'escalated',
      at: LATER,
      actor: chief,
      text: '需要社区协调',
      photos: [],
      detail: 'community',
      before: { status: 'submitted', level: 'grid', gridId: 'grid-GS-0101' },
      after: { status: 'submitted', level: 'community', gridId: 'grid-GS-0101' },
    });
  });

  it.each([
    ['a reply', (photos: MediaRecord[]): Command => ({ type: 'reply', text: '明早到现场', photos, onSite: false }), 'replied'],
    ['a resolution', (photos: MediaRecord[]): Command => ({ type: 'resolve', note: '已清理完毕', photos }), 'resolved'],
  ])('%s puts its photos on the timeline and their media checks beside the resident’s', (_, command, event) => {
    const resident = { fileID: 'cloud://e.1/appeals/r.jpg', traceId: 'trace-r', hidden: false };
    const staff = [
      { fileID: 'cloud://e.1/work/a.jpg', traceId: 'trace-a', hidden: false },
      { fileID: 'cloud://e.1/work/b.jpg', traceId: null, hidden: false },
    ];
    const next = transition(filed({ photos: [resident.fileID], media: [resident] }), command(staff), chief, LATER);
    expect(next.media).toEqual([resident, ...staff]);
    expect(next.timeline.at(-1)).toMatchObject({ type: event, photos: staff.map((p) => p.fileID) });
    expect(next.photos).toEqual([resident.fileID]);
  });

  describe('clocks restart by the policy the handler passes (the street’s, for the appeal’s category)', () => {
    const URGENT = defaultSlaFor('safety');
    it.each([
      ['转办', filed({ status: 'accepted' }), COMMANDS.transfer],
      ['重办', filed({ status: 'resolved', resolvedAt: FILED }), COMMANDS['rate 2']],
      ['社区复核', filed({ status: 'resolved', resolvedAt: FILED, reopenCount: 2 }), COMMANDS['rate 2']],
      ['审核通过', filed({ status: 'held' }), COMMANDS['moderate release']],
    ])('%s', (_, appeal, command) => {
      const next = transition(appeal, command, chief, LATER, URGENT);
      expect(next.deadlines).toEqual(deadlinesFor(LATER, URGENT));
      expect(next.deadlines).not.toEqual(deadlinesFor(LATER, SANITATION));
    });
  });

  it('is pure: the appeal it was given is unchanged', () => {
    const appeal = filed();
    const copy = JSON.parse(JSON.stringify(appeal));
    transition(appeal, COMMANDS.resolve, chief, LATER);
    expect(JSON.parse(JSON.stringify(appeal))).toEqual(copy);
  });
});

describe('filing an appeal', () => {
  it('drops the contact phone of an anonymous appeal', () => {
    const appeal = fileAppeal({ ...filingOf(filed()), anonymous: true }, FILED);
    expect(appeal.contactPhone).toBeNull();
  });

  it('holds an appeal content security could not pass, with a system event saying so', () => {
    const appeal = fileAppeal({ ...filingOf(filed()), held: true }, FILED);
    expect(appeal.status).toBe('held');
    expect(appeal.timeline.map((e) => [e.type, e.actor.kind])).toEqual([
      ['submitted', 'resident'],
      ['held', 'system'],
    ]);
  });

  it('starts its clocks by the policy it is given, else by the defaults of its category', () => {
    const urgent = defaultSlaFor('safety');
    expect(fileAppeal(filingOf(filed()), FILED, urgent).deadlines).toEqual(deadlinesFor(FILED, urgent));
    expect(fileAppeal(filingOf(filed()), FILED).deadlines).toEqual(deadlinesFor(FILED, SANITATION));
  });

  it('numbers appeals by street, Shanghai day and a four-digit sequence', () => {
    expect(appealNumber('GS', '20261124', 7)).toBe('GS-20261124-0007');
  });
});

describe('a staff report (上报)', () => {
  const worker = { kind: 'staff', staffId: reporter.staff._id, name: reporter.staff.name, title: reporter.staff.title } as const;

  it('is filed taken on by its reporter, on the clocks of an appeal filed then, with someone on site already', () => {
    const photos = ['cloud://e.1/work/a.jpg', 'cloud://e.1/work/b.jpg'];
    const report = reportedAppeal({}, { photos, photoTraceIds: ['trace-a', null] });
    expect(report).toMatchObject({
      source: 'staff',
      status: 'accepted',
      level: 'grid',
      gridId: 'grid-GS-0101',
      residentOpenid: reporter.openid,
      contactPhone: null,
      anonymous: false,
      onSiteAt: FILED,
      createdAt: FILED,
      photos,
      media: [
        { fileID: photos[0], traceId: 'trace-a', hidden: false },
        { fileID: photos[1], traceId: null, hidden: false },
      ],
    });
    expect(report.deadlines).toEqual(deadlinesFor(FILED, SANITATION));
    const taken = { status: 'accepted', level: 'grid', gridId: 'grid-GS-0101' };
    expect(report.timeline).toEqual([{ type: 'reported', at: FILED, actor: worker, text: null, photos: [], detail: null, before: taken, after: taken }]);
  });

  it('a resident’s appeal is filed as one', () => {
    expect(filed().source).toBe('resident');
  });

  /** Every command from every status, as for an appeal, except that 办结 closes a report: nobody rates it. */
  const reportRows = Object.keys(COMMANDS).flatMap((name) =>
    APPEAL_STATUSES.map((from) => [name, from, name === 'resolve' && EXPECTED.resolve[from] ? 'closed' : (EXPECTED[name][from] ?? 'CONFLICT')] as const),
  );
  it.each(reportRows)('%s from %s → %s', (name, from, expected) => {
    const run = () => transition(reportedAppeal({ status: from, resolvedAt: from === 'resolved' ? FILED : null }), COMMANDS[name], chief, LATER);
    if (expected === 'CONFLICT') expect(run).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    else expect(run().status).toBe(expected);
  });

  it('办结 by its reporter records the result, then its close, and keeps the photos', () => {
    const photo = { fileID: 'cloud://e.1/work/done.jpg', traceId: 'trace-d', hidden: false };
    const next = transition(reportedAppeal(), { type: 'resolve', note: '已更换灯泡', photos: [photo] }, worker, LATER);
    expect(next).toMatchObject({ status: 'closed', resolvedAt: LATER, rating: null, media: [photo] });
    expect(next.timeline.slice(1).map((e) => [e.type, e.actor, e.text, e.photos, e.before.status, e.after.status])).toEqual([
      ['resolved', worker, '已更换灯泡', [photo.fileID], 'accepted', 'resolved'],
      ['closed', worker, REPORT_CLOSED_AT_RESOLVE, [], 'resolved', 'closed'],
    ]);
  });

  it('sent up (升级) it stays a report at the community, and the community’s 办结 closes it too', () => {
    const up = transition(reportedAppeal(), COMMANDS.escalate, worker, LATER);
    expect(up).toMatchObject({ source: 'staff', level: 'community', status: 'accepted' });
    expect(transition(up, COMMANDS.resolve, chief, LATER)).toMatchObject({ status: 'closed', level: 'community' });
  });
});

describe('auto-closing unrated appeals', () => {
  const resolvedAt = new Date('2026-11-01T00:00:00.000Z');
  it.each([
    ['6 days 23:59:59 after resolving', 7 * 86_400_000 - 1000, false],
    ['exactly 7 days after resolving', 7 * 86_400_000, true],
    ['8 days after resolving', 8 * 86_400_000, true],
  ])('%s: due = %s', (_, after, due) => {
    expect(dueForAutoClose(filed({ status: 'resolved', resolvedAt }), new Date(resolvedAt.getTime() + after))).toBe(due);
  });

  it('never closes an appeal that is not waiting for a rating', () => {
    expect(dueForAutoClose(filed({ status: 'accepted', resolvedAt }), new Date('2027-01-01'))).toBe(false);
  });
});

function filingOf(a: AppealRecord) {
  return {
    id: a._id,
    number: a.number,
    requestId: a.requestId,
    residentOpenid: a.residentOpenid,
    grid: grid(a.gridCode),
    category: { id: a.category, name: a.categoryName },
    content: a.content,
    photos: a.photos,
    photoTraceIds: [],
    location: a.location,
    contactPhone: a.contactPhone,
    anonymous: a.anonymous,
    held: false,
  };
}
