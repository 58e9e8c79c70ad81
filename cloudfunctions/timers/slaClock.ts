import type { TemplateKey } from '../../types/appeal';
import { appealPage, slaResidentMessage, slaStaffMessage } from '../domain/messages';
import type { AppealRecord, OwedMessage, StaffRecord } from '../domain/records';
import { keepClock, marksOf } from '../domain/slaTimer';
import { notify, type Notified } from '../kit/notify';
import type { Ports } from '../kit/ports';
import { appealsWithoutTimerDue, dueForTimer, saveAppeal, settleTimer } from '../store/appeals';
import { outboxStatuses } from '../store/outbox';
import { templateIds } from '../store/settings';
import { chiefsOfGrids, staffAbove } from '../store/staff';

/**
 * Due appeals read per query, and how many are worked at once: each costs a save, its messages and
 * a settle, round trips that wait on each other, so several appeals go side by side.
 */
const BATCH = 100;
const PARALLEL = 20;

export type ClockRun = { reminded: number; escalated: number; overdue: number; messages: number };

/**
 * Runs `work` over `items` in order, `PARALLEL` at a time, each started only while the run's time
 * lasts: a run overshoots its deadline by at most the appeals already in hand.
 */
async function eachInTime<T>(ports: Ports, deadline: number, items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && ports.clock.now().getTime() <= deadline) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/**
 * Keeps every appeal's promise (DESIGN §1 "有呼必应、当日必达"): reminds before each deadline and,
 * when one passes, marks it missed and raises the appeal a level, then tells whoever it owes.
 * Works through due appeals earliest first (messages still owed before any deadline) in batches
 * until `deadline` (ms since epoch), leaving the rest to the next run. Each appeal is finished
 * before the next group starts: its step is saved with a version check, so two runs at once never
 * take one step twice; its messages are owed in that same write and sent under fixed outbox ids,
 * so a run that dies between the two sends them next time, once.
 */
export async function keepPromises(ports: Ports, deadline: number): Promise<ClockRun> {
  const run: ClockRun = { reminded: 0, escalated: 0, overdue: 0, messages: 0 };
  // Appeals stored before the timer existed get its fields first; the query below then finds them due.
  await eachInTime(ports, deadline, await appealsWithoutTimerDue(ports.db, BATCH), async (appeal) => void (await settleTimer(ports.db, appeal)));
  while (ports.clock.now().getTime() <= deadline) {
    const now = ports.clock.now();
    const due = await dueForTimer(ports.db, now, BATCH);
    if (!due.length) break;
    const r = await recipientsFor(ports, due);
    await eachInTime(ports, deadline, due, async (appeal) => {
      const next = keepClock(appeal, now);
      if (next) {
        // Not saved: someone changed it meanwhile; the next query reads it afresh.
        if (!(await saveAppeal(ports.db, appeal, next))) return;
        count(run, appeal, next);
      }
      const current = next ?? appeal;
      // Nothing owed: a due time another write left behind, set right.
      if (!marksOf(current).owed.length) return void (await settleTimer(ports.db, current));
      // read after the await: workers run side by side, and `+= await` would add to a stale count
      const sent = await sendOwed(ports, r, current);
      run.messages += sent;
    });
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

/** Who may be told of a batch's steps, and what an earlier run already recorded for it. */
type Recipients = { chiefs: Map<string, StaffRecord>; above: StaffRecord[]; templates: Record<TemplateKey, string>; recorded: Map<string, string> };

/**
 * Reads, for a whole batch at once, its grids' chiefs, the staff of its communities and streets,
 * the template ids, and the outbox records of messages owed since an earlier run (one that died
 * after its step, or ran out of time): four round trips side by side, none per appeal.
 */
async function recipientsFor(ports: Ports, due: AppealRecord[]): Promise<Recipients> {
  const { db } = ports;
  const unique = (ids: string[]) => [...new Set(ids)];
  const owing = due.filter((a) => marksOf(a).owed.length);
  const [chiefs, above, templates] = await Promise.all([
    chiefsOfGrids(db, unique(due.map((a) => a.gridId))),
    staffAbove(db, unique(due.map((a) => a.communityId)), unique(due.map((a) => a.streetId))),
    templateIds(db),
  ]);
  const partial = { chiefs, above, templates, recorded: new Map<string, string>() };
  const ids = owing.flatMap((appeal) => marksOf(appeal).owed.flatMap((o) => recipientsOf(partial, appeal, o).all.map((openid) => outboxId(appeal, o, openid))));
  return { ...partial, recorded: await outboxStatuses(db, ids) };
}

const servesCommunity = (id: string) => (s: StaffRecord) => s.roles.some((x) => x.role === 'community' && x.communityId === id);
const servesStreet = (id: string) => (s: StaffRecord) => s.roles.some((x) => x.role === 'street' && x.streetId === id);

/** Who hears of a step: the filer; or the staff of the level it concerns, a grid's chief first. */
function recipientsOf(r: Pick<Recipients, 'chiefs' | 'above'>, appeal: AppealRecord, owed: OwedMessage): { first: string[]; fallback: string[]; all: string[] } {
  const openids = (staff: StaffRecord[]) => staff.map((s) => s.openid);
  const community = openids(r.above.filter(servesCommunity(appeal.communityId)));
  const chief = r.chiefs.get(appeal.gridId);
  const [first, fallback] =
    owed.audience === 'resident'
      ? [[appeal.residentOpenid], []]
      : owed.level === 'street'
        ? [openids(r.above.filter(servesStreet(appeal.streetId))), []]
        : owed.level === 'community' || !chief
          ? [community, []]
          : // 催办 to a grid: its chief, or, when the chief has no reminder left, the community.
            [[chief.openid], community];
  return { first, fallback, all: [...first, ...fallback] };
}

const outboxId = (appeal: AppealRecord, owed: OwedMessage, openid: string) => `${appeal._id}:${owed.key}:${openid}`;

/** Sends what one appeal owes and settles it (the messages left owed, its next due time); returns the messages recorded now. */
async function sendOwed(ports: Ports, r: Recipients, appeal: AppealRecord): Promise<number> {
  const left: OwedMessage[] = [];
  let recorded = 0;
  for (const o of marksOf(appeal).owed) {
    const outcome = await deliver(ports, r, appeal, o);
    if (outcome.unrecorded) left.push(o);
    recorded += outcome.recorded;
  }
  await settleTimer(ports.db, { ...appeal, sla: { ...marksOf(appeal), owed: left } });
  return recorded;
}

/** One owed message to each of its recipients, skipping those an earlier run recorded. */
async function deliver(ports: Ports, r: Recipients, appeal: AppealRecord, o: OwedMessage) {
  const result = { recorded: 0, unrecorded: false };
  const message = o.audience === 'resident' ? slaResidentMessage(appeal, o, ports.clock.now()) : slaStaffMessage(appeal, o);
  const send = async (touser: string): Promise<Notified> => {
    const id = outboxId(appeal, o, touser);
    const earlier = r.recorded.get(id);
    if (earlier) return earlier === 'skipped' ? 'skipped' : 'duplicate';
    const outcome = await notify(ports, { ...message, touser, page: appealPage(appeal), appealId: appeal._id }, { id, templates: r.templates });
    if (outcome === 'unrecorded') result.unrecorded = true;
    else if (outcome !== 'duplicate') result.recorded += 1;
    return outcome;
  };
  const { first, fallback } = recipientsOf(r, appeal, o);
  const outcomes: Notified[] = [];
  for (const openid of first) outcomes.push(await send(openid));
  if (outcomes.every((x) => x === 'skipped')) for (const openid of fallback) await send(openid);
  return result;
}
