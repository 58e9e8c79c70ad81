import { randomBytes } from 'node:crypto';
import { INVITE_ALPHABET, INVITE_CODE_LENGTH } from '../../types/staff';
import { reaches, type Place } from './permissions';
import type { StaffRecord, StaffRole } from './records';

/** Where a role is held: a grid (with its community and street) or a community (with its street). */
export type Seat = { gridId: string | null; communityId: string; streetId: string };

/**
 * Who may invite or unbind whom (DESIGN §1.4): community staff for a grid of their community;
 * street staff for a grid or a community of their street. Grid staff and residents never.
 */
export function mayManage(staff: StaffRecord | null, role: 'chief' | 'worker' | 'community', seat: Place): boolean {
  const levels = reaches(staff, seat);
  return levels.includes('street') || (role !== 'community' && levels.includes('community'));
}

export function roleAt(role: 'chief' | 'worker' | 'community', seat: Seat): StaffRole {
  if (role === 'community') return { role, communityId: seat.communityId };
  return { role, gridId: seat.gridId! };
}


const key = (r: StaffRole) => `${r.role}:${'gridId' in r ? r.gridId : 'communityId' in r ? r.communityId : r.streetId}`;

/** A grid has one seat per person: the chief seat and a worker seat of the same grid exclude each other. */
export function otherSeatOnGrid(role: StaffRole): StaffRole | null {
  if (role.role === 'chief') return { role: 'worker', gridId: role.gridId };
  if (role.role === 'worker') return { role: 'chief', gridId: role.gridId };
  return null;
}

export const holds = (roles: StaffRole[], role: StaffRole) => roles.some((r) => key(r) === key(role));
export const withRole = (roles: StaffRole[], role: StaffRole) => (holds(roles, role) ? roles : [...roles, role]);

/** A crypto-random code over the unambiguous alphabet, without modulo bias. */
export function newInviteCode(): string {
  let code = '';
  while (code.length < INVITE_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      const limit = 256 - (256 % INVITE_ALPHABET.length);
      if (byte < limit && code.length < INVITE_CODE_LENGTH) code += INVITE_ALPHABET[byte % INVITE_ALPHABET.length];
    }
  }
  return code;
}
