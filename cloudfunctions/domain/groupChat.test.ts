import {
  dueForReminder,
  groupBindingState,
  groupChatView,
  MAX_GROUP_PROPOSALS,
  pendingProposal,
  planGroupEntry,
  qrExpiry,
  qrExpiryFrom,
  type GridGroupFields,
  type GroupChatRecord,
  type GroupProposalRecord,
} from './groupChat';
import { inShanghai, shanghaiTime } from './time';

/** A clock reading in Zoucheng time. */
const at = (text: string) => shanghaiTime(text).toDate();
const local = (d: Date) => inShanghai(d).format('YYYY-MM-DD HH:mm');

const qr = (generatedOn: string, extra: Partial<GroupChatRecord> = {}): GroupChatRecord => ({
  kind: 'qr',
  fileID: 'cloud://env.1/group/qr.jpg',
  generatedOn,
  expiresAt: qrExpiryFrom(generatedOn),
  remindedAt: null,
  setBy: 'st-chief',
  setAt: at(`${generatedOn} 09:00`),
  ...extra,
} as GroupChatRecord);

describe('a group QR generated on 11-20 (valid 7 days: through 11-26)', () => {
  it('expires at the start of 11-27, Asia/Shanghai', () => {
    expect(local(qrExpiryFrom('2026-11-20'))).toBe('2026-11-27 00:00');
  });

  it.each([
    ['the day it was generated', '2026-11-20 09:00', true],
    ['its last day, a minute before midnight', '2026-11-26 23:59', true],
    ['the moment it expires', '2026-11-27 00:00', false],
    ['8 days later', '2026-11-28 10:00', false],
  ])('on %s: shown %s', (_, now, shown) => {
    expect(groupChatView(qr('2026-11-20'), at(now)) !== null).toBe(shown);
  });

  it('shows the image and its expiry while fresh', () => {
    expect(groupChatView(qr('2026-11-20'), at('2026-11-21 10:00'))).toEqual({
      kind: 'qr',
      image: 'cloud://env.1/group/qr.jpg',
      expiresAt: qrExpiryFrom('2026-11-20').toISOString(),
    });
  });

  it('is not shown once WeChat judged it risky, fresh as it is', () => {
    expect(groupChatView(qr('2026-11-20', { traceId: 'trace-1', hidden: true }), at('2026-11-21 10:00'))).toBeNull();
    expect(groupChatView(qr('2026-11-20', { traceId: 'trace-1', hidden: false }), at('2026-11-21 10:00'))).toMatchObject({ kind: 'qr' });
  });

  it.each([
    ['two days before its last day', '2026-11-24 12:00', null, false],
    ['the day before its last day, just after midnight', '2026-11-25 00:00', null, true],
    ['the day before its last day, already reminded', '2026-11-25 10:00', '2026-11-25 00:05', false],
    ['its last day, not yet reminded (a missed sweep)', '2026-11-26 18:00', null, true],
    ['after it expired', '2026-11-27 00:00', null, false],
  ])('reminder on %s: %s', (_, now, remindedAt, due) => {
    expect(dueForReminder(qr('2026-11-20', { remindedAt: remindedAt ? at(remindedAt) : null }), at(now))).toBe(due);
  });

  it('a reminder is due once: after the sweep records it, the next sweep finds nothing', () => {
    const g = qr('2026-11-20');
    expect(dueForReminder(g, at('2026-11-25 08:00'))).toBe(true);
    expect(dueForReminder({ ...g, remindedAt: at('2026-11-25 08:00') } as GroupChatRecord, at('2026-11-25 08:05'))).toBe(false);
  });
});

describe('other group chats', () => {
  it('a WeCom link never expires and is never reminded of', () => {
    const wecom: GroupChatRecord = { kind: 'wecom', url: 'https://work.weixin.qq.com/gm/abc', setBy: 's', setAt: at('2020-01-01 00:00') };
    expect(groupChatView(wecom, at('2030-01-01 00:00'))).toEqual({ kind: 'wecom', url: 'https://work.weixin.qq.com/gm/abc' });
    expect(dueForReminder(wecom, at('2030-01-01 00:00'))).toBe(false);
  });

  it('none set: nothing shown, nothing due', () => {
    expect(groupChatView(null, at('2026-11-20 00:00'))).toBeNull();
    expect(dueForReminder(undefined, at('2026-11-20 00:00'))).toBe(false);
  });
});

describe('qrExpiry (setting a new QR on 11-24 10:00)', () => {
  const now = at('2026-11-24 10:00');
  const expiry = (input: Parameters<typeof qrExpiry>[0]) => {
    const r = qrExpiry(input, now);
    return 'expiresAt' in r ? local(r.expiresAt) : r.refusal;
  };
  it.each([
    ['no date: generated today', {}, '2026-12-01 00:00'],
    ['generated two days ago', { generatedOn: '2026-11-22' }, '2026-11-29 00:00'],
    ['generated 7 days ago: already expired', { generatedOn: '2026-11-17' }, '这个群二维码已过期，请在群里重新生成后上传'],
    ['generated 8 days ago', { generatedOn: '2026-11-16' }, '这个群二维码已过期，请在群里重新生成后上传'],
    ['generated tomorrow', { generatedOn: '2026-11-25' }, '生成日期不能晚于今天'],
    ['a day that does not exist', { generatedOn: '2026-02-30' }, '生成日期不是有效的日期'],
    ['an explicit expiry tomorrow noon', { expiresAt: '2026-11-25T04:00:00.000Z' }, '2026-11-25 12:00'],
    ['an explicit expiry in the past', { expiresAt: '2026-11-24T01:00:00.000Z' }, '这个群二维码已过期，请在群里重新生成后上传'],
    ['an explicit expiry past 7 days', { expiresAt: '2026-12-05T00:00:00.000Z' }, '群二维码的有效期不超过 7 天'],
  ])('%s', (_, input, expected) => {
    expect(expiry(input)).toBe(expected);
  });
});

describe('opening a grid card from a WeChat group', () => {
  const GROUP = 'tGgroupAaaaaaaaaaaaaaaaaaaaa';
  const OTHER = 'tGgroupBbbbbbbbbbbbbbbbbbbbb';
  const proposal = (opengid: string, id = 'aaaaaaaaaaaaaaaa'): GroupProposalRecord => ({ id, opengid, proposedAt: at('2026-11-20 09:00'), proposedBy: 'res-1' });
  const grid = (fields: GridGroupFields = {}, status: 'active' | 'retired' = 'active') => ({ status, ...fields });
  const full = Array.from({ length: MAX_GROUP_PROPOSALS }, (_, i) => proposal(`tGfull${i}xxxxxxxxxxxxxxxxxxxxx`, `${i}`.repeat(16)));

  it.each([
    ['a group bound to some grid answers with that grid, whatever the card', grid(), true, false, 'bound'],
    ['... even when the card’s grid is retired', grid({}, 'retired'), true, false, 'bound'],
    ['a retired grid gets no proposal', grid({}, 'retired'), false, false, 'gridGone'],
    ['an unknown code gets no proposal', null, false, false, 'gridGone'],
    ['a grid already bound to another group gets none', grid({ groupBinding: { opengid: OTHER, confirmedBy: 's', confirmedByName: '张', confirmedAt: at('2026-11-01 09:00') } }), false, false, 'ignored'],
    ['... not even from its own staff', grid({ groupBinding: { opengid: OTHER, confirmedBy: 's', confirmedByName: '张', confirmedAt: at('2026-11-01 09:00') } }), false, true, 'ignored'],
    ['a new group on a free grid is proposed', grid(), false, false, 'propose'],
    ['a group the staff ignored is not proposed again by residents', grid({ groupIgnored: [GROUP] }), false, false, 'ignored'],
    ['... but its own staff opening from it may', grid({ groupIgnored: [GROUP] }), false, true, 'propose'],
    [`a grid with ${MAX_GROUP_PROPOSALS} waiting proposals takes no more from residents`, grid({ groupProposals: full }), false, false, 'ignored'],
    ['... but from its own staff', grid({ groupProposals: full }), false, true, 'propose'],
    ['another group waiting does not stop this one', grid({ groupProposals: [proposal(OTHER)] }), false, false, 'propose'],
  ] as const)('%s', (_, g, groupIsBound, byGridStaff, kind) => {
    expect(planGroupEntry({ opengid: GROUP, grid: g, groupIsBound, byGridStaff }).kind).toBe(kind);
  });

  it('the same group again finds its waiting proposal instead of adding one', () => {
    const waiting = proposal(GROUP, 'bbbbbbbbbbbbbbbb');
    expect(planGroupEntry({ opengid: GROUP, grid: grid({ groupProposals: [proposal(OTHER), waiting] }), groupIsBound: false, byGridStaff: false })).toEqual({
      kind: 'pending',
      proposal: waiting,
    });
  });

  it('an answer names a proposal still waiting, nothing else', () => {
    const fields = { groupProposals: [proposal(GROUP, 'bbbbbbbbbbbbbbbb')] };
    expect(pendingProposal(fields, 'bbbbbbbbbbbbbbbb')?.opengid).toBe(GROUP);
    expect(pendingProposal(fields, 'cccccccccccccccc')).toBeNull();
    expect(pendingProposal({}, 'bbbbbbbbbbbbbbbb')).toBeNull();
  });

  it('staff see who bound the group and when residents first opened from each waiting one, oldest first, never an opengid', () => {
    const state = groupBindingState({
      groupBinding: { opengid: GROUP, confirmedBy: 'st-1', confirmedByName: '张桂兰', confirmedAt: at('2026-11-21 10:00') },
      groupProposals: [proposal(OTHER, 'bbbbbbbbbbbbbbbb'), { ...proposal('tGolderxxxxxxxxxxxxxxxxxxxxx', 'cccccccccccccccc'), proposedAt: at('2026-11-19 08:00') }],
    });
    expect(state).toEqual({
      binding: { confirmedBy: '张桂兰', confirmedAt: at('2026-11-21 10:00').toISOString() },
      proposals: [
        { id: 'cccccccccccccccc', proposedAt: at('2026-11-19 08:00').toISOString() },
        { id: 'bbbbbbbbbbbbbbbb', proposedAt: at('2026-11-20 09:00').toISOString() },
      ],
    });
    expect(JSON.stringify(state)).not.toMatch(/tG/);
  });
});
