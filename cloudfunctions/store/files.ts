import type { DB } from 'wx-server-sdk/index';
import type { FileRecord, FileUsedIn } from '../domain/files';
import { docsOf } from './results';

const files = (db: DB.Database) => db.collection('files');

export async function insertFile(db: DB.Database, file: FileRecord): Promise<void> {
  await files(db).add({ data: file });
}

/** The records of the files at these cloud paths (those that have one): one round trip. */
export async function filesAt(db: DB.Database, cloudPaths: string[]): Promise<FileRecord[]> {
  if (!cloudPaths.length) return [];
  return docsOf<FileRecord>(await files(db).where({ cloudPath: db.command.in(cloudPaths) }).limit(cloudPaths.length).get());
}

/**
 * Marks these files as used in `record` from `at` on, each only if it is still free or already
 * this record's: one round trip. Answers how many were marked (fewer: another record took one
 * meanwhile).
 */
export async function attachFiles(db: DB.Database, ids: string[], record: FileUsedIn, at: Date): Promise<number> {
  if (!ids.length) return 0;
  const _ = db.command;
  const { stats } = (await files(db)
    .where(_.and([{ _id: _.in(ids) }, _.or([{ attachedTo: null }, { 'attachedTo.collection': record.collection, 'attachedTo.id': record.id }])]))
    .update({ data: { attachedTo: _.set(record), attachedAt: at } })) as { stats: { updated: number } };
  return stats.updated;
}

/** Frees files this record had just taken (an attach that lost a race for one of them). */
export async function detachFiles(db: DB.Database, ids: string[], record: FileUsedIn): Promise<void> {
  if (!ids.length) return;
  await files(db)
    .where({ _id: db.command.in(ids), 'attachedTo.collection': record.collection, 'attachedTo.id': record.id })
    .update({ data: { attachedTo: null, attachedAt: null } });
}

/** Marks the file at this cloud path as judged risky by WeChat's media check. */
export async function markFileRisky(db: DB.Database, cloudPath: string): Promise<void> {
  await files(db).where({ cloudPath }).update({ data: { risky: true } });
}
