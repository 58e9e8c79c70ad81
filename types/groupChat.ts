import * as z from 'zod/mini';
import { FileId } from './appeal';
import { GridCode } from './grid';

/** A personal WeChat group's QR code works for 7 days from the day it was generated. */
export const GROUP_QR_VALID_DAYS = 7;
export const WECOM_URL_MAX = 500;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day as the chief reads it on the QR, 'YYYY-MM-DD' (Asia/Shanghai). */
const Day = z.string().check(z.regex(DAY, { error: '日期格式应为 YYYY-MM-DD' }));

/** An instant in ISO 8601 with its offset (what `Date.prototype.toISOString` writes). */
const Instant = z.string().check(
  z.maxLength(40, { error: '到期时间格式不正确' }),
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { error: '到期时间格式不正确' }),
  z.refine((text) => !Number.isNaN(Date.parse(text)), { error: '到期时间格式不正确' }),
);

const WeComUrl = z.string().check(
  z.trim(),
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
