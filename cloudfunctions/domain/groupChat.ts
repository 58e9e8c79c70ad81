import type { GroupChatView } from '../../types/grid';
import { GROUP_QR_VALID_DAYS, type GroupBindingState } from '../../types/groupChat';
import { inShanghai, shanghaiTime } from './time';

/** A grid's group chat as the `grids` collection holds it (DESIGN §1.5). */
export type GroupChatRecord =
  | {
      kind: 'qr';
      fileID: string;
      /**
       * Its WeChat media check (mediaCheckAsync v2), null when it could not be sent; the
       * `mediacheck` push sets `hidden` when WeChat judges it risky. Absent on QRs set before
       * uploaded QRs were screened.
       */
      traceId?: string | null;
      hidden?: boolean;
      /** The day WeChat generated the QR ('YYYY-MM-DD', Asia/Shanghai), when the chief gave it. */
      generatedOn: string | null;
      /** The instant the QR stops working. */
      expiresAt: Date;
      /** When the chief was reminded that it lapses; a QR is reminded of once. */
      remindedAt: Date | null;
      setBy: string;
      setAt: Date;
    }
  | { kind: 'wecom'; url: string; setBy: string; setAt: Date };

/** A QR generated on `day` stops working at the start of the 7th day after (Asia/Shanghai). */
export const qrExpiryFrom = (day: string): Date => shanghaiTime(`${day} 00:00`).add(GROUP_QR_VALID_DAYS, 'day').toDate();

const expired = (g: { expiresAt: Date | string }, now: Date) => new Date(g.expiresAt).getTime() <= now.getTime();

/** The last day (Asia/Shanghai) a QR still works: what "有效期至 MM-DD" names. */
export const lastValidDay = (expiresAt: Date | string) => inShanghai(new Date(new Date(expiresAt).getTime() - 1));

/** What residents see: never an expired QR, nor one WeChat judged risky. */
export function groupChatView(groupChat: GroupChatRecord | null | undefined, now: Date): GroupChatView | null {
  if (!groupChat) return null;
  if (groupChat.kind === 'wecom') return { kind: 'wecom', url: groupChat.url };
  if (expired(groupChat, now) || groupChat.hidden) return null;
  return { kind: 'qr', image: groupChat.fileID, expiresAt: new Date(groupChat.expiresAt).toISOString() };
}

/**
 * The chief is reminded once, from the start of the day before the QR's last valid day until it
 * expires (a sweep that missed that day still reminds on the last one).
 */
export function dueForReminder(groupChat: GroupChatRecord | null | undefined, now: Date): boolean {
  if (!groupChat || groupChat.kind !== 'qr' || groupChat.remindedAt || expired(groupChat, now)) return false;
  const from = lastValidDay(groupChat.expiresAt).startOf('day').subtract(1, 'day');
  return now.getTime() >= from.valueOf();
}

/** How far ahead the sweep looks for QRs to remind of: wider than any reminder window. */
export const REMINDER_LOOKAHEAD_MS = 3 * 86_400_000;

/**
 * When a new QR expires: an explicit instant, or 7 days from the day it was generated (today
 * when not given). Refused (a reason in Chinese) when it would already be expired, or would
 * outlive what WeChat allows.
 */
export function qrExpiry(input: { generatedOn?: string; expiresAt?: string }, now: Date): { expiresAt: Date } | { refusal: string } {
  const today = inShanghai(now).format('YYYY-MM-DD');
  if (input.generatedOn) {
    const generated = shanghaiTime(`${input.generatedOn} 00:00`);
    if (!generated.isValid() || generated.format('YYYY-MM-DD') !== input.generatedOn) return { refusal: '生成日期不是有效的日期' };
    if (input.generatedOn > today) return { refusal: '生成日期不能晚于今天' };
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : qrExpiryFrom(input.generatedOn ?? today);
  if (expiresAt.getTime() <= now.getTime()) return { refusal: '这个群二维码已过期，请在群里重新生成后上传' };
  const latest = input.generatedOn ? qrExpiryFrom(input.generatedOn) : qrExpiryFrom(today);
  if (expiresAt.getTime() > latest.getTime()) return { refusal: `群二维码的有效期不超过 ${GROUP_QR_VALID_DAYS} 天` };
  return { expiresAt };
}

/**
 * A WeChat group bound to a grid by its staff; `opengid` is the group's id for this mini-program.
 * The confirmer's name is kept as it was then, so showing the binding reads no staff record.
 */
export type GroupBindingRecord = { opengid: string; confirmedBy: string; confirmedByName: string; confirmedAt: Date };

/** Residents opened the grid's card from this group; the grid's staff have not answered yet. */
export type GroupProposalRecord = { id: string; opengid: string; proposedAt: Date; proposedBy: string };

/**
 * What group binding keeps on the grid, beside `groupChat` rather than in it: setting a QR or a
 * WeCom link replaces `groupChat` whole, and a grid may have both a bound group and a join way.
 */
export type GridGroupFields = {
  groupBinding?: GroupBindingRecord | null;
  groupProposals?: GroupProposalRecord[];
  /** Groups the grid's staff ignored: residents opening from them again ask nothing more. */
  groupIgnored?: string[];
};

/** Any resident in any group can share a card, so a grid holds only this many open questions. */
export const MAX_GROUP_PROPOSALS = 5;

type EntryGrid = GridGroupFields & { status: 'active' | 'retired' };

export type EntryPlan =
  | { kind: 'bound' }
  | { kind: 'gridGone' }
  | { kind: 'pending'; proposal: GroupProposalRecord }
  | { kind: 'propose' }
  | { kind: 'ignored' };

/**
 * Someone opened a grid's card from group `opengid`. A group already bound answers with its grid,
 * wherever the card pointed; otherwise the card's grid, when active and without a group of its
 * own, gets one proposal per group. The grid's own staff may always propose (to confirm on the
 * spot), even a group they ignored before or past the cap.
 */
export function planGroupEntry(input: { opengid: string; grid: EntryGrid | null; groupIsBound: boolean; byGridStaff: boolean }): EntryPlan {
  const { opengid, grid, groupIsBound, byGridStaff } = input;
  if (groupIsBound) return { kind: 'bound' };
  if (!grid || grid.status !== 'active') return { kind: 'gridGone' };
  if (grid.groupBinding) return { kind: 'ignored' };
  const proposals = grid.groupProposals ?? [];
  const existing = proposals.find((p) => p.opengid === opengid);
  if (existing) return { kind: 'pending', proposal: existing };
  if (byGridStaff) return { kind: 'propose' };
  if ((grid.groupIgnored ?? []).includes(opengid) || proposals.length >= MAX_GROUP_PROPOSALS) return { kind: 'ignored' };
  return { kind: 'propose' };
}

export const NO_PENDING_GROUP = '没有待确认的入群请求：它可能已被处理，请刷新页面后再看';

/** The pending proposal the grid's staff answer, if it is still pending. */
export const pendingProposal = (grid: GridGroupFields, proposalId: string): GroupProposalRecord | null =>
  (grid.groupProposals ?? []).find((p) => p.id === proposalId) ?? null;

/** What the grid's staff see of its group binding: never an opengid. */
export function groupBindingState(grid: GridGroupFields): GroupBindingState {
  const b = grid.groupBinding;
  return {
    binding: b ? { confirmedBy: b.confirmedByName, confirmedAt: new Date(b.confirmedAt).toISOString() } : null,
    proposals: [...(grid.groupProposals ?? [])]
      .sort((x, y) => new Date(x.proposedAt).getTime() - new Date(y.proposedAt).getTime())
      .map((p) => ({ id: p.id, proposedAt: new Date(p.proposedAt).toISOString() })),
  };
}
