import { chiefActor, FILED, filedAppeal, LATER, residentActor } from '../../tests/support/appealRecord';
import type { AppealStatus } from '../../types/appeal';
import { transition } from './appeal';
import { detailView, summaryView } from './appealView';
import type { Viewer } from './permissions';

const filer: Viewer = { openid: 'resident-1', staff: null };
const iso = (d: Date) => d.toISOString();

describe('the clock an appeal races, as its summary says', () => {
  const appeal = filedAppeal();
  const { acceptBy, onSiteBy, resolveBy } = appeal.deadlines;
  it.each([
    ['held: none runs until 审核 releases it', 'held', null, null],
    ['submitted: 受理', 'submitted', { kind: 'acceptBy', at: iso(acceptBy) }, 'all'],
    ['accepted: 办结', 'accepted', { kind: 'resolveBy', at: iso(resolveBy) }, 'all'],
    ['returned: 办结', 'returned', { kind: 'resolveBy', at: iso(resolveBy) }, 'all'],
    ['resolved: none', 'resolved', null, 'all'],
    ['closed: none', 'closed', null, 'all'],
  ] as Array<[string, AppealStatus, unknown, 'all' | null]>)('%s', (_, status, clock, deadlines) => {
    const summary = summaryView({ ...appeal, status }, LATER);
    expect(summary.clock).toEqual(clock);
    expect(summary.deadlines).toEqual(deadlines && { acceptBy: iso(acceptBy), onSiteBy: iso(onSiteBy), resolveBy: iso(resolveBy) });
  });

  it('carries the promise as of the clock it is given', () => {
    expect(summaryView(appeal, FILED).promise).toBe('今天 12:00 前受理');
    expect(summaryView(appeal, LATER).promise).toBe('已超时 1 小时');
    expect(summaryView({ ...appeal, status: 'held' }, LATER).promise).toBeNull();
  });

  it('a held appeal is never overdue, however old', () => {
    expect(summaryView({ ...appeal, status: 'held' }, new Date('2027-01-01')).overdue).toBe(false);
  });

  it('a released appeal races 受理 from its release', () => {
    const released = transition(filedAppeal({ status: 'held' }), { type: 'moderate', release: true, reason: '' }, chiefActor, LATER);
    const summary = summaryView(released, LATER);
    expect(summary.clock).toEqual({ kind: 'acceptBy', at: iso(released.deadlines.acceptBy) });
    expect(new Date(summary.clock!.at).getTime()).toBeGreaterThan(acceptBy.getTime());
  });
});

describe('levels on the timeline are keys', () => {
  it('an escalation and a send-back store the level key they went to', () => {
    const up = transition(filedAppeal(), { type: 'escalate', reason: '需要社区协调' }, chiefActor, LATER);
    const back = transition(filedAppeal({ level: 'community' }), { type: 'sendBack', reason: '不属于社区职责' }, chiefActor, LATER);
    expect(up.timeline.at(-1)).toMatchObject({ type: 'escalated', detail: 'community' });
    expect(back.timeline.at(-1)).toMatchObject({ type: 'returned', detail: 'street' });
  });

  it.each([
    ['escalated', '社区', 'community'],
    ['escalated', '街道', 'street'],
    ['returned', '社区', 'community'],
    ['escalated', 'community', 'community'],
  ] as const)('an old %s event holding %s reads as %s', (type, stored, key) => {
    const appeal = filedAppeal();
    const old = { ...appeal, timeline: [...appeal.timeline, { type, at: LATER, actor: chiefActor, text: '协调', photos: [], detail: stored, before: appeal.timeline[0].before, after: appeal.timeline[0].after }] };
    expect(detailView(old, filer, LATER).timeline.at(-1)!.detail).toBe(key);
  });

  it('other events keep their detail as stored', () => {
    const rated = transition(filedAppeal({ status: 'resolved', resolvedAt: FILED }), { type: 'rate', score: 4, comment: '' }, residentActor, LATER);
    expect(detailView(rated, filer, LATER).timeline.find((e) => e.type === 'rated')!.detail).toBe('4');
  });
});
