import type { DB } from 'wx-server-sdk/index';
import { docsOf } from './results';

/** A mini-program code made once and kept in storage; `_id` names its page and scene. */
export type MiniCodeRecord = { _id: string; page: string; scene: string; fileID: string; createdAt: Date };

const BATCH = 100;

/** The stored codes among `ids`: one round trip per hundred. */
export async function miniCodesByIds(db: DB.Database, ids: string[]): Promise<MiniCodeRecord[]> {
  const found: MiniCodeRecord[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    found.push(...docsOf<MiniCodeRecord>(await db.collection('miniCodes').where({ _id: db.command.in(batch) }).limit(BATCH).get()));
  }
  return found;
}

/** Records a stored code; two callers making the same code at once both end with one record. */
export async function saveMiniCode(db: DB.Database, record: MiniCodeRecord): Promise<void> {
  const { _id, ...rest } = record;
  await db.collection('miniCodes').doc(_id).set({ data: rest });
}
