import type { AppealBehind, BehindFigure, CheckInBehind, HouseholdBehind } from '../../types/assessment';
import type { AppealStatus } from '../../types/appeal';
import type { AppealSource } from '../../types/vocabulary';
import type { ActivityTally, AppealTally } from './assessment';
import type { CheckInRecord, HouseholdRecord } from './presence';
import type { StaffRecord } from './records';

/**
 * The records behind a figure of a grid's month (`assessment.behind`), pure. The store flags each
 * check-in and appeal exactly as the tally counts it (`store/assessments.ts` `checkInFlags`,
 * `appealFlags`); this table says, per figure, which flagged records stand behind it and which
 * flag says that one counted.
 */

/** A check-in's 0/1 flags, named as `ActivityTally` sums them. */
export type CheckInFlagName = keyof Omit<ActivityTally, 'onlineDays'>;
/** An appeal's flags, named as `AppealTally` sums them. */
export type AppealFlagName = keyof AppealTally;

/**
 * Which records stand behind a figure: those with any of the flags `of` above 0 (null: every
 * record the month counts), and the flag that says one counted (null: each listed counts).
 */
export type RecordsBehind =
  | { records: 'checkIns'; of: CheckInFlagName[] | null; counted: CheckInFlagName | null }
  | { records: 'appeals'; of: AppealFlagName[] | null; counted: AppealFlagName | null }
  | { records: 'households' };

/**
 * Per figure, its records. 在线 rests on every check-in of the month (and on appeal actions and
 * notices, which are not listed here); 巡防 on patrols, counted when verified; 六必访覆盖 on the
 * households kept, counted when a visit covers them; 上报 on every appeal
 * and report; the rates on residents' appeals (按时办结 on those resolved, 满意 on those rated);
 * 督办 on the appeals given a card.
 */
export const RECORDS_BEHIND: Record<BehindFigure, RecordsBehind> = {
  online: { records: 'checkIns', of: null, counted: null },
  patrols: { records: 'checkIns', of: ['patrols'], counted: 'verifiedPatrols' },
  visits: { records: 'checkIns', of: ['visits'], counted: null },
  coverage: { records: 'households' },
  reports: { records: 'appeals', of: null, counted: null },
  response: { records: 'appeals', of: ['residentAppeals'], counted: 'acceptedInTime' },
  sameDay: { records: 'appeals', of: ['residentAppeals'], counted: 'onSiteInTime' },
  resolution: { records: 'appeals', of: ['residentAppeals'], counted: 'resolved' },
  onTime: { records: 'appeals', of: ['resolved'], counted: 'resolvedOnTime' },
  redo: { records: 'appeals', of: ['residentAppeals'], counted: 'redone' },
  cards: { records: 'appeals', of: ['yellowCards', 'redCards'], counted: null },
  satisfaction: { records: 'appeals', of: ['rated'], counted: 'satisfied' },
};

/** A check-in as the listing reads it: the stored record with its flags. */
export type FlaggedCheckIn = CheckInRecord & Record<CheckInFlagName, number>;

/** An appeal as the listing reads it: what it shows and its flags. */
export type FlaggedAppeal = Record<AppealFlagName, number> & {
  _id: string;
  number: string;
  categoryName: string;
  status: AppealStatus;
  source?: AppealSource;
  createdAt: Date;
  rating: { score: number } | null;
};

const countedBy = <F extends string>(flags: Record<F, number>, counted: F | null): boolean | null => (counted === null ? null : flags[counted] > 0);

/** A check-in behind a figure, with who made it (null when their record is gone) and its photos not hidden. */
export function checkInBehind(c: FlaggedCheckIn, counted: CheckInFlagName | null, staff: Map<string, StaffRecord>): CheckInBehind {
  const maker = staff.get(c.staffId);
  return {
    id: c._id,
    kind: c.kind,
    at: new Date(c.at).toISOString(),
    staff: maker ? { name: maker.name, title: maker.title } : null,
    verified: c.verified,
    flag: c.flag,
    distanceM: c.distanceM,
    household: c.household,
    note: c.note,
    photos: c.photos.filter((p) => !p.hidden).map((p) => p.fileID),
    appealId: c.appealId,
    counted: countedBy(c, counted),
  };
}

/** An appeal behind a figure: whether it counted, its cards and its rating. */
export const appealBehind = (a: FlaggedAppeal, counted: AppealFlagName | null): AppealBehind => ({
  id: a._id,
  number: a.number,
  category: a.categoryName,
  status: a.status,
  source: a.source ?? 'resident',
  createdAt: new Date(a.createdAt).toISOString(),
  counted: countedBy(a, counted),
  cards: { yellow: a.yellowCards, red: a.redCards },
  rating: a.rating?.score ?? null,
});

/** One household's key among a grid's: its building and room (a grid keeps one household per pair). */
export const householdKey = (h: { building: string; room: string }): string => `${h.building}\n${h.room}`;

/**
 * The households behind the coverage figure: each kept one with until when visits cover it
 * (`coveredUntil`, by key; absent: not covered), those not covered first, then by building and room.
 */
export function householdsBehind(kept: HouseholdRecord[], coveredUntil: Map<string, Date>): HouseholdBehind[] {
  return kept
    .map((h) => {
      const until = coveredUntil.get(householdKey(h));
      return { id: h._id, building: h.building, room: h.room, group: h.group, intervalDays: h.intervalDays, coveredUntil: until ? until.toISOString() : null, counted: !!until };
    })
    .sort((a, b) => Number(a.counted) - Number(b.counted) || a.building.localeCompare(b.building) || a.room.localeCompare(b.room));
}
