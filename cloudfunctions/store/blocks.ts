import type { DB } from 'wx-server-sdk/index';

/** Residents street staff barred from filing, by openid (staff never see it: they block by appeal). */
export type BlockRecord = { _id: string; streetId: string; reason: string; byStaffId: string; at: Date };

export async function isBlocked(db: DB.Database, openid: string): Promise<boolean> {
  const { total } = (await db.collection('blocks').where({ _id: openid }).count()) as { total: number };
  return total > 0;
}

export async function block(db: DB.Database, record: BlockRecord): Promise<void> {
  await db.collection('blocks').doc(record._id).set({ data: { streetId: record.streetId, reason: record.reason, byStaffId: record.byStaffId, at: record.at } });
}

export async function unblock(db: DB.Database, openid: string): Promise<void> {
  await db.collection('blocks').doc(openid).remove();
}
