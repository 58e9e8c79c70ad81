import { AUTO_CLOSE_AFTER_DAYS, dueForAutoClose, transition } from '../domain/appeal';
import { attempt } from '../kit/notify';
import type { Ports } from '../kit/ports';
import { listUnratedSince, saveAppeal } from '../store/appeals';
import { dueForRetry } from '../store/outbox';
import { tellResident } from '../appeal/tell';

/** Retries queued messages whose backoff has passed; each retry is recorded by `attempt`. */
export async function retryMessages(ports: Ports, deadline: number): Promise<number> {
  const due = await dueForRetry(ports.db, ports.clock.now());
  let tried = 0;
  for (const record of due) {
    if (ports.clock.now().getTime() > deadline) break;
    await attempt(ports, record._id, record);
    tried += 1;
  }
  return tried;
}

/** Closes resolved appeals left unrated past the window, as "未评价". Safe to run twice. */
export async function closeUnrated(ports: Ports, deadline: number): Promise<number> {
  const now = ports.clock.now();
  const candidates = await listUnratedSince(ports.db, new Date(now.getTime() - AUTO_CLOSE_AFTER_DAYS * 86_400_000));
  let closed = 0;
  for (const appeal of candidates.filter((a) => dueForAutoClose(a, now))) {
    if (ports.clock.now().getTime() > deadline) break;
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
