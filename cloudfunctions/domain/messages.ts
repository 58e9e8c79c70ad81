import type { TemplateKey } from '../../types/appeal';
import { PAGES } from '../../types/routes';
import { APPEAL_WORDS, type SupervisionCard } from '../../types/vocabulary';
import { AUTO_CLOSE_AFTER_DAYS } from './appeal';
import type { ActorRecord, AppealEventRecord, AppealRecord, OwedMessage } from './records';
import { inShanghai } from './time';

/**
 * WeChat rejects a subscribe message whose field breaks its keyword's limit (47003), so each
 * value is cut to fit by the keyword kind its key names (`thing3`, `phrase2`, …).
 */
const LIMITS: Array<[RegExp, number]> = [
  [/^thing\d+$/, 20],
  [/^phrase\d+$/, 5],
  [/^character_string\d+$/, 32],
  [/^number\d+$/, 32],
  [/^letter\d+$/, 32],
  [/^name\d+$/, 10],
  [/^phone_number\d+$/, 17],
  [/^symbol\d+$/, 5],
  [/^car_number\d+$/, 8],
];

export function fitField(key: string, value: string): string {
  const text = value.replace(/\s+/g, ' ').trim() || '无';
  const limit = LIMITS.find(([pattern]) => pattern.test(key))?.[1];
  if (!limit || [...text].length <= limit) return text;
  const chars = [...text];
  return key.startsWith('thing') ? `${chars.slice(0, limit - 1).join('')}…` : chars.slice(0, limit).join('');
}

export type MessageData = Record<string, { value: string }>;

const fit = (fields: Record<string, string>): MessageData =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: fitField(k, v) }]));

const when = (at: Date) => inShanghai(at).format('YYYY-MM-DD HH:mm');

export const appealPage = (appeal: Pick<AppealRecord, '_id'>) => `${PAGES.appealDetail}?id=${appeal._id}`;

const { status: STATUS, action: ACTION, event: EVENT, level: LEVEL, deadline: DEADLINE } = APPEAL_WORDS;
const lastEvent = (appeal: AppealRecord) => appeal.timeline[appeal.timeline.length - 1];

/** Why staff are called to an appeal, from the event that brought it to them: `新诉求`, `转办`, `升级`, `红牌督办`, … */
export function callReason(event: AppealEventRecord): string {
  if (event.type === 'submitted' || event.type === 'released') return '新诉求';
  if (event.type === 'reopened') return `居民不满意${EVENT.reopened}`;
  if (event.type === 'sentForReview') return `居民不满意${EVENT.sentForReview}`;
  if (event.type === 'supervised') return APPEAL_WORDS.card[event.detail as SupervisionCard] ?? EVENT.supervised;
  return EVENT[event.type];
}

const by = (actor: ActorRecord) => (actor.kind === 'staff' ? `${actor.title} ${actor.name}` : '');

/**
 * What the filer is told of an event on their appeal (the 诉求进度通知's 进度说明), in the words
 * of the vocabulary: `网格长 张桂兰已受理`, `已升级至社区办理`, `已办结，请您评价`, …
 */
export function progressNote(appeal: AppealRecord, event: AppealEventRecord): string {
  switch (event.type) {
    case 'accepted':
      return `${by(event.actor)}已${EVENT.accepted}`;
    case 'replied':
      return `${by(event.actor)}${EVENT.replied}：${event.text ?? ''}`;
    case 'transferred':
      return `已${EVENT.transferred}至${appeal.gridName}`;
    case 'escalated':
      return `已${EVENT.escalated}至${LEVEL[appeal.level]}办理`;
    case 'returned':
      return `已${EVENT.returned}至${LEVEL[appeal.level]}重新分派`;
    case 'resolved':
      return `已${EVENT.resolved}，请您${ACTION.rate.label}`;
    case 'sentForReview':
      return `已转${EVENT.sentForReview}`;
    case 'released':
      return `${EVENT.released}，转${LEVEL.grid}办理`;
    case 'closed':
      if (event.before.status === 'held') return `未通过${ACTION.moderate.label}，已${EVENT.closed}：${event.text ?? ''}`;
      if (event.actor.kind === 'system') return `超过${AUTO_CLOSE_AFTER_DAYS}天${event.text ?? ''}，已${ACTION.autoClose.label}`;
      return `已${EVENT.closed}`;
    default:
      return EVENT[event.type];
  }
}

type Message = { template: TemplateKey; data: MessageData };

/** 新诉求提醒: the appeal, why staff are called to it, and a time. */
function staffCall(appeal: AppealRecord, reason: string, at: Date): Message {
  return {
    template: 'appealNew',
    data: fit({ character_string1: appeal.number, thing2: appeal.categoryName, thing3: `${reason}：${appeal.content}`, thing4: appeal.gridName, time5: when(at) }),
  };
}

/** 新诉求提醒, to whoever must act on the appeal now: why (its latest event) and what, in the template's keywords. */
export const newAppealMessage = (appeal: AppealRecord, at: Date): Message => staffCall(appeal, callReason(lastEvent(appeal)), at);

/**
 * What the SLA timer tells staff of a step it took, with the deadline as the time: 催办 before it
 * (`催办·受理时限`), or that it passed (`受理时限已超时`) to the level the appeal rose to.
 */
export function slaStaffMessage(appeal: AppealRecord, owed: Pick<OwedMessage, 'audience' | 'deadline'>): Message {
  const deadline = DEADLINE[owed.deadline];
  const reason = owed.audience === 'reminder' ? `${APPEAL_WORDS.reminder}·${deadline}` : `${deadline}${APPEAL_WORDS.overdue}`;
  return staffCall(appeal, reason, new Date(appeal.deadlines[owed.deadline]));
}

/** What the SLA timer tells the filer when a deadline passed: `受理时限已超时，已升级至社区办理`. */
export function slaResidentMessage(appeal: AppealRecord, owed: Pick<OwedMessage, 'deadline' | 'level'>, at: Date): Message {
  return {
    template: 'appealProgress',
    data: fit({
      character_string1: appeal.number,
      phrase2: STATUS[appeal.status],
      thing3: `${DEADLINE[owed.deadline]}${APPEAL_WORDS.overdue}，已${EVENT.escalated}至${LEVEL[owed.level]}办理`,
      time4: when(at),
    }),
  };
}

/** 诉求进度通知, to the resident who filed it: the status word and what its latest event was. */
export function progressMessage(appeal: AppealRecord, at: Date): Message {
  return {
    template: 'appealProgress',
    data: fit({
      character_string1: appeal.number,
      phrase2: STATUS[appeal.status],
      thing3: progressNote(appeal, lastEvent(appeal)),
      time4: when(at),
    }),
  };
}

/** 网格群二维码到期提醒, to the grid's chief the day before the QR lapses. */
export function groupQrExpiryMessage(grid: { name: string }, expiresAt: Date): { template: TemplateKey; data: MessageData } {
  return {
    template: 'groupQrExpiry',
    data: fit({
      thing1: grid.name,
      time2: when(expiresAt),
      thing3: '网格群二维码即将过期，请重新生成并上传',
    }),
  };
}

export const gridPageOf = (code: string) => `${PAGES.grid}?code=${code}`;
