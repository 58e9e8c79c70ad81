import * as z from 'zod/mini';
import { ContactPhone } from './appeal';
import { GridCode, StaffId } from './grid';
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, INVITE_CODE_PATTERN, normalizeInviteCode } from './codes';
import { typedText } from './typedText';

export { INVITE_ALPHABET, INVITE_CODE_LENGTH };
export const INVITE_TTL_HOURS = 72;

/** An invite's code (see codes.ts). */
export const InviteCode = z.string().check(z.overwrite(normalizeInviteCode), z.regex(INVITE_CODE_PATTERN, { error: '邀请码格式不正确' }));

const CommunityId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '社区编号不正确' }));
const person = { name: typedText('姓名', 20, { shape: 'person' }), title: typedText('职务', 40, { shape: 'name' }), phone: ContactPhone };

/** Community or street staff invite a grid's chief or worker, or (street staff) a community's staff. */
export const InviteStaffInput = z.discriminatedUnion('role', [
  z.object({ role: z.literal('chief'), gridCode: GridCode, ...person }),
  z.object({ role: z.literal('worker'), gridCode: GridCode, ...person }),
  z.object({ role: z.literal('community'), communityId: CommunityId, ...person }),
]);
export type InviteStaffInput = z.input<typeof InviteStaffInput>;

export type InviteRole = 'chief' | 'worker' | 'community';

export const INVITE_ROLE_LABELS: Record<InviteRole, string> = { chief: '网格长', worker: '网格员', community: '社区工作人员' };

/** The seat an invite is for, as the inviter's card and the invitee's page name it. */
export type InviteSeat = { role: InviteRole; scope: string; name: string; title: string };

/**
 * An issued invite: `qr` is a temporary link to its mini-program code (scene `i=<code>`, the join
 * page), or null when WeChat would not make one just then; the code itself still works.
 */
export type Invite = { code: string; expiresAt: string; seat: InviteSeat; qr: string | null };

export const RedeemInviteInput = z.object({ code: InviteCode });

/** What an invitee is shown before binding: never the phone the inviter typed. */
export type InvitePreview = InviteSeat & { issuedBy: string; expiresAt: string };

export type StaffBinding = { staffId: string; role: InviteRole; scope: string };

export const UnbindStaffInput = z.discriminatedUnion('role', [
  z.object({ staffId: StaffId, role: z.literal('chief'), gridCode: GridCode }),
  z.object({ staffId: StaffId, role: z.literal('worker'), gridCode: GridCode }),
  z.object({ staffId: StaffId, role: z.literal('community'), communityId: CommunityId }),
]);

export type Unbound = { staffId: string; role: InviteRole; unbound: true };

/** A grid's or a community's current staff, for the people who may invite and unbind there. */
export const TeamInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grid'), gridCode: GridCode }),
  z.object({ kind: z.literal('community'), communityId: CommunityId }),
]);

export type TeamMember = { staffId: string; role: InviteRole; name: string; title: string; phone: string };

export type Team = { kind: 'grid' | 'community'; scope: string; members: TeamMember[] };

/** A street or community whose staff someone is: what the assessment ranking is asked for. */
export type ServedPlace = { level: 'street' | 'community'; id: string; name: string };

/**
 * The communities (with their active grids) a community or street staff member may invite into;
 * `mayInviteStaff`: may also invite the community's own staff (street staff only). `served`: the
 * streets, then the communities, the caller is staff of by their own roles (not those merely below
 * a street of theirs), each by id.
 */
export type StaffPlaces = {
  communities: Array<{ id: string; name: string; streetId: string; mayInviteStaff: boolean; grids: Array<{ code: string; name: string }> }>;
  served: ServedPlace[];
};
