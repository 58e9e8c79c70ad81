import * as z from 'zod/mini';
import { GridCode } from './grid';
import { normalizePhone } from './typed';
import { typedText } from './typedText';
import {
  APPEAL_SOURCES,
  APPEAL_STATUSES,
  APPEAL_WORDS,
  type AppealAction,
  type AppealEventType,
  type AppealLevel,
  type AppealSource,
  type DeadlineKind,
  type ExtensionState,
  SUPERVISION_CARDS,
  type SupervisionCard,
} from './vocabulary';

export type { AppealEventType, AppealLevel } from './vocabulary';

const ACTION_WORDS = APPEAL_WORDS.action;

/** Limits a resident sees while typing; the functions enforce the same numbers. */
export const APPEAL_LIMITS = {
  contentMin: 5,
  contentMax: 500,
  photosMax: 9,
  noteMax: 500,
  reasonMax: 200,
  commentMax: 200,
  pageSize: 20,
} as const;

const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '编号格式不正确' }));

/** A cloud storage file id as `wx.cloud.uploadFile` returns it. */
export const FileId = z.string().check(
  z.maxLength(512, { error: '图片地址过长' }),
  z.regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[^\s]+$/, { error: '图片必须先上传到云存储' }),
);

/**
 * An instant in ISO 8601 with its offset (what `Date.prototype.toISOString` writes); `what`
 * names it in the refusal (`督办时限格式不正确`).
 */
/**
 * Whether the date and time written exist: `Date.parse` rolls 2026-02-30 over to 2 March, so the
 * fields written must be the fields of the instant they name (read in the offset given).
 */
function isRealDateTime(text: string): boolean {
  const [, y, mo, d, h, mi] = (/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text) ?? []).map(Number);
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return !Number.isNaN(Date.parse(text)) && wall.getUTCFullYear() === y && wall.getUTCMonth() === mo - 1 && wall.getUTCDate() === d && wall.getUTCHours() === h;
}

export const instant = (what: string) =>
  z.string().check(
    z.maxLength(40, { error: `${what}格式不正确` }),
    z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { error: `${what}格式不正确` }),
    z.refine(isRealDateTime, { error: `${what}不是有效的日期时间` }),
  );

const Photos = z.array(FileId).check(z.maxLength(APPEAL_LIMITS.photosMax, { error: `最多上传 ${APPEAL_LIMITS.photosMax} 张图片` }));

export const Location = z.object({
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  name: z.optional(typedText('地点名称', 100, { shape: 'line', min: 0 })),
  address: z.optional(typedText('地址', 200, { shape: 'line', min: 0 })),
});
export type Location = z.infer<typeof Location>;

export const ContactPhone = z.string().check(
  z.overwrite(normalizePhone),
  z.regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { error: '联系电话格式不正确' }),
);

/** A client-made id for one submit attempt: a retry carries the same one. */
export const RequestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' }));

/** Categories are ids from the street's item directory (网格事项清单), checked against it on submit. */
export const CategoryId = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/, { error: '请选择事项类别' }));

export const SubmitAppealInput = z.object({
  gridCode: GridCode,
  category: CategoryId,
  content: typedText('问题描述', APPEAL_LIMITS.contentMax, { min: APPEAL_LIMITS.contentMin }),
  photos: z._default(Photos, []),
  location: z.optional(z.nullable(Location)),
  contactPhone: z.optional(z.nullable(ContactPhone)),
  anonymous: z._default(z.boolean(), false),
  requestId: RequestId,
});
export type SubmitAppealInput = z.input<typeof SubmitAppealInput>;

/**
 * 上报: what a chief or worker found on patrol, into their grid's ledger. Like an appeal, less what
 * only a resident has (a contact phone, anonymity); photos are the reporter's work photos.
 */
export const ReportInput = z.object({
  gridCode: GridCode,
  category: CategoryId,
  content: typedText(ACTION_WORDS.report.note, APPEAL_LIMITS.contentMax, { min: APPEAL_LIMITS.contentMin }),
  photos: z._default(Photos, []),
  location: z.optional(z.nullable(Location)),
  requestId: RequestId,
});
export type ReportInput = z.input<typeof ReportInput>;

export const AppealStatus = z.enum(APPEAL_STATUSES);
export type AppealStatus = z.infer<typeof AppealStatus>;

export const Cursor = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,128}$/, { error: '分页参数不正确' }));

export const ListMineInput = z.object({ status: z.optional(AppealStatus), cursor: z.optional(Cursor) });

/** A calendar month in Asia/Shanghai, `YYYY-MM`. */
export const LedgerMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' }));

/**
 * 问题台账: a grid's appeals and staff reports together, newest first. `overdue: true` keeps only
 * those that missed a deadline (`isLate`), `false` only those that did not; `month` those filed in
 * that month (Asia/Shanghai).
 */
export const LedgerInput = z.object({
  gridCode: GridCode,
  source: z.optional(z.enum(APPEAL_SOURCES)),
  status: z.optional(AppealStatus),
  overdue: z.optional(z.boolean()),
  month: z.optional(LedgerMonth),
  cursor: z.optional(Cursor),
});
export type LedgerInput = z.input<typeof LedgerInput>;
export const InboxInput = z.object({ status: z.optional(AppealStatus), cursor: z.optional(Cursor) });
export const AppealRef = z.object({ id: Id });

/** `onSite`: the replier says they are (or were) on site, which meets the 到场 clock until signs prove it. */
export const ReplyInput = z.object({
  id: Id,
  text: typedText(ACTION_WORDS.reply.note, APPEAL_LIMITS.noteMax),
  photos: z._default(Photos, []),
  onSite: z._default(z.boolean(), false),
});
export const TransferInput = z.object({ id: Id, toGridCode: GridCode, reason: typedText(ACTION_WORDS.transfer.note, APPEAL_LIMITS.reasonMax, { min: 2 }) });
export const EscalateInput = z.object({ id: Id, reason: typedText(ACTION_WORDS.escalate.note, APPEAL_LIMITS.reasonMax, { min: 2 }) });
export const ResolveInput = z.object({ id: Id, note: typedText(ACTION_WORDS.resolve.note, APPEAL_LIMITS.noteMax, { min: 2 }), photos: z._default(Photos, []) });
/** 退回: the appeal is not this level's to work; it goes to the level above to be passed on. */
export const SendBackInput = z.object({ id: Id, reason: typedText(ACTION_WORDS.sendBack.note, APPEAL_LIMITS.reasonMax, { min: 2 }) });
export const RateInput = z.object({
  id: Id,
  score: z.number().check(z.int({ error: '评分必须是 1–5 的整数' }), z.gte(1, { error: '评分必须是 1–5 的整数' }), z.lte(5, { error: '评分必须是 1–5 的整数' })),
  comment: z._default(typedText(ACTION_WORDS.rate.label, APPEAL_LIMITS.commentMax, { min: 0 }), ''),
});
export const ModerateInput = z.object({ id: Id, release: z.boolean(), reason: z._default(typedText(ACTION_WORDS.moderate.note, APPEAL_LIMITS.reasonMax, { min: 0 }), '') });

/** Street staff bar the filer of an appeal from filing more (they never learn who it is). */
export const BlockInput = z.object({ id: Id, reason: typedText(ACTION_WORDS.block.note, APPEAL_LIMITS.reasonMax, { min: 2 }) });

/**
 * 督办: a yellow or red card with a note for the grid, and optionally a tighter deadline for the
 * running clock (later than now, earlier than that clock's deadline).
 */
export const SuperviseInput = z.object({
  id: Id,
  card: z.enum(SUPERVISION_CARDS),
  note: typedText(ACTION_WORDS.supervise.note, APPEAL_LIMITS.reasonMax, { min: 2 }),
  until: z.optional(z.nullable(instant(`${ACTION_WORDS.supervise.label}时限`))),
});

/** 延期: the grid asks to move the running clock's deadline to `until` (see `EXTENSION_MAX_DAYS`). */
export const RequestExtensionInput = z.object({
  id: Id,
  reason: typedText(ACTION_WORDS.requestExtension.note, APPEAL_LIMITS.reasonMax, { min: 2 }),
  until: instant(`${ACTION_WORDS.requestExtension.label}时限`),
});

/** Community (or street) staff grant or refuse the pending 延期 request. */
export const DecideExtensionInput = z.object({
  id: Id,
  grant: z.boolean(),
  note: z._default(typedText(ACTION_WORDS.decideExtension.note, APPEAL_LIMITS.reasonMax, { min: 0 }), ''),
});

/**
 * A 延期 may move a deadline at most this many days past the moment it is asked for: a month is
 * more than any 办结 window a street sets, and a date beyond it is a typing slip, not a plan.
 */
export const EXTENSION_MAX_DAYS = 30;

/** The supervision board lists open appeals overdue or due within this many minutes. */
export const NEAR_DUE_MINUTES = 120;

export const BoardInput = z.object({ cursor: z.optional(Cursor) });

export type Actor =
  | { kind: 'resident' }
  | { kind: 'staff'; staffId: string; name: string; title: string }
  | { kind: 'system' };

/** One line of an appeal's timeline, as the people allowed to see it see it. */
export type AppealEventView = {
  type: AppealEventType;
  at: string;
  actor: Actor;
  text: string | null;
  photos: string[];
  /**
   * transferred: the grid it went to (`GS-0102 name`); escalated, returned: the level key it went to;
   * rated: the score; replied: `onSite` when the replier was on site; overdue: the deadline kind missed;
   * supervised: the card (`yellow`, `red`); extensionRequested, extensionGranted: the deadline asked
   * for, ISO 8601. The words of 督办 and 延期 events (`text`) reach staff only.
   */
  detail: string | null;
};

/** Each clock's due time, ISO 8601. */
export type Deadlines = Record<DeadlineKind, string>;

export type AppealSummary = {
  id: string;
  number: string;
  category: string;
  categoryName: string;
  excerpt: string;
  status: AppealStatus;
  statusLabel: string;
  level: AppealLevel;
  gridCode: string;
  gridName: string;
  createdAt: string;
  /** null while held: no clock runs until 审核 releases it (its clocks start then). */
  deadlines: Deadlines | null;
  /** The clock the appeal is racing now (受理 while new, 办结 once taken on); null when none runs. */
  clock: { kind: DeadlineKind; at: string } | null;
  /** A deadline still owed (受理, 到场 until someone is on site, 办结) has passed. */
  overdue: boolean;
  /**
   * The promise in one line, as of the function's clock (Asia/Shanghai): `今天 20:00 前有人上门`,
   * `明天 12:00 前受理`, `10月9日 20:00 前办结`, or once late `已超时 2 小时，已升级至社区`;
   * null when no clock runs (held, resolved, closed).
   */
  promise: string | null;
  /** 居民反映 or 工作人员上报. */
  source: AppealSource;
  /** Deadlines of the current clocks that passed unmet (the timer marked them 超时). */
  missed: DeadlineKind[];
  /** The strongest 督办 card on it (red over yellow), null when none. */
  card: SupervisionCard | null;
  /** A 延期 request awaits a decision. */
  extensionPending: boolean;
};

/** A staff member as cards and requests name them. */
export type StaffName = { name: string; title: string };

export type SupervisionView = { card: SupervisionCard; note: string; until: string | null; by: StaffName; at: string };

export type ExtensionView = {
  state: ExtensionState;
  deadline: DeadlineKind;
  reason: string;
  until: string;
  requestedBy: StaffName;
  requestedAt: string;
  decidedBy: StaffName | null;
  decidedAt: string | null;
  note: string | null;
};

export type AppealDetail = AppealSummary & {
  content: string;
  photos: string[];
  location: Location | null;
  anonymous: boolean;
  /** Only for staff over the appeal's grid, and never for an anonymous appeal. */
  contactPhone: string | null;
  reopenCount: number;
  rating: { score: number; comment: string; at: string } | null;
  /** When staff were first recorded on site, ISO 8601; null until then. */
  onSiteAt: string | null;
  /** 督办 cards, oldest first; staff only (a resident sees that it is supervised by `card`). */
  supervision: SupervisionView[];
  /** The latest 延期 request; staff over the appeal only. */
  extension: ExtensionView | null;
  timeline: AppealEventView[];
  /**
   * The cloud's clock when it answered, ISO 8601: the app counts deadlines offered from it, not
   * from the phone's clock (which may be wrong, and which the local cloud's moved clock leaves).
   */
  now: string;
  /** What the caller may do now: drives the buttons (到场签到 is a scan of the grid's sign, not a button). */
  can: Array<Exclude<AppealAction, 'autoClose' | 'report' | 'arrive'>>;
};

export type Page<T> = { items: T[]; cursor: string | null };

/** One page of a grid's ledger, with the grid it is of. */
export type LedgerPage = Page<AppealSummary> & { grid: { code: string; name: string } };

/**
 * 超时, as the ledger counts it: a deadline of the appeal's current clocks passed unmet, whether
 * the SLA timer has marked it (`missed`, kept after the appeal is resolved) or not yet (`overdue`:
 * the running deadline is behind us). A restarted clock (转办, 重办) is a new promise.
 */
export const isLate = (s: Pick<AppealSummary, 'overdue' | 'missed'>) => s.overdue || s.missed.length > 0;

export type CategoryOption = { id: string; name: string };

/** Subscribe-message templates GridLink sends, by purpose; their ids come from the deployment. */
export const TEMPLATE_KEYS = ['appealNew', 'appealProgress', 'groupQrExpiry'] as const;
export const TemplateKey = z.enum(TEMPLATE_KEYS);
export type TemplateKey = z.infer<typeof TemplateKey>;

/**
 * One-time consents GridLink keeps per template and person. WeChat grants one message per
 * template per tap in its subscribe dialog and never tells the server, so the count is only the
 * app's report; GridLink believes it up to this many. Each consent counted that WeChat did not
 * grant is a message it refuses (43101) where the community would otherwise have been told
 * (`tellGrid`), so the cap bounds what a forged report can silence. 20 is several busy days of
 * new appeals for a chief, and the app asks again at each tap (the consent banner).
 */
export const CONSENTS_KEPT_PER_TEMPLATE = 20;

export const GrantConsentsInput = z.object({
  accepted: z.array(TemplateKey).check(z.maxLength(TEMPLATE_KEYS.length * 3)),
});

export type Me = {
  role: 'resident' | 'chief' | 'worker' | 'community' | 'street';
  name: string | null;
  title: string | null;
  /** Where a staff member serves, e.g. "平阳社区第一网格". */
  scope: string | null;
  /** The grids they serve as chief or worker (where they report, 上报); empty for anyone else. */
  grids: Array<{ code: string; name: string }>;
  /** One-time subscribe consents left, per template. */
  consents: Record<TemplateKey, number>;
  templates: Record<TemplateKey, string>;
};
