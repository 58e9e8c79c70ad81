import { GRID_KIND_LABELS, type GridPage, type StaffCard } from '../../types/grid';
import type { CommunityRecord, GridRecord, NoticeRecord, StaffRecord, StreetRecord } from './records';
import { groupChatView } from './groupChat';
import { gridRecordView, type RollupRecord } from './gridRecord';
import { maskPhone } from './phone';
import { placeOfGrid, reachesAt } from './permissions';

export type GridPageRecords = {
  grid: GridRecord;
  community: CommunityRecord;
  street: StreetRecord;
  staff: StaffRecord[];
  notices: NoticeRecord[];
  /** The grid's stored roll-up (null until first counted) and whether staff checked in today. */
  record: RollupRecord | null;
  checkedInToday: boolean;
};

/** Someone a grid's residents can reach, with the full phone (masked before it leaves for a page). */
export type GridPerson = { id: string; name: string; title: string; avatar: string | null; phone: string };

const ROSTER_CHIEF_ID = 'roster-chief';
const rosterWorkerId = (index: number) => `roster-worker-${index + 1}`;

const bound = (s: StaffRecord): GridPerson => ({ id: s._id, name: s.name, title: s.title, avatar: s.avatar, phone: s.phone });

/**
 * Who answers for a grid: its bound chief and workers (WeChat identities that redeemed an
 * invite) and, until someone is bound to a seat, the people the registry sheet names for it,
 * so a newly imported grid's page and sign are never without a name and a number.
 */
export function gridPeople(grid: Pick<GridRecord, 'chiefId' | 'workerIds' | 'roster'>, staff: StaffRecord[]): { chief: GridPerson | null; workers: GridPerson[] } {
  const byId = new Map(staff.map((s) => [s._id, s]));
  const chief = grid.chiefId ? byId.get(grid.chiefId) : undefined;
  const workers = grid.workerIds.flatMap((id) => (byId.has(id) ? [bound(byId.get(id)!)] : []));
  const roster = grid.roster ?? { chief: null, workers: [] };
  return {
    chief: chief ? bound(chief) : roster.chief && { id: ROSTER_CHIEF_ID, name: roster.chief.name, title: '网格长', avatar: null, phone: roster.chief.phone },
    workers: workers.length ? workers : roster.workers.map((w, i) => ({ id: rosterWorkerId(i), name: w.name, title: '网格员', avatar: null, phone: w.phone })),
  };
}

const staffCard = (p: GridPerson): StaffCard => ({ id: p.id, name: p.name, title: p.title, avatar: p.avatar, phoneMasked: maskPhone(p.phone) });

/**
 * What anyone who scans a grid's sign sees: phones masked, staff in the grid's own order, the
 * group chat as of `now` (never an expired QR). `viewer`: the caller's openid, if signed in.
 */
export function gridPageView({ grid, community, street, staff, notices, record, checkedInToday }: GridPageRecords, now: Date, viewer: string | null): GridPage {
  const people = gridPeople(grid, staff);
  const ownOpenids = new Set(staff.filter((s) => reachesAt(s, placeOfGrid(grid), 'grid')).map((s) => s.openid));
  return {
    grid: {
      id: grid._id,
      code: grid.code,
      name: grid.name,
      kind: grid.kind,
      kindLabel: GRID_KIND_LABELS[grid.kind],
      households: grid.households ?? null,
    },
    community: { id: community._id, name: community.name },
    street: { id: street._id, name: street.name, brand: street.brand },
    chief: people.chief && staffCard(people.chief),
    workers: people.workers.map(staffCard),
    station: grid.station ?? null,
    notices: notices.map((n) => ({
      id: n._id,
      title: n.title,
      pinned: n.pinned,
      publishedAt: new Date(n.publishedAt).toISOString(),
    })),
    categories: street.categories,
    groupChat: groupChatView(grid.groupChat, now),
    canSetGroupChat: viewer !== null && ownOpenids.has(viewer),
    record: gridRecordView(record, checkedInToday),
  };
}
