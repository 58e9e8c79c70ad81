import * as z from 'zod/mini';
import { GRID_CODE_PATTERN } from './codes';
import { SEARCH_KEYWORD_MAX, SEARCH_KEYWORD_WORDS } from './search';
import { normalizeCode, withAsciiDashes } from './typed';

export { GRID_CODE_PATTERN };

/** A grid's uniform code ("一网一码", see codes.ts). */
export const GridCode = z.string().check(
  z.overwrite(normalizeCode),
  z.regex(GRID_CODE_PATTERN, { error: '网格码格式不正确（3–20 位字母、数字或连字符）' }),
);

export const GRID_KINDS = ['urban', 'rural', 'business', 'office', 'market'] as const;
export const GridKind = z.enum(GRID_KINDS);
export type GridKind = z.infer<typeof GridKind>;

export const GRID_KIND_LABELS: Record<GridKind, string> = {
  urban: '城镇社区网格',
  rural: '农村网格',
  business: '商圈网格',
  office: '楼宇网格',
  market: '市场网格',
};

export const ResolveGridInput = z.object({ code: GridCode });
export type ResolveGridInput = z.infer<typeof ResolveGridInput>;

/** Grids a search answers at a time; `cursor` (the last code of a page) asks for the next. */
export const SEARCH_PAGE_SIZE = 20;

/** `grid.search` (the keyword: see search.ts). */
export const SearchGridsInput = z.object({
  keyword: z.string().check(
    z.overwrite(withAsciiDashes),
    z.minLength(1, { error: SEARCH_KEYWORD_WORDS.empty }),
    z.maxLength(SEARCH_KEYWORD_MAX, { error: SEARCH_KEYWORD_WORDS.tooLong }),
  ),
  cursor: z.optional(z.string().check(z.regex(GRID_CODE_PATTERN, { error: '分页参数不正确' }))),
});
export type SearchGridsInput = z.input<typeof SearchGridsInput>;

/**
 * Where the person is, as WeChat's getLocation reports it with `type: 'gcj02'` (the datum of
 * Chinese maps, and of the grids' centres and boundaries). The app converts a browser's WGS-84
 * position before it calls.
 */
export const LocateGridInput = z.object({
  latitude: z.number({ error: '请提供纬度（数字）' }).check(
    z.gte(-90, { error: '纬度应在 -90 到 90 之间' }),
    z.lte(90, { error: '纬度应在 -90 到 90 之间' }),
  ),
  longitude: z.number({ error: '请提供经度（数字）' }).check(
    z.gte(-180, { error: '经度应在 -180 到 180 之间' }),
    z.lte(180, { error: '经度应在 -180 到 180 之间' }),
  ),
});
export type LocateGridInput = z.infer<typeof LocateGridInput>;

export const StaffId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '工作人员编号不正确' }));

export const CallStaffInput = z.object({ code: GridCode, staffId: StaffId });
export type CallStaffInput = z.infer<typeof CallStaffInput>;

/** A grid chief or worker as a resident sees them: the phone stays masked until they tap to call. */
export type StaffCard = {
  id: string;
  name: string;
  title: string;
  avatar: string | null;
  phoneMasked: string;
};

export type Station = { name: string; address: string; hours: string };

export type NoticeSummary = { id: string; title: string; pinned: boolean; publishedAt: string };

/**
 * The grid's WeChat group as residents see it: an uploaded group QR (a personal group's lasts
 * 7 days, so it carries its expiry and is never shown once expired) or a permanent WeCom join link.
 */
export type GroupChatView = { kind: 'qr'; image: string; expiresAt: string } | { kind: 'wecom'; url: string };

/**
 * The grid's public record over the last `days` days (DESIGN §3), from the stored roll-up:
 * `asOf` is the Asia/Shanghai day it was counted on (null: not counted yet); rates are 0–1 to
 * four decimals, null when there is nothing to divide (no appeals, none rated). `appeals`:
 * residents' appeals filed in the span (not held); `handled`: those resolved. `satisfaction`:
 * the average score 1–5 of the rated ones. `checkedInToday`: a verified check-in at the grid
 * since midnight Asia/Shanghai.
 */
export type GridRecordView = {
  days: number;
  asOf: string | null;
  appeals: number;
  handled: number;
  acceptedInTime: number | null;
  onSiteSameDay: number | null;
  satisfaction: number | null;
  rated: number;
  checkedInToday: boolean;
};

export type GridPage = {
  grid: { id: string; code: string; name: string; kind: GridKind; kindLabel: string; households: number | null };
  community: { id: string; name: string };
  street: { id: string; name: string; brand: string };
  chief: StaffCard | null;
  workers: StaffCard[];
  station: Station | null;
  notices: NoticeSummary[];
  /** The street's item directory (网格事项清单): what an appeal from this grid may be about. */
  categories: Array<{ id: string; name: string }>;
  /** The grid's group chat; null when none is set or its QR has expired. */
  groupChat: GroupChatView | null;
  /** The caller is this grid's chief or worker, and so may set its group chat. */
  canSetGroupChat: boolean;
  /** The last 90 days at the grid, for anyone to see. */
  record: GridRecordView;
};

export type GridSearchHit = { code: string; name: string; community: string; street: string };

export type StaffPhone = { name: string; phone: string };

/** A grid near the person, with how far its centre is (metres, rounded). */
export type NearbyGrid = GridSearchHit & { distanceM: number };

/**
 * grid.locate's answer. `inside`: the grid whose boundary holds the point ("您在 XX网格"), or
 * null when no boundary does (or no grid has one). `nearby`: the nearest other grids by centre,
 * nearest first ("离您最近的网格"), only those within a walk or short ride; empty when none is.
 */
export type GridLocation = { inside: GridSearchHit | null; nearby: NearbyGrid[] };

/** Street staff retire a grid, or merge it into another (its appeals stay where they are). */
export const RetireGridInput = z.object({ code: GridCode, mergedInto: z.optional(GridCode) });
export type RetireGridInput = z.infer<typeof RetireGridInput>;

export type RetiredGrid = { code: string; status: 'retired'; mergedInto: string | null };

/** Where a retired grid's residents go now: the active grid it was merged into, if any. */
export type GridSuccessor = { code: string; name: string } | null;
