/** The function contract's reply (DESIGN §4): every function answers with one of these. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_RISKY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One of several things wrong with one input (a sheet's rows): `row` as the person's file numbers it. */
export type Problem = { row: number | null; column: string | null; message: string };

/** `problems` lists every fault when one message cannot (a bad sheet); `message` sums them up. */
export type Failure = { ok: false; code: ErrorCode; message: string; problems?: Problem[] };
export type Envelope<T> = { ok: true; data: T } | Failure;

/** What a person reads when a handler did not say anything more precise. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '提交的内容不符合要求',
  UNAUTHENTICATED: '请先在微信中登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_RISKY: '内容含有不适宜发布的信息，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
};
