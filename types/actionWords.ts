/**
 * What people and the clock do to an appeal, and each action's word: the `action` part of
 * APPEAL_WORDS (vocabulary.ts, which re-exports these names), in a module of its own so the grid
 * page (main package) carries the one word it shows (上报) without the rest of the table.
 */

/** What people and the clock do to an appeal: the state machine's commands and `block`. */
export const APPEAL_ACTIONS = [
  'accept',
  'reply',
  'transfer',
  'escalate',
  'resolve',
  'sendBack',
  'rate',
  'moderate',
  'block',
  'autoClose',
  'supervise',
  'requestExtension',
  'decideExtension',
  'report',
  'arrive',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

/** An action's word (its button and the verb in messages) and what its sheet asks for, if anything. */
export type ActionWords = { label: string; note: string | null };

/** Each action's button word and its sheet's question. */
export const ACTION_WORDS = {
  accept: { label: '受理', note: null },
  reply: { label: '回复', note: '回复内容' },
  transfer: { label: '转办', note: '转办原因' },
  escalate: { label: '升级', note: '升级原因' },
  resolve: { label: '办结', note: '办理结果' },
  sendBack: { label: '退回', note: '退回原因' },
  rate: { label: '评价', note: '评价内容' },
  moderate: { label: '审核', note: '审核意见' },
  block: { label: '限制反映人', note: '限制原因' },
  autoClose: { label: '自动结案', note: null },
  supervise: { label: '督办', note: '督办意见' },
  requestExtension: { label: '申请延期', note: '延期理由' },
  decideExtension: { label: '审批延期', note: '审批意见' },
  report: { label: '上报', note: '上报内容' },
  arrive: { label: '到场签到', note: null },
} as const satisfies Record<AppealAction, ActionWords>;
