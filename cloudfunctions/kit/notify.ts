import type { TemplateKey } from '../../types/appeal';
import type { MessageData } from '../domain/messages';
import { returnConsent, useConsent } from '../store/consents';
import { isDuplicateKey } from '../store/errors';
import { addToOutbox, updateOutbox, type OutboxRecord } from '../store/outbox';
import { templateIds } from '../store/settings';
import type { Ports } from './ports';

/** Minutes to wait before retry n (1-based); after the last, the message is given up. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30, 120];
export const MAX_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;
/** How long a try owns a queued message before another may retry it. */
export const RETRY_LEASE_MS = RETRY_BACKOFF_MINUTES[0] * 60_000;

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

/** `unrecorded`: not even queued (the database failed): the caller that must not lose it tries again later. */
export type Notified = 'sent' | 'queued' | 'skipped' | 'duplicate' | 'unrecorded';

/**
 * Queues a subscribe message and tries it once. It uses one of the recipient's consents; with
 * none left it is recorded as skipped. A failure is the outbox's business, never the caller's:
 * the action that caused the message has already happened.
 *
 * With `id`, the message is sent at most once under that outbox id: a second call finds it
 * recorded ('duplicate') and gives back the consent it took. Template ids may come with the call
 * (`templates`) when the caller sends many.
 */
export async function notify(ports: Ports, message: Outgoing, once?: { id: string; templates?: Record<TemplateKey, string> }): Promise<Notified> {
  const { db, clock } = ports;
  try {
    const now = clock.now();
    const consented = await useConsent(db, message.touser, message.template);
    const templateId = consented ? (once?.templates ?? (await templateIds(db)))[message.template] : '';
    const record: OutboxRecord = {
      ...(once ? { _id: once.id } : {}),
      ...message,
      templateId,
      status: consented ? 'pending' : 'skipped',
      attempts: 0,
      lastError: consented ? null : '没有剩余的订阅次数',
      // The first try is this call's; the sweep steps in only if it has recorded no outcome by then.
      nextRetryAt: consented ? new Date(now.getTime() + RETRY_LEASE_MS) : null,
      createdAt: now,
      updatedAt: now,
    };
    let id: string;
    try {
      id = await addToOutbox(db, record);
    } catch (error) {
      if (!once || !isDuplicateKey(error)) throw error;
      if (consented) await returnConsent(db, message.touser, message.template);
      return 'duplicate';
    }
    if (!consented) return 'skipped';
    return (await attempt(ports, id, record)) ? 'sent' : 'queued';
  } catch (error) {
    console.error('[gridlink] could not queue a message', error);
    return 'unrecorded';
  }
}
