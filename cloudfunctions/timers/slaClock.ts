import type { TemplateKey } from '../../types/appeal';
import { appealPage, slaResidentMessage, slaStaffMessage } from '../domain/messages';
import type { AppealRecord, OwedMessage, StaffRecord } from '../domain/records';
import { keepClock, marksOf } from '../domain/slaTimer';
import { notify, type Notified, type Outgoing } from '../kit/notify';
import type { Ports } from '../kit/ports';
import { dueForTimer, saveAppeal, settleTimer } from '../store/appeals';
import { outboxStatuses } from '../store/outbox';
import { templateIds } from '../store/settings';
import { chiefsOfGrids, staffAbove } from '../store/staff';

/** Due appeals read per query, and how many are written at once (the time is checked between groups). */
const BATCH = 100;
const PARALLEL = 5;

export type ClockRun = { reminded: number; escalated: number; overdue: number; messages: number };

/** Runs `work` over `items`, `PARALLEL` at a time, while the run's time lasts. */
async function eachInTime<T>(ports: Ports, deadline: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length && ports.clock.now().getTime() <= deadline; i += PARALLEL) {
    await Promise.all(items.slice(i, i + PARALLEL).map(work));
  }
}

/**
 * Keeps every appeal's promise (DESIGN §1 "有呼必应、当日必达"): reminds before each deadline and,
 * when one passes, marks it missed and raises the appeal a level, then tells whoever it owes.
 * Works through due appeals earliest first in batches until `deadline` (ms since epoch), leaving
 * the rest to the next run. Each step is saved with a version check, so two runs at once never
 * take one step twice; its messages are owed in that same write and sent under fixed outbox ids,
 * so a run that dies between the two sends them next time, once.
 */
export async function keepPromises(ports: Ports, deadline: number): Promise<ClockRun> {
  const run: ClockRun = { reminded: 0, escalated: 0, overdue: 0, messages: 0 };
  while (ports.clock.now().getTime() <= deadline) {
    const now = ports.clock.now();
    const due = await dueForTimer(ports.db, now, BATCH);
    const owing: AppealRecord[] = [];
    await eachInTime(ports, deadline, due, async (appeal) => {
      const next = keepClock(appeal, now);
      if (!next) {
        // Owed messages from an earlier run, or a due time another write left behind.
        if (marksOf(appeal).owed.length) owing.push(appeal);
        else await settleTimer(ports.db, appeal);
        return;
      }
      // Not saved: someone changed it meanwhile; the next query reads it afresh.
      if (!(await saveAppeal(ports.db, appeal, next))) return;
      count(run, appeal, next);
      owing.push(next);
    });
    run.messages += await sendOwed(ports, deadline, owing);
    if (due.length < BATCH) break;
  }
  return run;
}

function count(run: ClockRun, before: AppealRecord, after: AppealRecord): void {
  for (const event of after.timeline.slice(before.timeline.length)) {
    if (event.type === 'escalated') run.escalated += 1;
    if (event.type === 'overdue') run.overdue += 1;
  }
  run.reminded += marksOf(after).reminded.length - marksOf(before).reminded.length;
}

type Recipients = { chiefs: Map<string, StaffRecord>; above: StaffRecord[]; templates: Record<TemplateKey, string> };

/** Who hears of a step: the filer; or the staff of the level it concerns, a grid's chief first. */
function staffAt(r: Recipients, appeal: AppealRecord, owed: OwedMessage): { first: StaffRecord[]; fallback: StaffRecord[] } {
  const holds = (role: string, key: 'communityId' | 'streetId', id: string) => (s: StaffRecord) => s.roles.some((x) => x.role === role && (x as Record<string, string>)[key] === id);
  const community = r.above.filter(holds('community', 'communityId', appeal.communityId));
  if (owed.level === 'street') return { first: r.above.filter(holds('street', 'streetId', appeal.streetId)), fallback: [] };
  if (owed.level === 'community') return { first: community, fallback: [] };
  const chief = r.chiefs.get(appeal.gridId);
  // 催办 to a grid: its chief, or, when the chief has no reminder left (or none is bound), the community.
  return chief ? { first: [chief], fallback: community } : { first: community, fallback: [] };
}

const outboxId = (appeal: AppealRecord, owed: OwedMessage, openid: string) => `${appeal._id}:${owed.key}:${openid}`;

/**
 * Sends what the given appeals owe and settles each (the owed messages left, the next due time).
 * Recipients are read for the whole batch in two round trips, and what an earlier run already
 * recorded in one, so a resent step costs no consent. Returns the messages recorded now.
 */
async function sendOwed(ports: Ports, deadline: number, owing: AppealRecord[]): Promise<number> {
  if (!owing.length) return 0;
  const { db } = ports;
  const [chiefs, above, templates] = await Promise.all([
    chiefsOfGrids(db, [...new Set(owing.map((a) => a.gridId))]),
    staffAbove(db, [...new Set(owing.map((a) => a.communityId))], [...new Set(owing.flatMap((a) => (marksOf(a).owed.some((o) => o.level === 'street') ? [a.streetId] : [])))]),
    templateIds(db),
  ]);
  const r: Recipients = { chiefs, above, templates };
  const plans = owing.map((appeal) => ({ appeal, owed: marksOf(appeal).owed }));
  const ids = plans.flatMap(({ appeal, owed }) =>
    owed.flatMap((o) => {
      if (o.audience === 'resident') return [outboxId(appeal, o, appeal.residentOpenid)];
      const { first, fallback } = staffAt(r, appeal, o);
      return [...first, ...fallback].map((s) => outboxId(appeal, o, s.openid));
    }),
  );
  const recorded = await outboxStatuses(db, ids);
  let sent = 0;
  await eachInTime(ports, deadline, plans, async ({ appeal, owed }) => {
    const left: OwedMessage[] = [];
    for (const o of owed) {
      const outcome = await deliver(ports, r, recorded, appeal, o);
      if (outcome.unrecorded) left.push(o);
      sent += outcome.recorded;
    }
    await settleTimer(db, { ...appeal, sla: { ...marksOf(appeal), owed: left } });
  });
  return sent;
}

/** One owed message to each of its recipients, skipping those an earlier run recorded. */
async function deliver(ports: Ports, r: Recipients, recorded: Map<string, string>, appeal: AppealRecord, o: OwedMessage) {
  const result = { recorded: 0, unrecorded: false };
  const send = async (touser: string, message: Pick<Outgoing, 'template' | 'data'>): Promise<Notified> => {
    const id = outboxId(appeal, o, touser);
    const earlier = recorded.get(id);
    if (earlier) return earlier === 'skipped' ? 'skipped' : 'duplicate';
    const outcome = await notify(ports, { ...message, touser, page: appealPage(appeal), appealId: appeal._id }, { id, templates: r.templates });
    if (outcome === 'unrecorded') result.unrecorded = true;
    else if (outcome !== 'duplicate') result.recorded += 1;
    return outcome;
  };
  if (o.audience === 'resident') {
    await send(appeal.residentOpenid, slaResidentMessage(appeal, o, ports.clock.now()));
    return result;
  }
  const message = slaStaffMessage(appeal, o);
  const { first, fallback } = staffAt(r, appeal, o);
  const outcomes = [];
  for (const s of first) outcomes.push(await send(s.openid, message));
  if (outcomes.every((x) => x === 'skipped')) for (const s of fallback) await send(s.openid, message);
  return result;
}
