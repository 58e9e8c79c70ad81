import { randomBytes } from 'node:crypto';
import { PAGES } from '../../types/routes';
import {
  INVITE_TTL_HOURS,
  InviteStaffInput,
  RedeemInviteInput,
  UnbindStaffInput,
  type Invite,
  type InvitePreview,
  type InviteRole,
  type InviteSeat,
  type StaffBinding,
  type Unbound,
} from '../../types/staff';
import { holds, mayManage, newInviteCode, otherSeatOnGrid, roleAt, withRole, type Seat } from '../domain/staffing';
import { action } from '../kit/action';
import { requireCaller, screenText, viewerOf } from '../kit/caller';
import { miniCodeFiles } from '../kit/miniCode';
import type { Ports } from '../kit/ports';
import { refuse } from '../domain/refusal';
import { isDuplicateKey } from '../store/errors';
import { activeGrid, refuseGoneGrid } from '../services/activeGrid';
import { addGridWorker, communityById, gridById, removeGridWorker, setGridChief } from '../store/grids';
import { claimInvite, getInvite, insertInvite, releaseInvite } from '../store/invites';
import type { InviteRecord, StaffRecord, StaffRole } from '../domain/records';
import { addStaffRole, insertStaff, removeStaffRole, staffById, staffByOpenid, updateStaff } from '../store/staff';

type Place = Seat & { name: string };

export const OUT_OF_SCOPE = '只能邀请或解绑您所负责社区、街道的工作人员';

/** The mini-program code's scene: the join page reads `i` (WeChat caps a scene at 32 characters). */
const inviteScene = (code: string) => `i=${code}`;

/** The grid (active: `activeGrid` refuses any other) or community a role sits in; null when there is no such community. */
async function placeOf(ports: Ports, input: { role: InviteRole; gridCode?: string; communityId?: string }): Promise<Place | null> {
  if (input.role === 'community') {
    const community = await communityById(ports.db, input.communityId!);
    return community && { gridId: null, communityId: community._id, streetId: community.streetId, name: community.name };
  }
  const grid = await activeGrid(ports.db, input.gridCode!);
  return { gridId: grid._id, communityId: grid.communityId, streetId: grid.streetId, name: grid.name };
}

/** Community or street staff issue a one-time code, valid 72 hours, for one seat in their scope. */
export const invite = action(InviteStaffInput, async (input, ports): Promise<Invite> => {
  const { staff } = await viewerOf(ports);
  if (!staff) return refuse('FORBIDDEN', '只有社区或街道工作人员可以邀请');
  const place = await placeOf(ports, input);
  if (!place || !mayManage(staff, input.role, place)) return refuse('FORBIDDEN', OUT_OF_SCOPE);
  // the name and title appear on the public grid page and the printed sign once bound
  await screenText(ports, staff.openid, 'staffWords', `${input.name} ${input.title}`);

  const now = ports.clock.now();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000);
  for (let attempt = 0; attempt < 5; attempt++) {
    const record: InviteRecord = {
      _id: newInviteCode(),
      role: input.role,
      gridId: place.gridId,
      gridCode: input.role === 'community' ? null : input.gridCode,
      communityId: place.communityId,
      streetId: place.streetId,
      scopeName: place.name,
      name: input.name,
      title: input.title,
      phone: input.phone,
      issuedBy: staff._id,
      issuedByName: staff.name,
      createdAt: now,
      expiresAt,
      usedBy: null,
      usedAt: null,
    };
    try {
      await insertInvite(ports.db, record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      continue;
    }
    return { code: record._id, expiresAt: expiresAt.toISOString(), seat: seatOf(record), qr: await qrOf(ports, record._id) };
  }
  return refuse('INTERNAL');
});

const seatOf = (inv: InviteRecord): InviteSeat => ({ role: inv.role, scope: inv.scopeName, name: inv.name, title: inv.title });

/**
 * A link to the invite's mini-program code. WeChat rate-limits getUnlimited; when it refuses, the
 * invite stands and the inviter passes the code on by hand, so this answers null rather than fail.
 */
async function qrOf(ports: Ports, code: string): Promise<string | null> {
  try {
    const scene = inviteScene(code);
    const fileID = (await miniCodeFiles(ports, PAGES.staffJoin, [scene])).get(scene)!;
    return (await ports.files.tempUrls([fileID])).get(fileID) ?? null;
  } catch (error) {
    console.error('[gridlink] no mini-program code for an invite', error);
    return null;
  }
}

/**
 * The invite of a code while it can still bind someone; refuses a missing, used or expired one,
 * and one whose grid was retired after it was issued (naming the grid it was merged into).
 */
async function usableInvite(ports: Ports, code: string, now: Date): Promise<InviteRecord> {
  const inv = await getInvite(ports.db, code);
  if (!inv) return refuse('NOT_FOUND', '邀请码不存在');
  if (inv.usedBy) return refuse('CONFLICT', '邀请码已被使用');
  if (new Date(inv.expiresAt).getTime() <= now.getTime()) return refuse('CONFLICT', '邀请码已过期');
  if (inv.gridId) {
    const grid = await gridById(ports.db, inv.gridId);
    if (grid?.status !== 'active') return refuseGoneGrid(ports.db, grid?.code ?? inv.scopeName, grid);
  }
  return inv;
}

/** What the invitee is about to become, before they confirm; the code is the secret, as for redeem. */
export const preview = action(RedeemInviteInput, async ({ code }, ports): Promise<InvitePreview> => {
  requireCaller(ports);
  const inv = await usableInvite(ports, code, ports.clock.now());
  return { ...seatOf(inv), issuedBy: inv.issuedByName, expiresAt: new Date(inv.expiresAt).toISOString() };
});

/** The invitee's staff record with the role added: created from the invite when they have none. */
async function bindRecord(ports: Ports, openid: string, inv: InviteRecord): Promise<StaffRecord> {
  const role = roleAt(inv.role, inv);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await staffByOpenid(ports.db, openid);
    if (existing) {
      const roles = withRole(existing.roles, role);
      if (roles !== existing.roles) await addStaffRole(ports.db, existing._id, role);
      // the new seat's title (a worker made chief is now 网格长); name and phone stay theirs
      if (existing.title !== inv.title) await updateStaff(ports.db, existing._id, { title: inv.title });
      return { ...existing, roles, title: inv.title };
    }
    const created: StaffRecord = {
      _id: `staff-${randomBytes(8).toString('hex')}`,
      openid,
      name: inv.name,
      title: inv.title,
      phone: inv.phone,
      avatar: null,
      roles: [role],
    };
    try {
      await insertStaff(ports.db, created);
      return created;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // the same person redeeming two codes at once: add to theirs
    }
  }
  return refuse('CONFLICT', '绑定失败，请重试');
}

/** Takes the chief seat of a grid: the previous chief loses that role. */
async function takeChiefSeat(ports: Ports, gridId: string, staffId: string): Promise<void> {
  const grid = await gridById(ports.db, gridId);
  await setGridChief(ports.db, gridId, staffId);
  if (grid?.chiefId && grid.chiefId !== staffId) await removeStaffRole(ports.db, grid.chiefId, { role: 'chief', gridId });
}

/** Empties a grid's chief seat if this staff member still holds it. */
async function releaseChiefSeat(ports: Ports, gridId: string, staffId: string): Promise<void> {
  const grid = await gridById(ports.db, gridId);
  if (grid?.chiefId === staffId) await setGridChief(ports.db, gridId, null);
}

/** A worker made the grid's chief stops being its worker, and a chief made its worker stops being its chief. */
async function leaveOtherSeat(ports: Ports, staff: StaffRecord, taken: StaffRole): Promise<void> {
  const other = otherSeatOnGrid(taken);
  if (!other || !holds(staff.roles, other) || !('gridId' in other)) return;
  await removeStaffRole(ports.db, staff._id, other);
  if (other.role === 'worker') await removeGridWorker(ports.db, other.gridId, staff._id);
  else await releaseChiefSeat(ports, other.gridId, staff._id);
}

/** Any signed-in person binds themselves with a code; each code binds once, within 72 hours. */
export const redeem = action(RedeemInviteInput, async ({ code }, ports): Promise<StaffBinding> => {
  const { openid } = requireCaller(ports);
  const now = ports.clock.now();
  const inv = await usableInvite(ports, code, now);
  if (!(await claimInvite(ports.db, code, openid, now))) {
    const again = await getInvite(ports.db, code);
    return refuse('CONFLICT', again && !again.usedBy ? '邀请码已过期' : '邀请码已被使用');
  }
  try {
    const staff = await bindRecord(ports, openid, inv);
    await leaveOtherSeat(ports, staff, roleAt(inv.role, inv));
    if (inv.role === 'chief') await takeChiefSeat(ports, inv.gridId!, staff._id);
    else if (inv.role === 'worker') await addGridWorker(ports.db, inv.gridId!, staff._id);
    return { staffId: staff._id, role: inv.role, scope: inv.scopeName };
  } catch (error) {
    await releaseInvite(ports.db, code, openid).catch(() => undefined);
    throw error;
  }
});

/** Community or street staff take a role away from someone in their scope. */
export const unbind = action(UnbindStaffInput, async (input, ports): Promise<Unbound> => {
  const { staff } = await viewerOf(ports);
  if (!staff) return refuse('FORBIDDEN', '只有社区或街道工作人员可以解绑');
  const place = await placeOf(ports, input);
  if (!place || !mayManage(staff, input.role, place)) return refuse('FORBIDDEN', OUT_OF_SCOPE);
  const role = roleAt(input.role, place);
  const target = await staffById(ports.db, input.staffId);
  if (!target || !holds(target.roles, role)) return refuse('NOT_FOUND', '该工作人员没有这个岗位');

  await removeStaffRole(ports.db, target._id, role);
  if (input.role === 'chief') await releaseChiefSeat(ports, place.gridId!, target._id);
  else if (input.role === 'worker') await removeGridWorker(ports.db, place.gridId!, target._id);
  return { staffId: target._id, role: input.role, unbound: true as const };
});
