import type { AppealEventType, AppealLevel, AppealStatus, Location } from '../../types/appeal';
import type { AppealSource, DeadlineKind, ExtensionState, SupervisionCard } from '../../types/vocabulary';
import type { GridKind } from '../../types/grid';
import type { GroupChatRecord } from './groupChat';
import type { GeoPolygon } from './locate';
import type { AppealDeadlines } from './sla';

/** Documents as the collections hold them (DESIGN §3). Only functions read or write them. */
export type CategoryRecord = { id: string; name: string };

/** A street, with its item directory (网格事项清单): the categories its grids accept appeals in. */
export type StreetRecord = { _id: string; name: string; brand: string; categories: CategoryRecord[] };

export type CommunityRecord = { _id: string; streetId: string; name: string };

export type StationRecord = { name: string; address: string; hours: string };

/** A person the registry sheet names for a grid, whether or not they have bound WeChat yet. */
export type RosterPerson = { name: string; phone: string };

/**
 * The grid's people as the registry sheet names them. Seats (`chiefId`, `workerIds`) are bound
 * by invites to WeChat identities; until the chief binds, the roster is who residents and the
 * printed sign name.
 */
export type GridRoster = { chief: RosterPerson | null; workers: RosterPerson[] };

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
  /** GCJ-02, like the boundary: what WeChat's maps and getLocation({type: 'gcj02'}) use. */
  centre: { lng: number; lat: number } | null;
  /** The grid's area when the city has drawn it; absent or null until then (found by centre alone). */
  boundary?: GeoPolygon | null;
  /** The grid's WeChat group (DESIGN §1.5); absent or null until its chief sets one. */
  groupChat?: GroupChatRecord | null;
  /** When retired: the grid it was merged into (its code), or null when simply retired. */
  mergedInto?: string | null;
  retiredAt?: Date | null;
  retiredBy?: string | null;
  /** Absent for grids made before the registry import (the demo's are bound seats only). */
  roster?: GridRoster | null;
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

/** A one-time invite to bind as a grid's chief or worker, or as a community's staff (`_id` is the code). */
export type InviteRecord = {
  _id: string;
  role: 'chief' | 'worker' | 'community';
  gridId: string | null;
  gridCode: string | null;
  communityId: string;
  streetId: string;
  name: string;
  title: string;
  phone: string;
  issuedBy: string;
  issuedByName: string;
  /** The grid's or community's name, as the invitee is told where they will serve. */
  scopeName: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
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
  /** What `notice.publish` adds; a notice stored before it (old demo data) may lack them. */
  images?: string[];
  /** Readers counted once each (one `noticeReads` document per notice and reader). */
  reads?: number;
  authorName?: string;
  authorTitle?: string;
  /** The scope as people read it: "平阳社区全体网格". */
  scopeLabel?: string;
  /** Pinned first, then newest: `<1|0>_<ISO publishedAt>_<id>`, one string that orders and resumes a list. */
  sortKey?: string;
  /** Each image's content check; one WeChat later judges risky is hidden. Absent on older notices. */
  media?: MediaRecord[];
};

/** That `openid` has read notice `noticeId`; `_id` is both, so a second read is a duplicate key. */
export type NoticeReadRecord = { _id: string; noticeId: string; openid: string; at: Date };

export type ActorRecord =
  | { kind: 'resident'; openid: string }
  | { kind: 'staff'; staffId: string; name: string; title: string }
  | { kind: 'system' };

export type AppealPlace = { status: AppealStatus; level: AppealLevel; gridId: string };

/** One timeline event; `before`/`after` keep what the event changed, for the audit trail. */
export type AppealEventRecord = {
  type: AppealEventType;
  at: Date;
  actor: ActorRecord;
  text: string | null;
  photos: string[];
  detail: string | null;
  before: AppealPlace;
  after: AppealPlace;
};

export type MediaRecord = { fileID: string; traceId: string | null; hidden: boolean };

/** A staff actor, as timeline events and cards name them. */
export type StaffActorRecord = Extract<ActorRecord, { kind: 'staff' }>;

/** 督办: a card community or street staff put on an appeal; `until` tightens the running deadline. */
export type SupervisionRecord = { card: SupervisionCard; note: string; until: Date | null; by: StaffActorRecord; at: Date };

/** 延期: the grid's request for more time on the running deadline (`deadline`), and its decision. */
export type ExtensionRecord = {
  state: ExtensionState;
  deadline: DeadlineKind;
  reason: string;
  until: Date;
  requestedBy: StaffActorRecord;
  requestedAt: Date;
  decidedBy: StaffActorRecord | null;
  decidedAt: Date | null;
  note: string | null;
};

/** Who the SLA timer owes a message for a step it took: the level it rose to (or is overdue at), the filer, or a reminder to the level working it. */
export type OwedAudience = 'level' | 'resident' | 'reminder';

/**
 * A message the timer owes for a step already saved on the appeal. Written in the same update as
 * the step, sent by key (each recipient's outbox record is `<appealId>:<key>:<openid>`), removed
 * once sent: a run that crashes in between leaves it here for the next run, never sent twice.
 */
export type OwedMessage = { key: string; audience: OwedAudience; deadline: DeadlineKind; level: AppealLevel };

/**
 * What the SLA timer has done to an appeal's current clocks: reminders sent and deadlines missed,
 * per deadline kind, reset whenever the clocks restart (转办, 重办, 社区复核, 审核通过).
 */
export type SlaMarks = { reminded: DeadlineKind[]; missed: DeadlineKind[]; owed: OwedMessage[] };

export type AppealRecord = {
  _id: string;
  number: string;
  requestId: string;
  /** Who filed it: the resident, or for a staff report (`source` `staff`) the chief or worker who reported it. */
  residentOpenid: string;
  anonymous: boolean;
  contactPhone: string | null;
  gridId: string;
  gridCode: string;
  gridName: string;
  communityId: string;
  streetId: string;
  category: string;
  categoryName: string;
  content: string;
  photos: string[];
  media: MediaRecord[];
  location: Location | null;
  status: AppealStatus;
  level: AppealLevel;
  deadlines: AppealDeadlines;
  timeline: AppealEventRecord[];
  rating: { score: number; comment: string; at: Date } | null;
  /** 重办: unsatisfied ratings that sent it back to its grid (at most `REOPENS_BEFORE_REVIEW`). */
  reopenCount: number;
  /**
   * 社区复核: unsatisfied ratings after those that sent it to its community's staff instead (the
   * assessment counts them). Absent on appeals stored before reviews existed: none yet.
   */
  communityReviews?: number;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** 居民反映 or 工作人员上报; absent on appeals stored before reports existed: a resident's. */
  source?: AppealSource;
  /** When staff were first recorded on site (当日必达); absent or null until then. */
  onSiteAt?: Date | null;
  /** 督办 cards, oldest first; absent: none. */
  supervision?: SupervisionRecord[];
  /** The latest 延期 request, whatever its state; absent or null: none asked. */
  extension?: ExtensionRecord | null;
  /** 延期 granted over the appeal's life (the assessment counts them). */
  extensionsGranted?: number;
  /** The SLA timer's marks on the current clocks; absent: nothing done yet. */
  sla?: SlaMarks;
};
