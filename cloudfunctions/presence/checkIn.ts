import { randomBytes } from 'node:crypto';
import { CheckInInput } from '../../types/presence';
import { isFiler } from '../domain/permissions';
import { staffActor, transition } from '../domain/appeal';
import { checkInView, placement, visitCoversUntil, refuseArrivalElsewhere, refuseCheckIn, scannedGrid, UNREADABLE_SCAN, type CheckInRecord } from '../domain/presence';
import { refuse } from '../domain/refusal';
import type { AppealRecord, StaffRecord } from '../domain/records';
import { action } from '../kit/action';
import { screenText, viewerOf } from '../kit/caller';
import type { Ports } from '../kit/ports';
import { throttle } from '../kit/throttle';
import { activeGrid } from '../services/activeGrid';
import { claimFiles, screenImages } from '../services/files';
import { tellResident } from '../services/tell';
import { getAppeal, saveAppeal } from '../store/appeals';
import { getHousehold, householdId, insertCheckIn, markVisited } from '../store/presence';

/** The open appeal a 到场 is for, of the sign's grid (NOT_FOUND, CONFLICT otherwise); null for other kinds. */
async function arrivalAppeal(ports: Ports, appealId: string | undefined, grid: { _id: string }): Promise<AppealRecord | null> {
  if (appealId === undefined) return null;
  const appeal = (await getAppeal(ports.db, appealId)) ?? refuse('NOT_FOUND', '没有找到这条诉求');
  refuseArrivalElsewhere(appeal, grid);
  return appeal;
}

/**
 * 到场 on the appeal: the state machine's `arrive` (CONFLICT when the appeal is no longer open),
 * saved only when the check-in is verified, so a flagged scan never stops the 到场 clock. The filer
 * hears of it (诉求进度通知) unless they reported it themselves.
 */
async function arrive(ports: Ports, appeal: AppealRecord, staff: StaffRecord, openid: string, verified: boolean, now: Date): Promise<void> {
  const next = transition(appeal, { type: 'arrive' }, staffActor(staff), now);
  if (!verified) return;
  if (!(await saveAppeal(ports.db, appeal, next))) refuse('CONFLICT', '诉求刚被他人处理，请刷新后重试');
  if (!isFiler({ openid, staff }, next)) await tellResident(ports, next);
}

/**
 * `presence.checkIn {scanned, kind, location?, note?, …}`: a grid's chief or worker scans its sign.
 * `scanned` is parsed by the grid page's parser (INVALID_INPUT when it names no grid); the grid
 * must be active (NOT_FOUND); the caller must be its chief or worker by current roles (FORBIDDEN
 * for residents, other grids' staff and the staff above). Throttled per caller (`checkIn`). The
 * position (GCJ-02) is measured from the grid: beyond 500 m, or without one, the check-in is kept
 * but flagged (not verified). 巡防 carries a note and work photos (screened, CONTENT_RISKY); 走访
 * the household (a verified visit marks a kept household visited); 到场 an open appeal of this grid,
 * whose on-site time a verified arrival sets once. Answers the check-in as its maker sees it.
 */
export const checkIn = action(CheckInInput, async (input, ports) => {
  const viewer = await viewerOf(ports);
  const scanned = scannedGrid(input.scanned);
  if (!scanned.ok) throw UNREADABLE_SCAN;
  const grid = await activeGrid(ports.db, scanned.code);
  const { staff } = viewer;
  refuseCheckIn(staff, grid);
  await throttle(ports, 'checkIn', viewer.openid);

  const _id = randomBytes(12).toString('hex');
  const photos = input.kind === 'patrol' ? input.photos : [];
  const household = input.kind === 'visit' ? input.household : null;
  const keptId = household && householdId(grid._id, household.building, household.room);
  const [appeal, claim, kept] = await Promise.all([
    arrivalAppeal(ports, input.kind === 'arrival' ? input.appealId : undefined, grid),
    claimFiles(ports, { by: viewer.openid, purpose: 'workPhoto', record: { collection: 'checkins', id: _id } }, photos),
    keptId ? getHousehold(ports.db, keptId) : null,
  ]);
  const [, media] = await Promise.all([screenText(ports, viewer.openid, 'staffWords', input.note), screenImages(ports, viewer.openid, photos, 'staffWords')]);

  const now = ports.clock.now();
  const place = placement(grid, input.location ? { lng: input.location.longitude, lat: input.location.latitude } : null);
  const record: CheckInRecord = {
    _id,
    kind: input.kind,
    gridId: grid._id,
    gridCode: grid.code,
    communityId: grid.communityId,
    streetId: grid.streetId,
    staffId: staff._id,
    openid: viewer.openid,
    scannedCode: scanned.code,
    ...place,
    note: input.note,
    photos: media,
    household,
    coversUntil: visitCoversUntil(kept, place.verified, now),
    appealId: appeal?._id ?? null,
    at: now,
  };
  if (appeal) await arrive(ports, appeal, staff, viewer.openid, place.verified, now);
  await claim.attach(now);
  await insertCheckIn(ports.db, record);
  if (kept && place.verified) await markVisited(ports.db, kept._id, now);
  return checkInView(record, grid.name);
});
