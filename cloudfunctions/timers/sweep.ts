import { dueForAutoClose, transition } from '../domain/appeal';
import { attempt } from '../kit/notify';
import type { Ports } from '../kit/ports';
import { listUnratedSince, saveAppeal } from '../store/appeals';
import { dueForRetry } from '../store/outbox';
import { AUTO_CLOSE_AFTER_DAYS } from '../domain/appeal';
import { tellResident } from '../appeal/tell';

/** Retries queued messages whose backoff has passed; each retry is recorded by `attempt`. */
export async function retryMessages(ports: Ports): Promise<number> {
  const due = await dueForRetry(ports.db, ports.clock.now());
  for (const record of due) await attempt(ports, record._id, record);
  return due.length;
}

/** Closes resolved appeals left unrated past the window, as "未评价". Safe to run twice. */
export async function closeUnrated(ports: Ports): Promise<number> {
  const now = ports.clock.now();
  const candidates = await listUnratedSince(ports.db, new Date(now.getTime() - AUTO_CLOSE_AFTER_DAYS * 86_400_000));
  let closed = 0;
  for (const appeal of candidates.filter((a) => dueForAutoClose(a, now))) {
    const next = transition(appeal, { type: 'autoClose' }, { kind: 'system' }, now);
    try {
      await saveAppeal(ports.db, appeal, next);
      closed += 1;
      await tellResident(ports, next, '超过7天未评价，已自动办结');
    } catch (error) {
      console.error('[gridlink] could not auto-close', appeal._id, error);
    }
  }
  return closed;
}
