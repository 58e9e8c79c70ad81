import { appealPage, newAppealMessage, progressMessage } from '../domain/messages';
import { notify } from '../kit/notify';
import type { Ports } from '../kit/ports';
import type { AppealRecord, StaffRecord } from '../domain/records';
import { chiefOfGrid, communityStaff, streetStaff } from '../store/staff';

/**
 * Tells the grid's chief an appeal needs them, for the reason its latest event gives (新诉求,
 * 转办, 重办); when the chief has no reminder left (or there is no chief), the community staff
 * above the grid are told instead.
 */
export async function tellGrid(ports: Ports, appeal: AppealRecord, knownChief?: StaffRecord | null): Promise<void> {
  const { template, data } = newAppealMessage(appeal, ports.clock.now());
  const page = appealPage(appeal);
  const chief = knownChief === undefined ? await chiefOfGrid(ports.db, appeal.gridId) : knownChief;
  if (chief && (await notify(ports, { touser: chief.openid, template, page, data, appealId: appeal._id })) !== 'skipped') return;
  await tellCommunity(ports, appeal);
}

/** Tells each of the staff the 新诉求提醒 of the appeal's latest event. */
async function tellEach(ports: Ports, appeal: AppealRecord, staff: StaffRecord[]): Promise<void> {
  const { template, data } = newAppealMessage(appeal, ports.clock.now());
  for (const s of staff) await notify(ports, { touser: s.openid, template, page: appealPage(appeal), data, appealId: appeal._id });
}

/** Tells the community staff above the appeal's grid (a 延期 to decide, or a chief with no reminder left). */
export async function tellCommunity(ports: Ports, appeal: AppealRecord): Promise<void> {
  await tellEach(ports, appeal, await communityStaff(ports.db, appeal.communityId));
}

/** Tells the resident what just happened to their appeal (its latest event), if they left a consent for it. */
export async function tellResident(ports: Ports, appeal: AppealRecord): Promise<void> {
  const { template, data } = progressMessage(appeal, ports.clock.now());
  await notify(ports, { touser: appeal.residentOpenid, template, page: appealPage(appeal), data, appealId: appeal._id });
}

/** Tells the staff of the level an appeal was raised (升级) or sent back (退回) to. */
export async function tellLevel(ports: Ports, appeal: AppealRecord): Promise<void> {
  if (appeal.level === 'grid') return tellGrid(ports, appeal);
  if (appeal.level === 'community') return tellCommunity(ports, appeal);
  await tellEach(ports, appeal, await streetStaff(ports.db, appeal.streetId));
}
