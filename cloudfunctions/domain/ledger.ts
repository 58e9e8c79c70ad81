import { nextMonth, shanghaiTime } from './time';

/** A span of time, `from` included and `to` not. */
export type Span = { from: Date; to: Date };

/**
 * The instants a calendar month spans in Zoucheng: `month` is `YYYY-MM` (Asia/Shanghai, UTC+8),
 * so `2026-11` runs from 2026-10-31T16:00Z up to 2026-11-30T16:00Z. What the ledger's month
 * filter means by "filed in that month".
 */
export function monthSpan(month: string): Span {
  return { from: shanghaiTime(`${month}-01 00:00`).toDate(), to: shanghaiTime(`${nextMonth(month)}-01 00:00`).toDate() };
}
