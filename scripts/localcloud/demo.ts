import { readFileSync } from 'node:fs';
import type { DevIdentity } from '../../types/api';
import { noticeSortKey } from '../../cloudfunctions/domain/notice';
import type { CommunityRecord, GridRecord, NoticeRecord, StaffRecord, StreetRecord } from '../../cloudfunctions/domain/records';

/** The shape of `demo/zoucheng.json`: collections as stored, dates as ISO strings. */
export type DemoData = {
  streets: StreetRecord[];
  communities: CommunityRecord[];
  grids: GridRecord[];
  staff: StaffRecord[];
  notices: Array<Omit<NoticeRecord, 'publishedAt'> & { publishedAt: string }>;
  demoResidents: Array<{ openid: string; label: string }>;
  /** Deployment settings, e.g. subscribe template ids (the local cloud's fakes accept any). */
  settings: Array<{ _id: string } & Record<string, unknown>>;
};

export const readDemo = (file: string): DemoData => JSON.parse(readFileSync(file, 'utf8'));

/** The collections to load on first start, with dates as dates. */
export function demoCollections(demo: DemoData): Record<string, object[]> {
  return {
    streets: demo.streets,
    communities: demo.communities,
    grids: demo.grids,
    staff: demo.staff,
    notices: demo.notices.map((n) => ({ ...n, publishedAt: new Date(n.publishedAt), sortKey: noticeSortKey({ ...n, publishedAt: new Date(n.publishedAt) }) })),
    settings: demo.settings,
  };
}

const ROLE_LABELS = { chief: '网格长', worker: '网格员', community: '社区', street: '街道' } as const;

/** Everyone the identity switcher offers: residents first, then staff from the grid up. */
export function demoIdentities(demo: DemoData): DevIdentity[] {
  const gridName = new Map(demo.grids.map((g) => [g._id, `${g.code} ${g.name}`]));
  const communityName = new Map(demo.communities.map((c) => [c._id, c.name]));
  const streetName = new Map(demo.streets.map((s) => [s._id, s.name]));
  const staff: DevIdentity[] = demo.staff.map((s) => {
    const r = s.roles[0];
    const where =
      r.role === 'chief' || r.role === 'worker'
        ? gridName.get(r.gridId)
        : r.role === 'community'
          ? communityName.get(r.communityId)
          : streetName.get(r.streetId);
    return { openid: s.openid, label: `${ROLE_LABELS[r.role]} ${s.name}（${where ?? '—'}）`, role: r.role };
  });
  const order = ['street', 'community', 'chief', 'worker'];
  staff.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return [...demo.demoResidents.map((r) => ({ ...r, role: 'resident' as const })), ...staff];
}
