import type { DB } from 'wx-server-sdk/index';
import type { TemplateKey } from '../../types/appeal';
import type { MessageData } from '../domain/messages';
import { docsOf } from './results';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** One subscribe message GridLink meant to send, and what became of it. */
export type OutboxRecord = {
  _id?: string;
  template: TemplateKey;
  templateId: string;
  touser: string;
  page: string;
  data: MessageData;
  appealId: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextRetryAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const outbox = (db: DB.Database) => db.collection('outbox');

export async function addToOutbox(db: DB.Database, record: OutboxRecord): Promise<string> {
  const { _id } = (await outbox(db).add({ data: record })) as { _id: string };
  return _id;
}

export async function updateOutbox(db: DB.Database, id: string, changes: Partial<OutboxRecord>): Promise<void> {
  await outbox(db).doc(id).update({ data: changes });
}

/**
 * Takes a queued message for one retry: moves its retry time to `until` if it is still pending
 * at the attempt count read and still due, so two sweeps at once never both send it.
 */
export async function claimRetry(db: DB.Database, record: OutboxRecord & { _id: string }, now: Date, until: Date): Promise<boolean> {
  const { stats } = (await outbox(db)
    .where({ _id: record._id, status: 'pending', attempts: record.attempts, nextRetryAt: db.command.lte(now) })
    .update({ data: { nextRetryAt: until } })) as { stats: { updated: number } };
  return stats.updated === 1;
}

export async function dueForRetry(db: DB.Database, now: Date): Promise<Array<OutboxRecord & { _id: string }>> {
  return docsOf<OutboxRecord & { _id: string }>(
    await outbox(db).where({ status: 'pending', nextRetryAt: db.command.lte(now) }).orderBy('nextRetryAt', 'asc').limit(100).get(),
  );
}

/** A CloudBase read returns at most 1,000 documents to a function. */
const READ_MAX = 1000;

/** The status of each of these outbox ids already recorded; one round trip per 1,000 ids. */
export async function outboxStatuses(db: DB.Database, ids: string[]): Promise<Map<string, OutboxStatus>> {
  const found = new Map<string, OutboxStatus>();
  for (let i = 0; i < ids.length; i += READ_MAX) {
    const chunk = ids.slice(i, i + READ_MAX);
    const records = docsOf<{ _id: string; status: OutboxStatus }>(await outbox(db).where({ _id: db.command.in(chunk) }).field({ status: true }).limit(chunk.length).get());
    for (const r of records) found.set(r._id, r.status);
  }
  return found;
}
