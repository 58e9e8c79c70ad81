import { GRID_KIND_LABELS, type GridPage, type StaffCard } from '../../types/grid';
import type { CommunityRecord, GridRecord, NoticeRecord, StaffRecord, StreetRecord } from '../store/records';
import { groupChatView } from './groupChat';
import { maskPhone } from './phone';

export type GridPageRecords = {
  grid: GridRecord;
  community: CommunityRecord;
  street: StreetRecord;
  staff: StaffRecord[];
  notices: NoticeRecord[];
};

const staffCard = (s: StaffRecord): StaffCard => ({
  id: s._id,
  name: s.name,
  title: s.title,
  avatar: s.avatar,
  phoneMasked: maskPhone(s.phone),
});

/**
 * What anyone who scans a grid's sign sees: phones masked, staff in the grid's own order, the
 * group chat as of `now` (never an expired QR). `viewer`: the caller's openid, if signed in.
 */
export function gridPageView({ grid, community, street, staff, notices }: GridPageRecords, now: Date, viewer: string | null): GridPage {
  const byId = new Map(staff.map((s) => [s._id, s]));
  const chief = grid.chiefId ? byId.get(grid.chiefId) : undefined;
  const ownStaff = [chief, ...grid.workerIds.map((id) => byId.get(id))];
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
    chief: chief ? staffCard(chief) : null,
    workers: grid.workerIds.flatMap((id) => {
      const worker = byId.get(id);
      return worker ? [staffCard(worker)] : [];
    }),
    station: grid.station ?? null,
    notices: notices.map((n) => ({
      id: n._id,
      title: n.title,
      pinned: n.pinned,
      publishedAt: new Date(n.publishedAt).toISOString(),
    })),
    categories: street.categories,
    groupChat: groupChatView(grid.groupChat, now),
    canSetGroupChat: viewer !== null && ownStaff.some((s) => s?.openid === viewer),
  };
}
