import type { DB } from 'wx-server-sdk/index';
import { APPEAL_LIMITS, type AppealStatus } from '../../types/appeal';
import { DEADLINE_KINDS, type AppealSource } from '../../types/vocabulary';
import { OPEN_STATUSES } from '../domain/appeal';
import type { Span } from '../domain/ledger';
import { currentDeadline } from '../domain/sla';
import { timerDueAt } from '../domain/slaTimer';
import { earliestOwed } from '../domain/supervision';
import { docsOf, listOf } from './results';
import type { AppealRecord, StaffRecord } from '../domain/records';

/**
 * Paging keys kept on each appeal as plain strings: ISO time then id, so one string field
 * orders and resumes a list (newest first by `sortKey`, most urgent first by `dueKey`, the
 * running deadline, or by `owedKey`, the earliest deadline still owed, 到场 included).
 */
const NO_DEADLINE = '9999-12-31T23:59:59.999Z';
const keyAt = (due: Date | null, id: string) => `${due ? new Date(due).toISOString() : NO_DEADLINE}_${id}`;
export const sortKey = (a: Pick<AppealRecord, '_id' | 'createdAt'>) => `${new Date(a.createdAt).toISOString()}_${a._id}`;
export const dueKey = (a: AppealRecord) => keyAt(currentDeadline(a), a._id);
export const owedKey = (a: AppealRecord) => keyAt(earliestOwed(a), a._id);

const PAGE = APPEAL_LIMITS.pageSize;
const LIST_FIELDS = { timeline: false, media: false } as const;

/** Derived fields kept beside the record so lists and the timer query by index. */
const derived = (a: AppealRecord) => ({ dueKey: dueKey(a), owedKey: owedKey(a), timerDue: timerDueAt(a) });

/** An appeal as the collection stores it, with its derived fields (for seeding, e.g. the bench). */
export const storedForm = (appeal: AppealRecord) => ({ ...appeal, sortKey: sortKey(appeal), ...derived(appeal) });

type Stored = AppealRecord & { sortKey: string; dueKey: string; owedKey: string; timerDue: Date | null };
export type AppealPage = { items: AppealRecord[]; cursor: string | null };

const appeals = (db: DB.Database) => db.collection('appeals');

export async function getAppeal(db: DB.Database, id: string): Promise<AppealRecord | null> {
  const [appeal] = docsOf<AppealRecord>(await appeals(db).where({ _id: id }).limit(1).get());
  return appeal ?? null;
}

/**
 * The appeal of `id` and the staff record of `openid` (null when there is none), in one round
 * trip: the staff record is joined inside the database by an uncorrelated sub-pipeline (a plain
 * `$match` on `openid`, which the staff index on `openid` serves). null when no appeal has that id.
 */
export async function appealWithStaff(db: DB.Database, id: string, openid: string): Promise<{ appeal: AppealRecord; staff: StaffRecord | null } | null> {
  const [found] = listOf<AppealRecord & { callerStaff: StaffRecord[] }>(
    await appeals(db)
      .aggregate()
      .match({ _id: id })
      .limit(1)
      .lookup({ from: 'staff', pipeline: [{ $match: { openid } }, { $limit: 1 }], as: 'callerStaff' })
      .end(),
  );
  if (!found) return null;
  const { callerStaff, ...appeal } = found;
  return { appeal, staff: callerStaff[0] ?? null };
}

/** Inserts a new appeal; a duplicate `_id` (the same submit again) surfaces as E11000. */
export async function insertAppeal(db: DB.Database, appeal: AppealRecord): Promise<void> {
  await appeals(db).add({ data: storedForm(appeal) });
}

/**
 * Writes what a transition changed, only if nobody else changed the appeal since it was read
 * (its version): new timeline events are appended, changed fields replaced whole. False when the
 * stored appeal had moved on (nothing written): the caller decides what that means.
 */
export async function saveAppeal(db: DB.Database, before: AppealRecord, next: AppealRecord): Promise<boolean> {
  const _ = db.command;
  const changes: Record<string, unknown> = { ...derived(next) };
  for (const key of Object.keys(next) as Array<keyof AppealRecord>) {
    if (key === '_id' || key === 'timeline') continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) changes[key] = _.set(next[key] as never);
  }
  const added = next.timeline.slice(before.timeline.length);
  if (added.length) changes.timeline = _.push(added as never);
  const { stats } = (await appeals(db).where({ _id: before._id, version: before.version }).update({ data: changes })) as { stats: { updated: number } };
  return stats.updated === 1;
}

function page(items: Stored[], key: 'sortKey' | 'dueKey' | 'owedKey'): AppealPage {
  return { items, cursor: items.length === PAGE ? items[items.length - 1][key] : null };
}

/** A resident's own appeals, newest first: never the staff reports (上报) they filed as staff. */
export async function listMine(db: DB.Database, openid: string, status: AppealStatus | undefined, cursor: string | undefined): Promise<AppealPage> {
  const _ = db.command;
  const where: Record<string, unknown> = { residentOpenid: openid, source: _.neq('staff') };
  if (status) where.status = status;
  if (cursor) where.sortKey = _.lt(cursor);
  const items = docsOf<Stored>(await appeals(db).where(where).orderBy('sortKey', 'desc').field(LIST_FIELDS).limit(PAGE).get());
  return page(items, 'sortKey');
}

export type InboxScope = { gridIds: string[]; communityIds: string[]; streetIds: string[] };

/**
 * Appeals a staff member answers for, most urgent first. Held appeals reach community and
 * street staff only: the grid sees them once released.
 */
export async function listInbox(db: DB.Database, scope: InboxScope, status: AppealStatus | undefined, cursor: string | undefined): Promise<AppealPage> {
  const _ = db.command;
  const statuses = status ? [status] : [...OPEN_STATUSES, 'held' as const];
  const forGrid = statuses.filter((s) => s !== 'held');
  const reach = [
    scope.gridIds.length && forGrid.length ? { gridId: _.in(scope.gridIds), status: _.in(forGrid) } : null,
    scope.communityIds.length ? { communityId: _.in(scope.communityIds), status: _.in(statuses) } : null,
    scope.streetIds.length ? { streetId: _.in(scope.streetIds), status: _.in(statuses) } : null,
  ].filter((c) => c !== null);
  if (!reach.length) return { items: [], cursor: null };
  const conditions = [_.or(reach), ...(cursor ? [{ dueKey: _.gt(cursor) }] : [])];
  const items = docsOf<Stored>(await appeals(db).where(_.and(conditions)).orderBy('dueKey', 'asc').field(LIST_FIELDS).limit(PAGE).get());
  return page(items, 'dueKey');
}

/** What a grid's ledger asks for: `statuses` are those the reader may see (never empty). */
export type LedgerQuery = {
  gridId: string;
  statuses: AppealStatus[];
  source?: AppealSource;
  /** true: only those that missed a deadline (`isLate` in types/appeal); false: only those that did not. */
  overdue?: boolean;
  /** Filed within it (by `createdAt`). */
  span?: Span;
  now: Date;
  cursor?: string;
};

/**
 * One page of a grid's ledger (问题台账): its appeals and staff reports, newest first, in one query
 * over the index `grid_newest` (gridId, sortKey). A month is a range of `sortKey` (it begins with
 * the ISO `createdAt`), so it needs no field of its own. Late means what `isLate` says of a
 * summary: the timer marked a missed deadline (`sla.missed`), or a deadline still owed (`owedKey`,
 * 到场 included, `9999-…` when none is) is before `now`. A resident's appeal stored before `source` existed
 * has none and counts as a resident's.
 */
export async function listLedger(db: DB.Database, q: LedgerQuery): Promise<AppealPage> {
  const _ = db.command;
  const now = q.now.toISOString();
  const late = [{ 'sla.missed': _.in([...DEADLINE_KINDS]) }, { owedKey: _.lt(now) }];
  const onTime = [{ 'sla.missed': _.nin([...DEADLINE_KINDS]) }, { owedKey: _.gte(now) }];
  const before = [q.span?.to.toISOString(), q.cursor].filter((k): k is string => !!k).sort()[0];
  const conditions: object[] = [
    { gridId: q.gridId, status: _.in(q.statuses) },
    ...(q.source ? [{ source: q.source === 'staff' ? 'staff' : _.neq('staff') }] : []),
    ...(q.overdue === undefined ? [] : q.overdue ? [_.or(late)] : onTime),
    ...(q.span ? [{ sortKey: _.gte(q.span.from.toISOString()) }] : []),
    ...(before ? [{ sortKey: _.lt(before) }] : []),
  ];
  const items = docsOf<Stored>(await appeals(db).where(_.and(conditions)).orderBy('sortKey', 'desc').field(LIST_FIELDS).limit(PAGE).get());
  return page(items, 'sortKey');
}

/**
 * The supervision board: open appeals of those communities and streets whose earliest owed
 * deadline falls before `before` (overdue or near-due), most urgent first, a page from `cursor`.
 * One query, over the `community_owed` and `street_owed` indexes.
 */
export async function listBoard(db: DB.Database, scope: Pick<InboxScope, 'communityIds' | 'streetIds'>, before: Date, cursor: string | undefined): Promise<AppealPage> {
  const _ = db.command;
  const open = _.in(OPEN_STATUSES);
  const reach = [
    scope.communityIds.length ? { communityId: _.in(scope.communityIds), status: open } : null,
    scope.streetIds.length ? { streetId: _.in(scope.streetIds), status: open } : null,
  ].filter((c) => c !== null);
  if (!reach.length) return { items: [], cursor: null };
  const conditions = [_.or(reach), { owedKey: _.lt(before.toISOString()) }, ...(cursor ? [{ owedKey: _.gt(cursor) }] : [])];
  const items = docsOf<Stored>(await appeals(db).where(_.and(conditions)).orderBy('owedKey', 'asc').field(LIST_FIELDS).limit(PAGE).get());
  return page(items, 'owedKey');
}

/** Resolved appeals whose rating window has passed, oldest first. */
export async function listUnratedSince(db: DB.Database, resolvedBefore: Date): Promise<AppealRecord[]> {
  return docsOf<AppealRecord>(
    await appeals(db).where({ status: 'resolved', resolvedAt: db.command.lte(resolvedBefore) }).orderBy('resolvedAt', 'asc').limit(100).get(),
  );
}

/** Appeals holding a photo whose asynchronous media check carries this trace id. */
export async function appealsWithMediaTrace(db: DB.Database, traceId: string): Promise<AppealRecord[]> {
  return docsOf<AppealRecord>(await appeals(db).where({ 'media.traceId': traceId }).limit(10).get());
}

/**
 * Open appeals on which the SLA timer has work at `now` (a reminder, a deadline, an owed message),
 * the earliest first: one indexed query (`timer_due`).
 */
export async function dueForTimer(db: DB.Database, now: Date, limit: number): Promise<AppealRecord[]> {
  return docsOf<AppealRecord>(await appeals(db).where({ timerDue: db.command.lte(now) }).orderBy('timerDue', 'asc').limit(limit).get());
}

/**
 * Open appeals stored before the timer's fields existed (no `timerDue`): nothing would find them
 * due. One query over the `unrated` index (status first); `settleTimer` writes their fields.
 */
export async function appealsWithoutTimerDue(db: DB.Database, limit: number): Promise<AppealRecord[]> {
  const _ = db.command;
  return docsOf<AppealRecord>(await appeals(db).where({ status: _.in(OPEN_STATUSES), timerDue: _.exists(false) }).limit(limit).get());
}

/**
 * The timer's bookkeeping after it sent what an appeal owed (or found one stored before its fields
 * existed): the messages still owed, the next time it has work and the list keys, written only if the appeal is still at the version the timer saved (otherwise
 * whoever changed it rewrote `timerDue`, and a message left owed is sent, once, by the next run).
 * The version is not bumped: this changes nothing staff or the filer act on.
 */
export async function settleTimer(db: DB.Database, appeal: AppealRecord): Promise<boolean> {
  const _ = db.command;
  const { stats } = (await appeals(db)
    .where({ _id: appeal._id, version: appeal.version })
    .update({ data: { 'sla.owed': _.set(appeal.sla?.owed ?? []), ...derived(appeal) } })) as { stats: { updated: number } };
  return stats.updated === 1;
}
