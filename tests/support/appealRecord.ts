import { fileAppeal, fileReport, type Filing, type Report } from '../../cloudfunctions/domain/appeal';
import type { ActorRecord, AppealRecord, ExtensionRecord, StaffActorRecord } from '../../cloudfunctions/domain/records';
import type { DeadlineKind } from '../../types/vocabulary';

/** Records as the appeals collection holds them, for tests of the pure domain and its consumers. */

export const FILED = new Date('2026-11-24T02:00:00.000Z'); // 10:00 in Zoucheng
export const LATER = new Date('2026-11-24T05:00:00.000Z');
const chief: StaffActorRecord = { kind: 'staff', staffId: 'chief-GS-0101', name: '张桂兰', title: '网格长' };
export const chiefActor: ActorRecord = chief;
export const communityActor: StaffActorRecord = { kind: 'staff', staffId: 'community-GS01', name: '李明', title: '社区书记' };
export const residentActor: ActorRecord = { kind: 'resident', openid: 'resident-1' };

/** GS-0101 → community GS01, street GS (the demo's codes). */
export const gridRef = (code: string) => ({ _id: `grid-${code}`, code, name: `${code} 网格`, communityId: `${code.slice(0, 2)}${code.slice(3, 5)}`, streetId: code.slice(0, 2) });

/** An appeal filed in GS-0101 at `FILED` (as `filing` says), with `overrides` laid over the record. */
export function filedAppeal(overrides: Partial<AppealRecord> = {}, filing: Partial<Filing> = {}): AppealRecord {
  const appeal = fileAppeal(
    {
      id: 'a1',
      number: 'GS-20261124-0001',
      requestId: 'req-00000001',
      residentOpenid: 'resident-1',
      grid: gridRef('GS-0101'),
      category: { id: 'sanitation', name: '环境卫生' },
      content: '楼道里堆满了杂物',
      photos: [],
      photoTraceIds: [],
      location: null,
      contactPhone: '13912345678',
      anonymous: false,
      held: false,
      ...filing,
    },
    FILED,
  );
  return { ...appeal, ...overrides };
}

/** A worker of GS-0101 who reports what they found on patrol. */
export const reporter: Report['reporter'] = { openid: 'worker-openid', staff: { _id: 'worker-GS-0101', name: '李明', title: '网格员' } };

/** A staff report (上报) filed in GS-0101 at `FILED` by `reporter`, with `overrides` laid over the record. */
export function reportedAppeal(overrides: Partial<AppealRecord> = {}, report: Partial<Report> = {}): AppealRecord {
  const appeal = fileReport(
    {
      id: 'r1',
      number: 'GS-20261124-0002',
      requestId: 'req-00000002',
      reporter,
      grid: gridRef('GS-0101'),
      category: { id: 'repair', name: '设施报修' },
      content: '巡查发现 5 号楼路灯不亮',
      photos: [],
      photoTraceIds: [],
      location: null,
      ...report,
    },
    FILED,
  );
  return { ...appeal, ...overrides };
}

/** The chief's 延期 request for the `deadline` clock to `until`, asked at `FILED` and still pending. */
export function pendingExtension(until: Date, deadline: DeadlineKind = 'acceptBy'): ExtensionRecord {
  return { state: 'pending', deadline, reason: '需要物业配合', until, requestedBy: chief, requestedAt: FILED, decidedBy: null, decidedAt: null, note: null };
}
