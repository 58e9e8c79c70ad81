import type { DB } from 'wx-server-sdk/index';

/**
 * Residents street staff barred from filing (staff never see the openid: they block by appeal).
 * One record per street and resident, so a street lifts only its own block: keyed by openid
 * alone, one street's unblock removed another street's block, and a second block overwrote the first.
 */
export type BlockRecord = { openid: string; streetId: string; reason: string; byStaffId: string; at: Date };

const blockId = (streetId: string, openid: string) => `${streetId}:${openid}`;

/** How many streets have barred this resident (the caller decides what that means). */
export async function countBlocks(db: DB.Database, openid: string): Promise<number> {
  const { total } = (await db.collection('blocks').where({ openid }).count()) as { total: number };
  return total;
}

export async function block(db: DB.Database, record: BlockRecord): Promise<void> {
  await db.collection('blocks').doc(blockId(record.streetId, record.openid)).set({ data: record });
}

export async function unblock(db: DB.Database, streetId: string, openid: string): Promise<void> {
  await db.collection('blocks').doc(blockId(streetId, openid)).remove();
}
