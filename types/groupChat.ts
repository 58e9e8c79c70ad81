import * as z from 'zod/mini';
import { FileId, instant } from './appeal';
import { H5_CLOUD_ID_FIELD, type SealedCloudID } from './cloudId';
import { GridCode } from './grid';
import { cleanText } from './typed';

/** A personal WeChat group's QR code works for 7 days from the day it was generated. */
export const GROUP_QR_VALID_DAYS = 7;
export const WECOM_URL_MAX = 500;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day as the chief reads it on the QR, 'YYYY-MM-DD' (Asia/Shanghai). */
const Day = z.string().check(z.regex(DAY, { error: '日期格式应为 YYYY-MM-DD' }));

const Instant = instant('到期时间');

const WeComUrl = z.string().check(
  z.overwrite(cleanText),
  z.maxLength(WECOM_URL_MAX, { error: `链接不能超过 ${WECOM_URL_MAX} 个字符` }),
  z.regex(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[^\s]*)?$/, { error: '请填写以 https:// 开头的企业微信群链接' }),
);

/**
 * `grid.setGroupChat`: an uploaded group QR (its expiry: explicit, or 7 days from the day it was
 * generated; today when neither is given) or a WeCom join link.
 */
export const SetGroupChatInput = z.discriminatedUnion('kind', [
  z.object({
    code: GridCode,
    kind: z.literal('qr'),
    fileID: FileId,
    generatedOn: z.optional(Day),
    expiresAt: z.optional(Instant),
  }),
  z.object({ code: GridCode, kind: z.literal('wecom'), url: WeComUrl }),
]);
export type SetGroupChatInput = z.infer<typeof SetGroupChatInput>;

export const GridRef = z.object({ code: GridCode });
export type GridRef = z.infer<typeof GridRef>;

/**
 * A WeChat group as the platform hands it to a cloud function: the app sends
 * `wx.cloud.CloudID(cloudID)` from `wx.getGroupEnterInfo` as a top-level field, and the platform
 * replaces it with `{ cloudID, data }` decrypted for that caller. A CloudID that did not resolve
 * arrives without `data` (with `errCode`), and a bare string is just a string: both are refused.
 * A plain object shaped like the resolved one would pass through the platform untouched, so the
 * function opens the CloudID again itself (cloud.getOpenData) and uses only that answer.
 */
export const NO_GROUP = '没有取得微信群的信息，请从群聊里的卡片重新打开';
export const GroupOpenData = z.object(
  { opengid: z.string({ error: NO_GROUP }).check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: NO_GROUP })) },
  { error: NO_GROUP },
);
export const OpenGroup = z.object(
  {
    cloudID: z.string({ error: NO_GROUP }).check(z.minLength(1, { error: NO_GROUP }), z.maxLength(512, { error: NO_GROUP })),
    data: GroupOpenData,
  },
  { error: NO_GROUP },
);

/** `grid.groupEnter`: the app was opened from a share card of grid `code` inside a WeChat group. */
export const GroupEnterInput = z.object({ code: GridCode, group: OpenGroup });
export type GroupEnterInput = z.infer<typeof GroupEnterInput>;

export { H5_CLOUD_ID_FIELD, type SealedCloudID };

/** What the app sends for `grid.groupEnter`, before the platform resolves `group`. */
export type GroupEnterRequest = { code: string; group: SealedCloudID };

const ProposalId = z.string().check(z.regex(/^[a-f0-9]{16}$/, { error: '入群请求编号不正确' }));

/** `grid.confirmGroup` / `grid.dismissGroup`: the grid's staff answer one pending proposal. */
export const GroupProposalRef = z.object({ code: GridCode, proposalId: ProposalId });
export type GroupProposalRef = z.infer<typeof GroupProposalRef>;

/** A grid as the one a WeChat group belongs to: never the group's opengid. */
export type GroupGrid = { code: string; name: string };

/**
 * What opening a grid's card from a group led to:
 *  - `bound`: the group is the WeChat group of `grid` (this grid or another one);
 *  - `proposed`: the grid's staff are asked to bind it; `proposalId` only for those staff, who
 *    may confirm on the spot;
 *  - `ignored`: nothing recorded (the grid has another group, its staff ignored this one, or
 *    too many proposals already wait).
 */
export type GroupEntry =
  | { status: 'bound'; grid: GroupGrid; here: boolean }
  | { status: 'proposed'; proposalId: string | null }
  | { status: 'ignored' };

/** A pending proposal as the grid's staff see it: when residents first opened from that group. */
export type GroupProposalView = { id: string; proposedAt: string };

/** The grid's bound WeChat group, for its staff: who confirmed it and when (not the opengid). */
export type GroupBindingView = { confirmedBy: string; confirmedAt: string };

/** `grid.groupBinding`: the grid's bound group and the proposals waiting for its staff. */
export type GroupBindingState = { binding: GroupBindingView | null; proposals: GroupProposalView[] };
