import type { TemplateKey } from '../../types/appeal';
import { PAGES } from '../../types/routes';
import type { AppealRecord } from './records';
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

/** 新诉求提醒, to whoever must act on the grid: the template's keywords, in its order. */
export function newAppealMessage(appeal: AppealRecord, reason: string, at: Date): { template: TemplateKey; data: MessageData } {
  return {
    template: 'appealNew',
    data: fit({
      character_string1: appeal.number,
      thing2: appeal.categoryName,
      thing3: `${reason}：${appeal.content}`,
      thing4: appeal.gridName,
      time5: when(at),
    }),
  };
}

/** 诉求进度通知, to the resident who filed it. */
export function progressMessage(appeal: AppealRecord, what: string, at: Date): { template: TemplateKey; data: MessageData } {
  return {
    template: 'appealProgress',
    data: fit({
      character_string1: appeal.number,
      phrase2: { held: '审核中', submitted: '待受理', accepted: '处理中', returned: '已退回', resolved: '已办结', closed: '已关闭' }[appeal.status],
      thing3: what,
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
