import type { GridKind } from '../../types/grid';

/** Documents as the collections hold them (DESIGN §3). Only functions read or write them. */
export type StreetRecord = { _id: string; name: string; brand: string };

export type CommunityRecord = { _id: string; streetId: string; name: string };

export type StationRecord = { name: string; address: string; hours: string };

export type GridRecord = {
  _id: string;
  code: string;
  name: string;
  kind: GridKind;
  households: number | null;
  communityId: string;
  streetId: string;
  chiefId: string | null;
  workerIds: string[];
  status: 'active' | 'retired';
  station: StationRecord | null;
  centre: { lng: number; lat: number } | null;
};

export type StaffRole =
  | { role: 'chief'; gridId: string }
  | { role: 'worker'; gridId: string }
  | { role: 'community'; communityId: string }
  | { role: 'street'; streetId: string };

export type StaffRecord = {
  _id: string;
  openid: string;
  name: string;
  title: string;
  phone: string;
  avatar: string | null;
  roles: StaffRole[];
};

export type NoticeScope = { kind: 'grid' | 'community' | 'street'; id: string };

export type NoticeRecord = {
  _id: string;
  scope: NoticeScope;
  title: string;
  body: string;
  pinned: boolean;
  publishedAt: Date;
  authorId: string;
};
