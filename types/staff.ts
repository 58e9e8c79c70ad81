import * as z from 'zod/mini';
import { ContactPhone } from './appeal';
import { GridCode, StaffId } from './grid';

/** Invite codes: 8 characters without look-alikes (no 0/O, 1/I/L), typed in either case. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_TTL_HOURS = 72;

export const InviteCode = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), { error: '邀请码格式不正确' }),
);

const CommunityId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '社区编号不正确' }));
const text = (max: number, what: string) =>
  z.string().check(z.trim(), z.minLength(1, { error: `请填写${what}` }), z.maxLength(max, { error: `${what}不能超过 ${max} 个字` }));

const person = { name: text(20, '姓名'), title: text(40, '职务'), phone: ContactPhone };

/** Community or street staff invite a grid's chief or worker, or (street staff) a community's staff. */
export const InviteStaffInput = z.discriminatedUnion('role', [
  z.object({ role: z.literal('chief'), gridCode: GridCode, ...person }),
  z.object({ role: z.literal('worker'), gridCode: GridCode, ...person }),
  z.object({ role: z.literal('community'), communityId: CommunityId, ...person }),
]);
export type InviteStaffInput = z.input<typeof InviteStaffInput>;

export type Invite = { code: string; expiresAt: string };

export const RedeemInviteInput = z.object({ code: InviteCode });

export type StaffBinding = { staffId: string; role: 'chief' | 'worker' | 'community'; scope: string };

export const UnbindStaffInput = z.discriminatedUnion('role', [
  z.object({ staffId: StaffId, role: z.literal('chief'), gridCode: GridCode }),
  z.object({ staffId: StaffId, role: z.literal('worker'), gridCode: GridCode }),
  z.object({ staffId: StaffId, role: z.literal('community'), communityId: CommunityId }),
]);

export type Unbound = { staffId: string; role: 'chief' | 'worker' | 'community'; unbound: true };
