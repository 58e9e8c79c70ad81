import { shanghaiTime } from './time';

/** A span of time, `from` included and `to` not. */
export type Span = { from: Date; to: Date };

/**
 * The instants a calendar month spans in Zoucheng: `month` is `YYYY-MM` (Asia/Shanghai, UTC+8),
 * so `2026-11` runs from 2026-10-31T16:00Z up to 2026-11-30T16:00Z. What the ledger's month
 * filter means by "filed in that month".
 */
export function monthSpan(month: string): Span {
  const start = shanghaiTime(`${month}-01 00:00`);
  return { from: start.toDate(), to: start.add(1, 'month').toDate() };
}
