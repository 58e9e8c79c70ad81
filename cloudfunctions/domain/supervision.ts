import { EXTENSION_MAX_DAYS, NEAR_DUE_MINUTES } from '../../types/appeal';
import { APPEAL_WORDS, type DeadlineKind } from '../../types/vocabulary';
import type { ActorRecord, AppealRecord, ExtensionRecord, StaffActorRecord } from './records';
import { Refusal } from './refusal';
import { owedClocks, runningClock } from './sla';
import { inShanghai } from './time';

/**
 * 督办 and 延期 over an appeal's running clock, as pure functions the state machine calls: which
 * deadline they move, whether the time asked for is sound, and what moving it does to the SLA
 * timer's marks. Times are instants (`Date`); the words in refusals are Asia/Shanghai times.
 */

const { action: ACTION, deadline: DEADLINE } = APPEAL_WORDS;
const DAY_MS = 86_400_000;

const ms = (d: Date) => new Date(d).getTime();
const when = (d: Date) => inShanghai(d).format('YYYY-MM-DD HH:mm');

/** The actor of a 督办 or 延期 step, which only staff take (FORBIDDEN for anyone else). */
export function staffOnly(actor: ActorRecord): StaffActorRecord {
  if (actor.kind !== 'staff') throw new Refusal('FORBIDDEN', '只有工作人员可以督办或办理延期');
  return actor;
}

/** The clock the appeal races now and its deadline; CONFLICT when none runs (not open). */
function running(appeal: AppealRecord): { kind: DeadlineKind; due: Date } {
  const kind = runningClock(appeal);
  if (!kind) throw new Refusal('CONFLICT', `诉求${APPEAL_WORDS.status[appeal.status]}，没有正在计时的时限`);
  return { kind, due: new Date(appeal.deadlines[kind]) };
}

/**
 * The appeal's fields once deadline `kind` is `until`. A new deadline is a new promise: the
 * timer's reminder and 超时 marks for that clock go, so missing it again is a new 超时; messages
 * it still owes are for steps already taken and stay owed.
 */
export function deadlineMoved(appeal: AppealRecord, kind: DeadlineKind, until: Date): Pick<AppealRecord, 'deadlines' | 'sla'> {
  const sla = appeal.sla && { ...appeal.sla, reminded: appeal.sla.reminded.filter((k) => k !== kind), missed: appeal.sla.missed.filter((k) => k !== kind) };
  return { deadlines: { ...appeal.deadlines, [kind]: until }, ...(sla ? { sla } : {}) };
}

/**
 * A card's tighter deadline for the running clock: later than `at`, earlier than the clock's
 * deadline (INVALID_INPUT otherwise, naming that deadline). The appeal's moved fields.
 */
export function tightened(appeal: AppealRecord, until: Date, at: Date): Pick<AppealRecord, 'deadlines' | 'sla'> {
  const { kind, due } = running(appeal);
  if (ms(until) <= ms(at) || ms(until) >= ms(due)) {
    throw new Refusal('INVALID_INPUT', `${ACTION.supervise.label}时限须晚于现在、早于${DEADLINE[kind]}（${when(due)}）`);
  }
  return deadlineMoved(appeal, kind, until);
}

/**
 * A 延期 request for the running clock, pending: `until` must be later than that clock's deadline
 * and than `at`, and at most `EXTENSION_MAX_DAYS` days after `at` (INVALID_INPUT otherwise).
 */
export function extensionRequest(appeal: AppealRecord, reason: string, until: Date, by: StaffActorRecord, at: Date): ExtensionRecord {
  const { kind, due } = running(appeal);
  const word = `${ACTION.requestExtension.label}时限`;
  if (ms(until) <= ms(due) || ms(until) <= ms(at)) throw new Refusal('INVALID_INPUT', `${word}须晚于现在和${DEADLINE[kind]}（${when(due)}）`);
  if (ms(until) > ms(at) + EXTENSION_MAX_DAYS * DAY_MS) throw new Refusal('INVALID_INPUT', `${word}不能晚于 ${EXTENSION_MAX_DAYS} 天后`);
  return { state: 'pending', deadline: kind, reason, until, requestedBy: by, requestedAt: at, decidedBy: null, decidedAt: null, note: null };
}

/**
 * The appeal's fields once the pending request is granted: its deadline moved to `until`, one
 * more 延期 counted. CONFLICT when the request no longer fits: the appeal now races another
 * clock, or `until` is no longer later than that clock's deadline and `at` (it can be refused).
 */
export function extensionGranted(appeal: AppealRecord, request: ExtensionRecord, at: Date): Partial<AppealRecord> {
  const { kind, due } = running(appeal);
  if (kind !== request.deadline || ms(request.until) <= ms(due) || ms(request.until) <= ms(at)) {
    throw new Refusal('CONFLICT', `这条${ACTION.requestExtension.label}已不适用（${DEADLINE[kind]} ${when(due)}），只能不同意`);
  }
  return { ...deadlineMoved(appeal, kind, request.until), extensionsGranted: (appeal.extensionsGranted ?? 0) + 1 };
}

/**
 * The supervision board's horizon: an open appeal whose earliest owed deadline falls before it is
 * near-due (or overdue) at `now`.
 */
export const boardHorizon = (now: Date) => new Date(ms(now) + NEAR_DUE_MINUTES * 60_000);

/**
 * The earliest deadline an appeal still owes (受理, 到场 or 办结: what `overdue` counts), or null
 * when it owes none (held, resolved, closed): how late or near the board reckons it.
 */
export function earliestOwed(appeal: Pick<AppealRecord, 'status' | 'deadlines' | 'onSiteAt'>): Date | null {
  const times = owedClocks(appeal).map((kind) => ms(appeal.deadlines[kind]));
  return times.length ? new Date(Math.min(...times)) : null;
}
