import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS_OUT, ROOT } from '../functions';
import { readDemo } from '../localcloud/demo';
import { spawnLocalCloud, type SpawnedCloud } from '../localcloud/spawn';
import { percentile, table } from './measure';

const CLIENTS = 50;
const demo = readDemo(join(ROOT, 'demo', 'zoucheng.json'));
const REQUESTS = 1000;

type Cloud = SpawnedCloud & { dir: string };

/** A local cloud in its own process, serving the built functions plus a do-nothing one. */
async function startCloud(): Promise<Cloud> {
  // Inside the project, so the bundles resolve wx-server-sdk from its node_modules.
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.bench', 'cloud-'));
  const functions = join(dir, 'functions');
  cpSync(FUNCTIONS_OUT, functions, { recursive: true });
  mkdirSync(join(functions, 'noop'));
  writeFileSync(join(functions, 'noop', 'index.js'), 'exports.main = async () => ({ ok: true, data: null });\n');
  return { ...(await spawnLocalCloud({ dataDir: join(dir, 'data'), functionsDir: functions })), dir };
}

async function call(cloud: Cloud, fn: string, event: object, openid?: string) {
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

/** Requests per second and latency with CLIENTS callers in parallel, REQUESTS in all. */
async function load(label: string, request: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const t = performance.now();
        await request(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { workload: label, requests: REQUESTS, 'per second': (REQUESTS / seconds).toFixed(0), 'p50 ms': percentile(latencies, 50).toFixed(1), 'p99 ms': percentile(latencies, 99).toFixed(1) };
}

export async function benchAppeals() {
  const cloud = await startCloud();
  try {
    console.log('\n## Database round trips per action (local cloud, counted per call)');
    await roundTrips(cloud);
    console.log(`\n## Throughput on the local cloud: ${CLIENTS} concurrent clients, ${REQUESTS} requests each workload`);
    // Each submit comes from its own resident so the hourly rate limit never answers instead.
    // Spread over every demo grid, as a city's residents would be.
    const codes = demo.grids.map((g) => g.code);
    const submits = await load('appeal.submit', (i) =>
      call(cloud, 'appeal', { action: 'submit', gridCode: codes[i % codes.length], category: 'sanitation', content: `第${i}号楼下垃圾没人清理`, requestId: `bench-load-${i}` }, `bench-load-resident-${i}`),
    );
    const noop = await load('do-nothing function', () => call(cloud, 'noop', {}));
    table([submits, noop]);
  } finally {
    await cloud.stop();
    rmSync(cloud.dir, { recursive: true, force: true });
  }
}
