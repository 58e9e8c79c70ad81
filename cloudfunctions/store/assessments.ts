import type { DB } from 'wx-server-sdk/index';
import type { GridAssessment } from '../../types/assessment';
import type { ActivityTally, AppealTally, AssessedGrid } from '../domain/assessment';
import type { Span } from '../domain/ledger';
import { householdKey } from '../domain/figureRecords';
import type { HouseholdRecord } from '../domain/presence';
import { docsOf, listOf } from './results';

/**
 * The monthly assessment's reads and writes. Each tally is one aggregate over all the grids asked
 * about (grouped by grid), so a street's or the city's month costs the same number of round
 * trips whatever its number of grids. Uses only stages and operators the local cloud's contract
 * covers and CloudBase documents: match, unwind, addFields, project, group, sort, limit; $dateToString with a
 * fixed `+08:00` timezone, $filter, $arrayElemAt, $ifNull, $cond, $and, $ne, $eq, $gt, $gte, $lte,
 * $size, $sum, $addToSet.
 *
 * Check-ins and households are read as `domain/presence.ts` stores them (`CheckInRecord`,
 * `HouseholdRecord`).
 */

/** Far above a city's grids (Zoucheng: ~1,410); an aggregate without `$limit` stops at 20. */
const GRIDS_LIMIT = 5000;

/** A Zoucheng calendar day `YYYY-MM-DD` of the date at `path`. */
const dayOf = (path: string) => ({ $dateToString: { date: path, format: '%Y-%m-%d', timezone: '+08:00' } });
/** 1 when `condition` holds, else 0: what a `$sum` counts. */
const one = (condition: unknown) => ({ $cond: [condition, 1, 0] });
/** The value at `path` is there and not null. */
const present = (path: string) => ({ $ne: [{ $ifNull: [path, null] }, null] });
/** The date at `path` is there and no later than the date at `by`. */
const byDeadline = (path: string, by: string) => ({ $and: [present(path), { $lte: [path, by] }] });

type GridDays = { _id: string; days: string[] };

const within = (db: DB.Database, span: Span) => db.command.and([db.command.gte(span.from), db.command.lt(span.to)]);

/** A `$group`'s sum of each of `fields`. */
const sumsOf = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, { $sum: `$${field}` }]));

/**
 * Per check-in, what the assessment counts of it (a `$project` stage): its grid, its Zoucheng
 * `day` (for online days) and 0/1 flags `patrols`, `verifiedPatrols` (a patrol not flagged) and
 * `visits`. The tally sums them per grid; `assessment.behind` lists check-ins with them.
 */
export const checkInFlags = {
  gridId: 1,
  day: dayOf('$at'),
  patrols: one({ $eq: ['$kind', 'patrol'] }),
  verifiedPatrols: one({ $and: [{ $eq: ['$kind', 'patrol'] }, { $eq: ['$verified', true] }] }),
  visits: one({ $eq: ['$kind', 'visit'] }),
};

/** Residents' appeals (`source` absent or `resident`), not staff reports. */
const resident = { $ne: ['$source', 'staff'] };
/** The appeal's first timeline event of `type`. */
const first = (type: string) => ({ $arrayElemAt: [{ $filter: { input: '$timeline', as: 'e', cond: { $eq: ['$$e.type', type] } } }, 0] });
/** How many cards of `card` (`yellow`, `red`) the appeal was given. */
const cards = (card: string) => ({ $size: { $filter: { input: { $ifNull: ['$supervision', []] }, as: 'c', cond: { $eq: ['$$c.card', card] } } } });

/** The fields `appealFlags` reads that an appeal does not store (an `$addFields` stage before it): its first `accepted` and `arrived` events. */
export const appealFacts = { accepted: first('accepted'), arrived: first('arrived') };

/**
 * Per appeal, what the assessment counts of it (a `$project` stage after `appealFacts`): its grid
 * and the 0/1 flags (the cards and the rating as counts) `AppealTally` sums. The tally sums them
 * per grid; `assessment.behind` lists appeals with them. One place says what counts.
 */
export const appealFlags = {
  gridId: 1,
  staffReports: one({ $eq: ['$source', 'staff'] }),
  residentAppeals: one(resident),
  acceptedInTime: one({ $and: [resident, byDeadline('$accepted.at', '$deadlines.acceptBy')] }),
  onSiteInTime: one({ $and: [resident, byDeadline('$arrived.at', '$deadlines.onSiteBy')] }),
  resolved: one({ $and: [resident, present('$resolvedAt')] }),
  resolvedOnTime: one({ $and: [resident, byDeadline('$resolvedAt', '$deadlines.resolveBy')] }),
  redone: one({ $and: [resident, { $gt: ['$reopenCount', 0] }] }),
  yellowCards: cards('yellow'),
  redCards: cards('red'),
  rated: one({ $and: [resident, present('$rating.score')] }),
  ratingSum: { $cond: [resident, { $ifNull: ['$rating.score', 0] }, 0] },
  satisfied: one({ $and: [resident, { $gte: [{ $ifNull: ['$rating.score', 0] }, 4] }] }),
};

/** The appeals a month's assessment counts (a `$match`): those of `gridIds` filed in `span`, not held. */
export const appealsCounted = (db: DB.Database, gridIds: string[], span: Span) => ({ gridId: db.command.in(gridIds), createdAt: within(db, span), status: db.command.neq('held') });

/** The check-ins a month's assessment counts (a `$match`): those of `gridIds` made in `span`. */
export const checkInsCounted = (db: DB.Database, gridIds: string[], span: Span) => ({ gridId: db.command.in(gridIds), at: within(db, span) });

/** The grids' 六必访 households kept by `asOf`: what coverage counts households of. */
const householdsKept = (db: DB.Database, gridIds: string[], asOf: Date) => ({ gridId: db.command.in(gridIds), createdAt: db.command.lt(asOf) });

/** Verified visits made before `asOf` whose household's interval still reaches it: a household with one is covered. */
const coveringVisits = (db: DB.Database, gridIds: string[], asOf: Date) => ({
  gridId: db.command.in(gridIds),
  kind: 'visit',
  verified: true,
  at: db.command.lt(asOf),
  coversUntil: db.command.gte(asOf),
});

/**
 * Per grid, the days of `span` with any staff action, the check-ins counted and its 六必访
 * coverage as of `asOf` (the month's end, or now while the month runs): five aggregates at once
 * (check-ins; appeal timeline events by staff while the appeal was at the grid, counted for the
 * grid it was at; notices to the grid; households kept by `asOf`; verified visits made before
 * `asOf` whose interval reaches it, each household once). A grid with none of these is absent.
 */
export async function activityTallies(db: DB.Database, gridIds: string[], span: Span, asOf: Date): Promise<Map<string, ActivityTally>> {
  const _ = db.command;
  const [checkins, actions, notices, kept, covered] = await Promise.all([
    db
      .collection('checkins')
      .aggregate()
      .match(checkInsCounted(db, gridIds, span))
      .project(checkInFlags)
      .group({ _id: '$gridId', days: { $addToSet: '$day' }, ...sumsOf(['patrols', 'verifiedPatrols', 'visits']) })
      .limit(GRIDS_LIMIT)
      .end(),
    db
      .collection('appeals')
      .aggregate()
      .match({ updatedAt: _.gte(span.from), createdAt: _.lt(span.to) })
      .unwind('$timeline')
      .match({ 'timeline.at': within(db, span), 'timeline.actor.kind': 'staff', 'timeline.before.level': 'grid', 'timeline.before.gridId': _.in(gridIds) })
      .group({ _id: '$timeline.before.gridId', days: { $addToSet: dayOf('$timeline.at') } })
      .limit(GRIDS_LIMIT)
      .end(),
    db
      .collection('notices')
      .aggregate()
      .match({ 'scope.kind': 'grid', 'scope.id': _.in(gridIds), publishedAt: within(db, span) })
      .group({ _id: '$scope.id', days: { $addToSet: dayOf('$publishedAt') } })
      .limit(GRIDS_LIMIT)
      .end(),
    db
      .collection('households')
      .aggregate()
      .match(householdsKept(db, gridIds, asOf))
      .group({ _id: '$gridId', households: { $sum: 1 } })
      .limit(GRIDS_LIMIT)
      .end(),
    db
      .collection('checkins')
      .aggregate()
      .match(coveringVisits(db, gridIds, asOf))
      .group({ _id: '$gridId', rooms: { $addToSet: { building: '$household.building', room: '$household.room' } } })
      .limit(GRIDS_LIMIT)
      .end(),
  ]);
  const counted = new Map(listOf<{ _id: string } & Pick<ActivityTally, 'patrols' | 'verifiedPatrols' | 'visits'>>(checkins).map((c) => [c._id, c]));
  const days = new Map<string, Set<string>>();
  for (const grid of [...listOf<GridDays>(checkins), ...listOf<GridDays>(actions), ...listOf<GridDays>(notices)]) {
    days.set(grid._id, new Set([...(days.get(grid._id) ?? []), ...grid.days]));
  }
  const households = new Map(listOf<{ _id: string; households: number }>(kept).map((k) => [k._id, k.households]));
  const visited = new Map(listOf<{ _id: string; rooms: unknown[] }>(covered).map((c) => [c._id, c.rooms.length]));
  const gridsSeen = new Set([...days.keys(), ...households.keys(), ...visited.keys()]);
  return new Map(
    [...gridsSeen].map((gridId) => {
      const c = counted.get(gridId);
      return [
        gridId,
        {
          onlineDays: days.get(gridId)?.size ?? 0,
          patrols: c?.patrols ?? 0,
          verifiedPatrols: c?.verifiedPatrols ?? 0,
          visits: c?.visits ?? 0,
          households: households.get(gridId) ?? 0,
          householdsCovered: visited.get(gridId) ?? 0,
        },
      ];
    }),
  );
}

/**
 * Per grid, its appeals filed in `span` (not held) counted as `AppealTally` says, in one
 * aggregate: staff reports (`source` `staff`) only as reports and for their cards; residents'
 * appeals (`source` absent or `resident`) for everything. 受理 in time is the first `accepted`
 * event no later than `deadlines.acceptBy`; 当日必达 is `onSiteAt` no later than
 * `deadlines.onSiteBy` proven by a scan: the first `arrived` event (a verified 到场 check-in), not
 * `onSiteAt`, which a reply's on-site claim also sets to stop the clock; each against the
 * deadline as it stands (a card or 延期 may have moved it). A grid with none is absent.
 */
export async function appealTallies(db: DB.Database, gridIds: string[], span: Span): Promise<Map<string, AppealTally>> {
  const result = await db
    .collection('appeals')
    .aggregate()
    .match(appealsCounted(db, gridIds, span))
    .addFields(appealFacts)
    .project(appealFlags)
    .group({
      _id: '$gridId',
      ...sumsOf(['staffReports', 'residentAppeals', 'acceptedInTime', 'onSiteInTime', 'resolved', 'resolvedOnTime', 'redone', 'yellowCards', 'redCards', 'rated', 'ratingSum', 'satisfied']),
    })
    .limit(GRIDS_LIMIT)
    .end();
  return new Map(listOf<AppealTally & { _id: string }>(result).map(({ _id, ...tally }) => [_id, tally]));
}

const assessments = (db: DB.Database) => db.collection('assessments');

/**
 * Stores street `streetId`'s documents for `month` in place of all it had for that month (a grid
 * retired since is dropped): one removal, then one multi-document insert (all or nothing).
 * Recomputing writes the same documents again.
 */
export async function replaceAssessments(db: DB.Database, month: string, streetId: string, docs: GridAssessment[]): Promise<void> {
  await assessments(db).where({ month, streetId }).remove();
  if (docs.length) await assessments(db).add({ data: docs });
}

/** The stored fields a grid's record shows (everything but the policy). */
const SHOWN = { policy: 0 };

/** A month's documents of one street or one community, best first (score, then grid code). */
export async function assessmentsOf(db: DB.Database, month: string, place: { streetId: string } | { communityId: string }): Promise<GridAssessment[]> {
  return listOf<GridAssessment>(
    await assessments(db).aggregate().match({ month, ...place }).sort({ score: -1, gridCode: 1 }).limit(GRIDS_LIMIT).end(),
  );
}

/** Every grid's score in `month` across the city: what city ranks are counted from. */
export async function cityScores(db: DB.Database, month: string): Promise<Array<{ id: string; score: number }>> {
  const list = listOf<{ _id: string; score: number }>(await assessments(db).aggregate().match({ month }).project({ score: 1 }).limit(GRIDS_LIMIT).end());
  return list.map(({ _id, score }) => ({ id: _id, score }));
}

/** One grid's documents for `months`, oldest first. */
export async function gridAssessments(db: DB.Database, gridId: string, months: string[]): Promise<GridAssessment[]> {
  return listOf<GridAssessment>(
    await assessments(db).aggregate().match({ gridId, month: db.command.in(months) }).project(SHOWN).sort({ month: 1 }).limit(months.length).end(),
  );
}

/** How many grids of the city scored above `score` in `month`. */
export async function scoredAbove(db: DB.Database, month: string, score: number): Promise<number> {
  const { total } = (await assessments(db).where({ month, score: db.command.gt(score) }).count()) as { total: number };
  return total;
}

/** A street's active grids as the assessment names them, in one aggregate. */
export async function activeGridsOfStreet(db: DB.Database, streetId: string): Promise<AssessedGrid[]> {
  return listOf<AssessedGrid>(
    await db
      .collection('grids')
      .aggregate()
      .match({ streetId, status: 'active' })
      .project({ code: 1, name: 1, communityId: 1, streetId: 1 })
      .sort({ code: 1 })
      .limit(GRIDS_LIMIT)
      .end(),
  );
}

/** The streets with any document stored for `month`. */
export async function streetsAssessed(db: DB.Database, month: string): Promise<string[]> {
  const list = listOf<{ _id: string }>(await assessments(db).aggregate().match({ month }).group({ _id: '$streetId' }).limit(GRIDS_LIMIT).end());
  return list.map(({ _id }) => _id);
}

/** Some of the records behind a figure, newest first, with how many there are and how many counted. */
export type Listed<T> = { total: number; counted: number; items: T[] };

/**
 * The records `start()` flags (a fresh pipeline each call: a builder keeps its stages) that have
 * any flag of `of` above 0 (null: all), newest first by `newest`, at most `limit`; and in the same
 * round trip (two aggregates at once) how many there are and how many have `counted` above 0
 * (null: each counts).
 */
async function listedBehind<T>(
  db: DB.Database,
  start: () => DB.Aggregate,
  which: { of: string[] | null; counted: string | null },
  newest: string,
  limit: number,
): Promise<Listed<T>> {
  const _ = db.command;
  const behind = () => (which.of ? start().match(_.or(which.of.map((flag) => ({ [flag]: _.gt(0) })))) : start());
  const [items, totals] = await Promise.all([
    behind().sort({ [newest]: -1, _id: -1 }).limit(limit).end(),
    behind()
      .group({ _id: null, total: { $sum: 1 }, counted: which.counted ? { $sum: one({ $gt: [`$${which.counted}`, 0] }) } : { $sum: 1 } })
      .end(),
  ]);
  const [sums] = listOf<{ total: number; counted: number }>(totals);
  return { total: sums?.total ?? 0, counted: sums?.counted ?? 0, items: listOf<T>(items) };
}

/** What a listed check-in shows besides its flags. */
const CHECKIN_SHOWN = { kind: 1, at: 1, staffId: 1, verified: 1, flag: 1, distanceM: 1, household: 1, note: 1, photos: 1, appealId: 1 };

/** The check-ins of grid `gridId` in `span` behind a figure, flagged as the tally counts them (`listedBehind`). */
export async function checkInsBehind<T>(db: DB.Database, gridId: string, span: Span, which: { of: string[] | null; counted: string | null }, limit: number): Promise<Listed<T>> {
  const start = () => db.collection('checkins').aggregate().match(checkInsCounted(db, [gridId], span)).project({ ...checkInFlags, ...CHECKIN_SHOWN });
  return listedBehind<T>(db, start, which, 'at', limit);
}

/** What a listed appeal shows besides its flags. */
const APPEAL_SHOWN = { number: 1, categoryName: 1, status: 1, source: 1, createdAt: 1, rating: 1 };

/** The appeals of grid `gridId` filed in `span` behind a figure, flagged as the tally counts them (`listedBehind`). */
export async function appealsBehind<T>(db: DB.Database, gridId: string, span: Span, which: { of: string[] | null; counted: string | null }, limit: number): Promise<Listed<T>> {
  const start = () => db.collection('appeals').aggregate().match(appealsCounted(db, [gridId], span)).addFields(appealFacts).project({ ...appealFlags, ...APPEAL_SHOWN });
  return listedBehind<T>(db, start, which, 'createdAt', limit);
}

/** A grid keeps a few hundred 六必访 households at most: one read lists them. */
const HOUSEHOLDS_AT_MOST = 1000;

/**
 * Grid `gridId`'s 六必访 households kept by `asOf`, and per household (`building\nroom`) until when
 * the visits covering it then reach (absent: not covered), by the coverage tally's own matches.
 * Two reads at once.
 */
export async function householdsCoveredAt(db: DB.Database, gridId: string, asOf: Date): Promise<{ kept: HouseholdRecord[]; coveredUntil: Map<string, Date> }> {
  const [kept, covering] = await Promise.all([
    db.collection('households').where(householdsKept(db, [gridId], asOf)).orderBy('building', 'asc').orderBy('room', 'asc').limit(HOUSEHOLDS_AT_MOST).get(),
    db
      .collection('checkins')
      .aggregate()
      .match(coveringVisits(db, [gridId], asOf))
      .group({ _id: { building: '$household.building', room: '$household.room' }, until: { $max: '$coversUntil' } })
      .limit(HOUSEHOLDS_AT_MOST)
      .end(),
  ]);
  const until = listOf<{ _id: { building: string; room: string }; until: Date }>(covering).map(({ _id, until }) => [householdKey(_id), new Date(until)] as const);
  return { kept: docsOf<HouseholdRecord>(kept), coveredUntil: new Map(until) };
}
