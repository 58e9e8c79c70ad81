import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point, polygon } from '@turf/helpers';
import dayjs from 'dayjs';
import { entryOf, readLink, type Entry } from '../../types/entry';
import { PRESENCE_WORDS, type CheckIn, type CheckInFlag, type CheckInKind, type Household, type HouseholdView } from '../../types/presence';
import { metres, usableBoundary, type LngLat, type PlacedGrid } from './locate';
import { reachesAt, type Place } from './permissions';
import type { AppealRecord, GridRecord, MediaRecord, StaffRecord } from './records';
import { Refusal } from './refusal';

/**
 * Presence, pure: what a scan names, who may check in, how far from the grid they were and
 * whether that counts as verified, and which 六必访 households are due a visit. No I/O, no clock.
 */

/** A check-in farther than this from its grid (metres; 0 inside its boundary) is kept but flagged, not verified. */
export const FAR_METRES = 500;

const MALFORMED: Entry = { ok: false, reason: 'malformed' };

/**
 * The grid code a scan of a sign returned, or why there is none, by the grid page's own parser
 * (`types/entry.ts`): an ordinary link or its path (`https://<domain>/g/GS-0101`), a mini-program
 * code's path with its scene or link parameters (`pages/grid/index?scene=g%3DGS-0101`), or a bare
 * scene (`g=GS-0101`). An invite's link or anything else is `malformed`.
 */
export function scannedGrid(scanned: string): Entry {
  const link = readLink(scanned);
  if (link) return link.kind === 'grid' ? link.entry : MALFORMED;
  const query = scanned.includes('?') ? scanned.slice(scanned.indexOf('?') + 1) : '';
  const params = Object.fromEntries(new URLSearchParams(query));
  const entry = params.scene || params.q || params.code ? entryOf('grid', params) : entryOf('grid', { scene: scanned });
  return entry.ok ? entry : MALFORMED;
}

/** The refusal for a scan that names no grid (INVALID_INPUT). */
export const UNREADABLE_SCAN = new Refusal('INVALID_INPUT', '无法识别扫描的内容，请扫描网格标牌上的二维码');

/** 签到: a grid's own chief and workers, by their current roles (community and street staff do not patrol it). */
export const mayCheckIn = (staff: StaffRecord | null, place: Place) => reachesAt(staff, place, 'grid');

/** 六必访 households are kept and listed by the grid's own chief and workers. */
export const mayKeepHouseholds = mayCheckIn;

/**
 * Refuses a caller who may not check in at the scanned grid (FORBIDDEN): a resident (no staff
 * record with a role), or staff who are not this grid's chief or workers (another grid's sign).
 */
export function refuseCheckIn(staff: StaffRecord | null, grid: Pick<GridRecord, '_id' | 'code' | 'name' | 'communityId' | 'streetId'>): asserts staff is StaffRecord {
  if (!staff) throw new Refusal('FORBIDDEN', `只有网格长和网格员可以${PRESENCE_WORDS.checkIn}`);
  if (!mayCheckIn(staff, { gridId: grid._id, communityId: grid.communityId, streetId: grid.streetId })) {
    throw new Refusal('FORBIDDEN', `你不是网格 ${grid.code}（${grid.name}）的网格长或网格员，不能在这里签到`);
  }
}

/**
 * How far a GCJ-02 point is from a grid, in whole metres: 0 inside its boundary (on the edge
 * counts as inside), else from its centre; null when the grid has neither a usable boundary
 * containing the point nor a centre.
 */
export function distanceFromGrid(grid: Pick<PlacedGrid, 'centre' | 'boundary'>, at: LngLat): number | null {
  if (usableBoundary(grid.boundary) && booleanPointInPolygon(point([at.lng, at.lat]), polygon(grid.boundary.coordinates))) return 0;
  return grid.centre ? Math.round(metres(at, grid.centre)) : null;
}

/** Where a check-in was made and whether it counts: verified only with a position within `FAR_METRES` of the grid. */
export type Placement = { position: LngLat | null; distanceM: number | null; verified: boolean; flag: CheckInFlag | null };

/**
 * A check-in's placement from the position the phone sent (GCJ-02, or none). Without a position,
 * or when the grid has no place to measure from, it is `unplaced`; beyond `FAR_METRES`, `far`.
 * Either way it is kept, only not verified.
 */
export function placement(grid: Pick<PlacedGrid, 'centre' | 'boundary'>, position: LngLat | null): Placement {
  const distanceM = position ? distanceFromGrid(grid, position) : null;
  const flag: CheckInFlag | null = distanceM === null ? 'unplaced' : distanceM > FAR_METRES ? 'far' : null;
  return { position, distanceM, verified: flag === null, flag };
}

/**
 * What the maker reads after checking in: `巡防签到成功`, or that it was kept but flagged and why
 * (a flagged 到场 also leaves the appeal's on-site time unset: it proves nothing).
 */
export function checkInMessage(kind: CheckInKind, p: Placement): string {
  const done = `${PRESENCE_WORDS.kind[kind]}签到成功`;
  if (!p.flag) return done;
  const why = p.flag === 'far' ? `你距网格约 ${p.distanceM} 米` : PRESENCE_WORDS.flag.unplaced;
  return `${done}，但${why}，本次签到不计为${PRESENCE_WORDS.verified}${kind === 'arrival' ? '，也不计为诉求的到场时间' : ''}`;
}

/**
 * 到场 is for an appeal of the sign's grid (CONFLICT otherwise, naming the appeal's grid); whether
 * the appeal is still open is the state machine's question (`arrive`).
 */
export function refuseArrivalElsewhere(appeal: Pick<AppealRecord, 'gridId' | 'gridCode'>, grid: Pick<GridRecord, '_id'>): void {
  if (appeal.gridId !== grid._id) throw new Refusal('CONFLICT', `该诉求属于网格 ${appeal.gridCode}，请到该网格扫描它的标牌`);
}

/** A grid's 六必访 household as stored: one per grid, building and room. */
export type HouseholdRecord = Household & {
  _id: string;
  gridId: string;
  intervalDays: number;
  /** The last verified visit check-in to it (a flagged one proves nothing); null until the first. */
  lastVisitAt: Date | null;
  createdBy: string;
  /** When it was first kept: the assessment counts it from then. */
  createdAt: Date;
  updatedAt: Date;
};

/** When a household is next due: its last visit plus its interval (days of 24 h), or at once if never visited. */
export const householdDueAt = (h: Pick<HouseholdRecord, 'lastVisitAt' | 'intervalDays'>, now: Date): Date =>
  h.lastVisitAt ? dayjs(h.lastVisitAt).add(h.intervalDays, 'day').toDate() : now;

/** Until when a verified visit at `at` covers household `kept` (null when the grid keeps no such household or the visit was flagged). */
export const visitCoversUntil = (kept: Pick<HouseholdRecord, 'intervalDays'> | null, verified: boolean, at: Date): Date | null =>
  kept && verified ? householdDueAt({ lastVisitAt: at, intervalDays: kept.intervalDays }, at) : null;

/** Whether a household is due a visit at `now` (at or past its due time). */
export const householdDue = (h: Pick<HouseholdRecord, 'lastVisitAt' | 'intervalDays'>, now: Date) => householdDueAt(h, now).getTime() <= now.getTime();

/** A household as its grid's staff see it, with when it is next due. */
export function householdView(h: HouseholdRecord, now: Date): HouseholdView {
  return {
    id: h._id,
    building: h.building,
    room: h.room,
    group: h.group,
    groupLabel: PRESENCE_WORDS.group[h.group],
    intervalDays: h.intervalDays,
    lastVisitAt: h.lastVisitAt ? new Date(h.lastVisitAt).toISOString() : null,
    dueAt: householdDueAt(h, now).toISOString(),
    due: householdDue(h, now),
  };
}

/** A grid's households for its staff: those due first (longest overdue first), then the rest by when they fall due. */
export function householdsByDue(records: HouseholdRecord[], now: Date): HouseholdView[] {
  return records.map((h) => householdView(h, now)).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.building.localeCompare(b.building) || a.room.localeCompare(b.room));
}

/** A check-in as the `checkins` collection stores it (DESIGN §3); `at` is the platform's time. */
export type CheckInRecord = Placement & {
  _id: string;
  kind: CheckInKind;
  gridId: string;
  gridCode: string;
  communityId: string;
  streetId: string;
  staffId: string;
  openid: string;
  /** The code the sign's scan named (its grid's code when scanned). */
  scannedCode: string;
  note: string;
  /** Work photos, each under its media-check trace: one judged risky later is hidden (the `mediacheck` push). */
  photos: MediaRecord[];
  household: Household | null;
  /**
   * A verified visit to a household the grid keeps: until when it covers that household (the
   * visit plus the household's interval as it stood then); null for anything else. The
   * assessment's 六必访 coverage counts the households a visit still covers at the month's end.
   */
  coversUntil: Date | null;
  appealId: string | null;
  at: Date;
};

/** A check-in as its maker sees it. */
export const checkInView = (c: CheckInRecord, gridName: string): CheckIn => ({
  id: c._id,
  kind: c.kind,
  gridCode: c.gridCode,
  gridName,
  at: new Date(c.at).toISOString(),
  distanceM: c.distanceM,
  verified: c.verified,
  flag: c.flag,
  message: checkInMessage(c.kind, c),
  appealId: c.appealId,
  household: c.household,
});
