import type { LocalDatabase } from '../localcloud/db';
import { table } from './measure';
import { benchOpenAppeals } from './seedAppeals';
import { withSeededCloud } from './seededCloud';

const OPEN = 100_000;
const DUE = 2_000;
/** Runs measured after the first, to see how the due work drains run by run. */
const MORE_RUNS = 4;

/** The bench's moment (the local cloud's clock is moved there): a Wednesday morning in Zoucheng. */
const NOW = '2026-11-25T11:00:00+08:00';
/** Filed at 08:30, 受理 (120 service minutes) was due at 10:30; filed at 10:55, its reminder is 90 minutes off. */
const LATE_FILED = Date.parse('2026-11-25T08:30:00+08:00');
const FRESH_FILED = Date.parse('2026-11-25T10:55:00+08:00');

/** `OPEN` open appeals spread over the demo grids: the first `DUE` past 受理, the rest filed just now. */
const seedAppeals = () => benchOpenAppeals('bench-sla', OPEN, 5000, (i) => new Date(i < DUE ? LATE_FILED + i * 1000 : FRESH_FILED));

/**
 * One timer run over `OPEN` open appeals of which `DUE` are past their 受理 deadline: its time,
 * its database round trips and what it did, then the runs after it. The data is written straight
 * into the local cloud's database file between two starts (the demo is loaded by the first).
 */
export async function benchSlaTimer() {
  const seed = (db: LocalDatabase) => {
    db.insertMany('appeals', seedAppeals());
    return `SLA timer: ${OPEN.toLocaleString()} open appeals, ${DUE.toLocaleString()} past 受理`;
  };
  await withSeededCloud('sla', NOW, seed, async (cloud) => {
    const rows: Array<Record<string, string | number>> = [];
    for (let run = 1; run <= 1 + MORE_RUNS; run++) {
      const started = performance.now();
      const res = await fetch(`${cloud.url}/api/dev/trigger/timers`, { method: 'POST' });
      const seconds = (performance.now() - started) / 1000;
      const body = (await res.json()) as { ok: boolean; data?: { clocks: { escalated: number; reminded: number; messages: number } }; code?: string };
      if (!body.ok || !body.data) throw new Error(`timers: ${body.code}`);
      const { escalated, reminded, messages } = body.data.clocks;
      const trips = Number(res.headers.get('x-db-round-trips'));
      rows.push({ run, seconds: seconds.toFixed(2), 'round trips': trips, escalated, reminded, messages, 'round trips per escalation': escalated ? (trips / escalated).toFixed(1) : '-' });
    }
    table(rows);
  });
}
