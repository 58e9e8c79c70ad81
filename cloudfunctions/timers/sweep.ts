import { AUTO_CLOSE_AFTER_DAYS, dueForAutoClose, transition } from '../domain/appeal';
import { attempt, notify, RETRY_LEASE_MS } from '../kit/notify';
import type { Ports } from '../kit/ports';
import { listUnratedSince, saveAppeal } from '../store/appeals';
import { claimRetry, dueForRetry } from '../store/outbox';
import { tellResident } from '../services/tell';
import { dueForReminder, REMINDER_LOOKAHEAD_MS } from '../domain/groupChat';
import { gridPageOf, groupQrExpiryMessage } from '../domain/messages';
import { claimGroupQrReminder, groupQrsExpiringBefore } from '../store/grids';
import { staffByIds } from '../store/staff';

/** Retries queued messages whose backoff has passed, each claimed first; each retry is recorded by `attempt`. */
export async function retryMessages(ports: Ports, deadline: number): Promise<number> {
  const now = ports.clock.now();
  const due = await dueForRetry(ports.db, now);
  let tried = 0;
  for (const record of due) {
    if (ports.clock.now().getTime() > deadline) break;
    if (!(await claimRetry(ports.db, record, now, new Date(now.getTime() + RETRY_LEASE_MS)))) continue;
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
      // not saved: someone rated it or another run closed it first
      if (!(await saveAppeal(ports.db, appeal, next))) continue;
      closed += 1;
      await tellResident(ports, next);
    } catch (error) {
      console.error('[gridlink] could not auto-close', appeal._id, error);
    }
  }
  return closed;
}

/**
 * Reminds each grid's chief the day before its group QR lapses, once per QR: the reminder is
 * claimed on the grid before it is sent, so two overlapping sweeps cannot both send it. Two
 * round trips for the whole batch, then a claim and a message per grid due.
 */
export async function remindGroupQrs(ports: Ports, deadline: number): Promise<number> {
  const now = ports.clock.now();
  const grids = (await groupQrsExpiringBefore(ports.db, now, new Date(now.getTime() + REMINDER_LOOKAHEAD_MS))).filter((g) =>
    dueForReminder(g.groupChat, now),
  );
  if (!grids.length) return 0;
  const chiefs = new Map((await staffByIds(ports.db, grids.flatMap((g) => (g.chiefId ? [g.chiefId] : [])))).map((s) => [s._id, s]));
  let reminded = 0;
  for (const grid of grids) {
    if (ports.clock.now().getTime() > deadline) break;
    const chief = grid.chiefId ? chiefs.get(grid.chiefId) : undefined;
    if (!chief || grid.groupChat?.kind !== 'qr') continue;
    try {
      if (!(await claimGroupQrReminder(ports.db, grid, now))) continue;
      const { template, data } = groupQrExpiryMessage(grid, new Date(grid.groupChat.expiresAt));
      await notify(ports, { touser: chief.openid, template, page: gridPageOf(grid.code), data, appealId: null });
      reminded += 1;
    } catch (error) {
      console.error('[gridlink] could not remind of a group QR', grid._id, error);
    }
  }
  return reminded;
}
