import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../functions';
import type { LocalDatabase } from '../localcloud/db';
import { readDemo } from '../localcloud/demo';
import { spawnLocalCloud, type SpawnedCloud } from '../localcloud/spawn';
import { percentile, table } from './measure';
import { benchFolder, withSeededCloud } from './seededCloud';
import { benchOpenAppeals } from './seedAppeals';

const CLIENTS = 50;
const demo = readDemo(join(ROOT, 'demo', 'zoucheng.json'));
const REQUESTS = 1000;
/** Appeals already stored when submit is measured at scale. */
const EXISTING = [0, 10_000, 100_000];
/** Requests per workload at scale (`BENCH_SCALE_REQUESTS` to shorten a slow run). */
const SCALE_REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS) || REQUESTS;
/** The moment the scale runs happen at (the local cloud's clock is moved there); the existing appeals were filed over the 30 days before. */
const NOW = '2026-11-25T11:00:00+08:00';
const HOUR = 3_600_000;
const MONTH_HOURS = 30 * 24;

type Cloud = SpawnedCloud & { dir: string };

/** A local cloud in its own process, serving the built functions plus a do-nothing one. */
async function startCloud(): Promise<Cloud> {
  const { dir, functionsDir } = benchFolder('cloud');
  return { ...(await spawnLocalCloud({ dataDir: join(dir, 'data'), functionsDir })), dir };
}

async function call(cloud: SpawnedCloud, fn: string, event: object, openid?: string) {
  const res = await fetch(`${cloud.url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: JSON.stringify(event),
  });
  const body = (await res.json()) as { ok: boolean; data?: any; code?: string };
  if (!body.ok) throw new Error(`${fn}.${(event as { action?: string }).action}: ${body.code}`);
  return { body, roundTrips: Number(res.headers.get('x-db-round-trips')) };
}

/** Database round trips of each action along one appeal's life. */
async function roundTrips(cloud: Cloud) {
  const resident = 'bench-resident';
  const chief = 'demo-chief-GS-0101';
  const rows: Array<Record<string, string | number>> = [];
  const measure = async (label: string, fn: string, event: object, who?: string) => {
    const { body, roundTrips: n } = await call(cloud, fn, event, who);
    rows.push({ action: label, 'round trips': n });
    return body.data;
  };
  await measure('grid.resolve', 'grid', { action: 'resolve', code: 'GS-0101' });
  await measure('grid.search', 'grid', { action: 'search', keyword: '平阳' });
  await measure('grid.locate', 'grid', { action: 'locate', latitude: 35.405, longitude: 116.967 });
  await measure('account.me', 'account', { action: 'me' }, chief);
  const filed = await measure('appeal.submit', 'appeal', { action: 'submit', gridCode: 'GS-0101', category: 'repair', content: '路灯不亮了，晚上很黑', requestId: 'bench-flow-1' }, resident);
  await measure('appeal.submit (same requestId again)', 'appeal', { action: 'submit', gridCode: 'GS-0101', category: 'repair', content: '路灯不亮了，晚上很黑', requestId: 'bench-flow-1' }, resident);
  await measure('appeal.mine', 'appeal', { action: 'mine' }, resident);
  await measure('appeal.inbox', 'appeal', { action: 'inbox' }, chief);
  await measure('appeal.detail', 'appeal', { action: 'detail', id: filed.id }, chief);
  await measure('appeal.accept', 'appeal', { action: 'accept', id: filed.id }, chief);
  await measure('appeal.reply', 'appeal', { action: 'reply', id: filed.id, text: '下午去看' }, chief);
  const moved = await measure('appeal.transfer', 'appeal', { action: 'transfer', id: filed.id, toGridCode: 'GS-0102', reason: '属于二网格' }, chief);
  await measure('appeal.supervise', 'appeal', { action: 'supervise', id: filed.id, card: 'red', note: '请今天办结' }, 'demo-community-GS01');
  const until = new Date(Date.parse(moved.deadlines.acceptBy) + 86_400_000).toISOString();
  await measure('appeal.requestExtension', 'appeal', { action: 'requestExtension', id: filed.id, reason: '需要物业配合', until }, 'demo-chief-GS-0102');
  await measure('appeal.decideExtension', 'appeal', { action: 'decideExtension', id: filed.id, grant: true }, 'demo-community-GS01');
  await measure('appeal.board', 'appeal', { action: 'board' }, 'demo-community-GS01');
  await measure('appeal.escalate', 'appeal', { action: 'escalate', id: filed.id, reason: '需要社区协调' }, 'demo-chief-GS-0102');
  await measure('appeal.resolve', 'appeal', { action: 'resolve', id: filed.id, note: '已修好' }, 'demo-community-GS01');
  await measure('appeal.rate', 'appeal', { action: 'rate', id: filed.id, score: 5 }, resident);
  await measure('appeal.report', 'appeal', { action: 'report', gridCode: 'GS-0101', category: 'repair', content: '巡查发现路灯不亮', requestId: 'bench-report-1' }, chief);
  await measure('appeal.ledger', 'appeal', { action: 'ledger', gridCode: 'GS-0101' }, chief);
  await measure('appeal.ledger (late, this month)', 'appeal', { action: 'ledger', gridCode: 'GS-0101', overdue: true, month: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7) }, 'demo-community-GS01');
  table(rows);
}

/** Requests per second and latency with CLIENTS callers in parallel, `requests` in all. */
async function load(label: string, request: (i: number) => Promise<unknown>, requests = REQUESTS) {
  const latencies: number[] = [];
  const failures = new Set<string>();
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < requests) {
        const i = next++;
        const t = performance.now();
        await request(i).catch((error: Error) => {
          failed++;
          failures.add(error.message);
        });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { workload: label, requests, 'per second': (requests / seconds).toFixed(0), 'p50 ms': percentile(latencies, 50).toFixed(1), 'p99 ms': percentile(latencies, 99).toFixed(1), failed: failed ? `${failed} (${[...failures].join(', ')})` : 0 };
}

export async function benchAppeals() {
  const cloud = await startCloud();
  try {
    console.log('\n## Database round trips per action (local cloud, counted per call)');
    await roundTrips(cloud);
    console.log(`\n## Throughput on the local cloud: ${CLIENTS} concurrent clients, ${REQUESTS} requests each workload`);
    table(await submitBesideNoop(cloud, REQUESTS));
  } finally {
    await cloud.stop();
    rmSync(cloud.dir, { recursive: true, force: true });
  }
}

/**
 * `requests` submits then as many do-nothing calls, CLIENTS at a time. Each submit comes from its
 * own resident so the hourly rate limit never answers instead, spread over every demo grid, as a
 * city's residents would be.
 */
async function submitBesideNoop(cloud: SpawnedCloud, requests: number) {
  const codes = demo.grids.map((g) => g.code);
  const submits = await load(
    'appeal.submit',
    (i) => call(cloud, 'appeal', { action: 'submit', gridCode: codes[i % codes.length], category: 'sanitation', content: `第${i}号楼下垃圾没人清理`, requestId: `bench-load-${i}` }, `bench-load-resident-${i}`),
    requests,
  );
  const noop = await load('do-nothing function', () => call(cloud, 'noop', {}), requests);
  return [submits, noop];
}

/**
 * Submit throughput and p99 with CLIENTS clients over 0, 10,000 and 100,000 appeals already
 * stored (open, over the demo grids, filed by 5,000 residents in the month before), beside the
 * do-nothing function on the same cloud; one table at the end.
 */
export async function benchSubmitAtScale() {
  const rows: Array<Record<string, string | number>> = [];
  for (const existing of EXISTING) {
    const seed = (db: LocalDatabase) => {
      const now = Date.parse(NOW);
      const hourOf = (i: number) => Math.floor((i * MONTH_HOURS) / existing);
      if (existing) db.insertMany('appeals', benchOpenAppeals('bench-scale', existing, 5000, (i) => new Date(now - (MONTH_HOURS - hourOf(i)) * HOUR)));
      return `Submit at scale: ${existing.toLocaleString()} appeals stored`;
    };
    await withSeededCloud(`scale-${existing}`, NOW, seed, async (cloud) => {
      const measured = (await submitBesideNoop(cloud, SCALE_REQUESTS)).map((row) => ({ 'appeals stored': existing.toLocaleString(), ...row }));
      table(measured);
      rows.push(...measured);
    });
  }
  console.log(`\n## appeal.submit as the data grows: ${CLIENTS} concurrent clients`);
  table(rows);
}
