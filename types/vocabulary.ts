/**
 * GridLink's words for appeals, once (DESIGN §3 "Vocabulary"): every status, action, timeline
 * event, level, source and deadline, with the Chinese that the functions, the subscribe
 * messages and the app show. Nothing else holds a label for these keys; a consumer that needs
 * a word looks it up here, and a new key added here fails the typecheck wherever a word for it
 * is missing (every map below is a `Record` over its keys).
 *
 * The words are the 12345 hotline's, each with one meaning:
 * - 受理: staff take on a new appeal (`accept`); until then it is 待受理.
 * - 办理: the work between 受理 and 办结 (the status 办理中).
 * - 办结: staff finish the work with a note (`resolve`); the appeal then waits for 评价.
 * - 回访/评价: the filer rates the result (`rate`); 评价 is the filer's word in the app.
 * - 重办: an unsatisfied rating sends the appeal back to its grid (`reopened`).
 * - 社区复核: after two 重办, a further unsatisfied rating sends the appeal to its community's
 *   staff to review (`sentForReview`) instead of back to the grid a third time.
 * - 退回: staff send an appeal that is not theirs back to the level above (`sendBack`).
 * - 转办: staff pass the appeal to another grid (`transfer`).
 * - 升级: the appeal rises to the level above, by staff to coordinate or by the SLA timer when late (`escalate`; "已升级至社区").
 * - 结案: the appeal's life is over, however it ended (rated, left unrated, refused in 审核).
 * - 上报: a chief or worker files what they found on patrol into the grid's ledger (`report`,
 *   source `staff`, event `reported`). Escalation is 升级, not 上报, so that 上报 keeps one meaning.
 * - 督办: community or street staff put a yellow or red card on an appeal (`supervise`).
 * - 延期: the grid asks for more time (`requestExtension`); community staff grant or refuse it
 *   (`decideExtension`).
 * - 超时: a deadline passed unmet. The SLA timer then raises the appeal one level (the `escalated`
 *   event with the system as its actor), or, at the street already, records `overdue`.
 * - 到场签到: a chief or worker scans the grid's sign on site for an open appeal (`arrive`, event
 *   `arrived`): the on-site time is proven, not claimed (当日必达).
 * - 催办: the timer's reminder to whoever must act, shortly before a deadline (no timeline line).
 *
 * Status words are also the 诉求进度通知's `phrase2`, so each is at most 5 characters.
 * `return` is a reserved word in JavaScript, so sending back is `sendBack` (its event and status
 * keep the stored names `returned`).
 */

import { ACTION_WORDS, type ActionWords, type AppealAction } from './actionWords';

export type { ActionWords, AppealAction };

/** An appeal's statuses, in the order the app's tabs list them. */
export const APPEAL_STATUSES = ['held', 'submitted', 'accepted', 'returned', 'resolved', 'closed'] as const;
type Status = (typeof APPEAL_STATUSES)[number];

/** The lines of an appeal's timeline (stored names: old records hold the same keys). */
export const EVENT_TYPES = [
  'submitted',
  'reported',
  'held',
  'released',
  'accepted',
  'replied',
  'arrived',
  'transferred',
  'escalated',
  'overdue',
  'supervised',
  'extensionRequested',
  'extensionGranted',
  'extensionRefused',
  'returned',
  'resolved',
  'rated',
  'reopened',
  'sentForReview',
  'closed',
] as const;
export type AppealEventType = (typeof EVENT_TYPES)[number];

/** Where an appeal is worked: its grid, or the community or street above after 升级 or 退回. */
export const APPEAL_LEVELS = ['grid', 'community', 'street'] as const;
export type AppealLevel = (typeof APPEAL_LEVELS)[number];

/** Who brought the appeal in: a resident (居民反映) or, next, staff reporting what they found (上报). */
export const APPEAL_SOURCES = ['resident', 'staff'] as const;
export type AppealSource = (typeof APPEAL_SOURCES)[number];

/** An appeal's clocks ("有呼必应、当日必达"). */
export const DEADLINE_KINDS = ['acceptBy', 'onSiteBy', 'resolveBy'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** 督办 cards: yellow to hurry, red for a serious or repeated delay. */
export const SUPERVISION_CARDS = ['yellow', 'red'] as const;
export type SupervisionCard = (typeof SUPERVISION_CARDS)[number];

/** Where a 延期 request stands. */
export const EXTENSION_STATES = ['pending', 'granted', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** The one table (`as const`: a word is its own type, so a sheet's `note` is known to be there). */
export const APPEAL_WORDS = {
  status: {
    held: '审核中',
    submitted: '待受理',
    accepted: '办理中',
    returned: '已退回',
    resolved: '待评价',
    closed: '已结案',
  },
  action: ACTION_WORDS,
  event: {
    submitted: '提交诉求',
    reported: '事项上报',
    held: '进入内容审核',
    released: '审核通过',
    accepted: '受理',
    replied: '回复',
    arrived: '扫码到场',
    transferred: '转办',
    escalated: '升级',
    overdue: '超时',
    supervised: '督办',
    extensionRequested: '申请延期',
    extensionGranted: '同意延期',
    extensionRefused: '不同意延期',
    returned: '退回',
    resolved: '办结',
    rated: '评价',
    reopened: '重办',
    sentForReview: '社区复核',
    closed: '结案',
  },
  level: { grid: '网格', community: '社区', street: '街道' },
  source: { resident: '居民反映', staff: '工作人员上报' },
  deadline: { acceptBy: '受理时限', onSiteBy: '到场时限', resolveBy: '办结时限' },
  card: { yellow: '黄牌督办', red: '红牌督办' },
  extension: { pending: '延期待审批', granted: '已同意延期', refused: '未同意延期' },
  /** A deadline passed unmet; 催办 is the reminder before it. */
  overdue: '已超时',
  reminder: '催办',
  /** A reply whose writer was on site (meets the 到场 clock). */
  onSite: '已到现场',
} as const satisfies {
  status: Record<Status, string>;
  action: Record<AppealAction, ActionWords>;
  event: Record<AppealEventType, string>;
  level: Record<AppealLevel, string>;
  source: Record<AppealSource, string>;
  deadline: Record<DeadlineKind, string>;
  card: Record<SupervisionCard, string>;
  extension: Record<ExtensionState, string>;
  overdue: string;
  reminder: string;
  onSite: string;
};

/**
 * The monthly assessment's words, once: the pages, the exported sheet and the grid page's record
 * all name a figure by these (kept here, not in `assessment.ts`, so the main package reads them
 * without the assessment's schemas). A share's rate is its word and 率 (`rateWord`).
 */
export const FIGURE_WORDS = {
  score: '综合得分',
  onlineDays: '在线天数',
  online: '在线',
  patrols: '巡防次数',
  verifiedPatrols: '有效巡防',
  visits: '走访次数',
  verifiedVisits: '有效走访',
  households: '六必访户数',
  coverage: '六必访覆盖',
  reports: '事项上报量',
  response: '按时受理',
  sameDay: '当日到场',
  resolution: APPEAL_WORDS.event.resolved,
  onTime: '按时办结',
  redo: APPEAL_WORDS.event.reopened,
  yellowCards: '黄牌督办',
  redCards: '红牌督办',
  rated: '评价数',
  average: '平均评分',
  satisfied: '满意',
} as const;

/** A share's name: `按时受理` → `按时受理率`. */
export const rateWord = (word: string): string => `${word}率`;
