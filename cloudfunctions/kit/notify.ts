import type { TemplateKey } from '../../types/appeal';
import type { MessageData } from '../domain/messages';
import { useConsent } from '../store/consents';
import { addToOutbox, updateOutbox, type OutboxRecord } from '../store/outbox';
import { templateIds } from '../store/settings';
import type { Ports } from './ports';

/** Minutes to wait before retry n (1-based); after the last, the message is given up. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30, 120];
export const MAX_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;

export type Outgoing = { touser: string; template: TemplateKey; page: string; data: MessageData; appealId: string | null };

const describe = (error: unknown) => {
  const e = error as { errCode?: number; errMsg?: string; message?: string };
  return `${e.errCode ?? 'error'} ${e.errMsg ?? e.message ?? String(error)}`.slice(0, 300);
};

/** Sends one queued message and records the outcome; never throws. */
export async function attempt({ db, wx, clock }: Ports, id: string, record: OutboxRecord): Promise<boolean> {
  const attempts = record.attempts + 1;
  const now = clock.now();
  try {
    await wx.sendSubscribe({ touser: record.touser, templateId: record.templateId, page: record.page, data: record.data });
    await updateOutbox(db, id, { status: 'sent', attempts, lastError: null, nextRetryAt: null, updatedAt: now });
    return true;
  } catch (error) {
    const giveUp = attempts >= MAX_ATTEMPTS;
    const wait = RETRY_BACKOFF_MINUTES[attempts - 1] ?? 0;
    await updateOutbox(db, id, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      lastError: describe(error),
      nextRetryAt: giveUp ? null : new Date(now.getTime() + wait * 60_000),
      updatedAt: now,
    }).catch((e) => console.error('[gridlink] could not record a failed message', e));
    return false;
  }
}

/**
 * Queues a subscribe message and tries it once. It uses one of the recipient's consents; with
 * none left it is recorded as skipped. A failure is the outbox's business, never the caller's:
 * the action that caused the message has already happened.
 */
export async function notify(ports: Ports, message: Outgoing): Promise<'sent' | 'queued' | 'skipped'> {
  const { db, clock } = ports;
  try {
    const now = clock.now();
    const consented = await useConsent(db, message.touser, message.template);
    const templateId = consented ? (await templateIds(db))[message.template] : '';
    const record: OutboxRecord = {
      ...message,
      templateId,
      status: consented ? 'pending' : 'skipped',
      attempts: 0,
      lastError: consented ? null : '没有剩余的订阅次数',
      nextRetryAt: consented ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    const id = await addToOutbox(db, record);
    if (!consented) return 'skipped';
    return (await attempt(ports, id, record)) ? 'sent' : 'queued';
  } catch (error) {
    console.error('[gridlink] could not queue a message', error);
    return 'queued';
  }
}
