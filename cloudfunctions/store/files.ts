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

/** Marks these files as used in `record` from `at` on: one round trip. */
export async function attachFiles(db: DB.Database, ids: string[], record: FileUsedIn, at: Date): Promise<void> {
  if (!ids.length) return;
  await files(db)
    .where({ _id: db.command.in(ids) })
    .update({ data: { attachedTo: db.command.set(record), attachedAt: at } });
}
