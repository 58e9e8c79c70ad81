import type { DB } from 'wx-server-sdk/index';
import type { ActorRecord } from '../domain/records';

/** A change to an appeal (not one of its timeline events), a notice or a grid: who, when, before, after. */
export type AuditRecord = ({ appealId: string } | { noticeId: string } | { gridId: string }) & {
  at: Date;
  actor: ActorRecord;
  change: string;
  before: unknown;
  after: unknown;
};

export async function audit(db: DB.Database, record: AuditRecord): Promise<void> {
  await db.collection('audit').add({ data: record });
}
