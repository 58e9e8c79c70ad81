import type { DB } from 'wx-server-sdk/index';

/**
 * Residents street staff barred from filing (staff never see the openid: they block by appeal).
 * One record per street and resident, so a street lifts only its own block: keyed by openid
 * alone, one street's unblock removed another street's block, and a second block overwrote the first.
 */
export type BlockRecord = { openid: string; streetId: string; reason: string; byStaffId: string; at: Date };

const blockId = (streetId: string, openid: string) => `${streetId}:${openid}`;

/** Barred by any street: a resident a street has barred files nowhere until it lifts the block. */
export async function isBlocked(db: DB.Database, openid: string): Promise<boolean> {
  const { total } = (await db.collection('blocks').where({ openid }).count()) as { total: number };
  return total > 0;
}

export async function block(db: DB.Database, record: BlockRecord): Promise<void> {
  await db.collection('blocks').doc(blockId(record.streetId, record.openid)).set({ data: record });
}

export async function unblock(db: DB.Database, streetId: string, openid: string): Promise<void> {
  await db.collection('blocks').doc(blockId(streetId, openid)).remove();
}
