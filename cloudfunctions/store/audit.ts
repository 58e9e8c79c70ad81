import type { DB } from 'wx-server-sdk/index';
import type { ActorRecord } from '../domain/records';

/** A change to an appeal (not one of its timeline events), a notice, a grid or a check-in: who, when, before, after. */
export type ChangeRecord = ({ appealId: string } | { noticeId: string } | { gridId: string } | { checkinId: string }) & {
  at: Date;
  actor: ActorRecord;
  change: string;
  before: unknown;
  after: unknown;
};

/**
 * A full phone number shown to someone (`grid.callStaff`): who saw it (`openid`), on which grid,
 * whose number (`staffId`: a staff record, or the roster seat `roster-chief` / `roster-worker-n`),
 * the number as shown, and when.
 */
export type PhoneRevealRecord = {
  reveal: 'phone';
  at: Date;
  openid: string;
  gridId: string;
  gridCode: string;
  staffId: string;
  staffName: string;
  phone: string;
};

export type AuditRecord = ChangeRecord | PhoneRevealRecord;

export async function audit(db: DB.Database, record: AuditRecord): Promise<void> {
  await db.collection('audit').add({ data: record });
}
