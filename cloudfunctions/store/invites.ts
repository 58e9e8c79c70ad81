import type { DB } from 'wx-server-sdk/index';
import { docsOf } from './results';
import type { InviteRecord } from '../domain/records';

const invites = (db: DB.Database) => db.collection('invites');

export async function insertInvite(db: DB.Database, invite: InviteRecord): Promise<void> {
  await invites(db).add({ data: invite });
}

export async function getInvite(db: DB.Database, code: string): Promise<InviteRecord | null> {
  const [invite] = docsOf<InviteRecord>(await invites(db).where({ _id: code }).limit(1).get());
  return invite ?? null;
}

/** Claims an unused, unexpired invite for `openid`: of two redeeming at once, exactly one gets true. */
export async function claimInvite(db: DB.Database, code: string, openid: string, at: Date): Promise<boolean> {
  const { stats } = (await invites(db)
    .where({ _id: code, usedBy: null, expiresAt: db.command.gt(at) })
    .update({ data: { usedBy: openid, usedAt: at } })) as { stats: { updated: number } };
  return stats.updated === 1;
}

/** Gives a claimed invite back when binding failed, so the invitee can try again. */
export async function releaseInvite(db: DB.Database, code: string, openid: string): Promise<void> {
  await invites(db).where({ _id: code, usedBy: openid }).update({ data: { usedBy: null, usedAt: null } });
}
