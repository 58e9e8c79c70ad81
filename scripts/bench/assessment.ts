import { join } from 'node:path';
import { ROOT } from '../functions';
import type { LocalDatabase } from '../localcloud/db';
import { readDemo } from '../localcloud/demo';
import type { SpawnedCloud } from '../localcloud/spawn';
import { table } from './measure';
import { withSeededCloud } from './seededCloud';

/** A city's grids (Zoucheng: ~1,410 in 16 streets and towns), the demo's 36 among them; its month of appeals and check-ins. */
const GRIDS = 1410;
const APPEALS = 100_000;
const CHECKINS = 20_000;

const demo = readDemo(join(ROOT, 'demo', 'zoucheng.json'));

/** The bench's moment: 25 November 2026 in Zoucheng; the month assessed is November, the record its 90 days before. */
const NOW = '2026-11-25T11:00:00+08:00';
const MONTH = '2026-11';
/** November's first 24 days, where appeals and check-ins are spread. */
const MONTH_START = Date.parse('2026-11-01T00:00:00+08:00');
const SPREAD_MS = 24 * 86_400_000;
const HOUR = 3_600_000;

/** Zoucheng's streets and towns: the demo's three and generated ones, each with one community and its street staff. */
const STREETS = 16;

/** The city: the demo's streets, communities and grids plus generated ones up to STREETS and GRIDS, the new grids shared among the new communities. */
function benchCity() {
  const streets = Array.from({ length: STREETS - demo.streets.length }, (_, i) => ({ ...demo.streets[0], _id: `BS${i}`, name: `测评街道${i}` }));
  const communities = streets.map((street) => ({ _id: `${street._id}-C`, streetId: street._id, name: `${street.name}社区` }));
  const staff = streets.map((street) => ({ _id: `bench-street-${street._id}`, openid: `bench-street-${street._id}`, name: '测评', title: '街道', phone: '13800000000', avatar: null, roles: [{ role: 'street', streetId: street._id }] }));
  const template = demo.grids[0];
  const grids = Array.from({ length: GRIDS - demo.grids.length }, (_, i) => {
    const community = communities[i % communities.length];
    return { ...template, _id: `bench-grid-${i}`, code: `BN-${String(i).padStart(4, '0')}`, name: `测评网格${i}`, communityId: community._id, streetId: community.streetId, chiefId: null, workerIds: [], station: null };
  });
  return { streets, communities, staff, grids };
}

/** Who computes a street's month: its street staff. */
const streetStaff = (streetId: string) => (demo.streets.some((s) => s._id === streetId) ? `demo-street-${streetId}` : `bench-street-${streetId}`);

type BenchGrid = { _id: string; communityId: string; streetId: string };

/** Closed residents' appeals spread over the grids and November: most taken on in time, some on site, most rated. */
function benchAppeals(grids: BenchGrid[]) {
  return Array.from({ length: APPEALS }, (_, i) => {
    const grid = grids[i % grids.length];
    const filed = MONTH_START + ((i * 7919) % SPREAD_MS);
    const at = (hours: number) => new Date(filed + hours * HOUR);
    const place = { status: 'accepted', level: 'grid', gridId: grid._id };
    return {
      _id: `bench-assess-${i}`,
      number: `BENCH-ASSESS-${i}`,
      gridId: grid._id,
      communityId: grid.communityId,
      streetId: grid.streetId,
      status: 'closed',
      source: i % 10 === 0 ? 'staff' : 'resident',
      createdAt: at(0),
      updatedAt: at(30),
      deadlines: { acceptBy: at(2), onSiteBy: at(8), resolveBy: at(72) },
      timeline: [{ type: 'accepted', at: at(i % 5 === 0 ? 3 : 1), actor: { kind: 'staff', staffId: 'bench' }, before: place, after: place }],
      onSiteAt: i % 3 === 0 ? null : at(6),
      resolvedAt: at(30),
      rating: i % 4 === 0 ? null : { score: 3 + (i % 3), comment: '', at: at(31) },
      reopenCount: i % 20 === 0 ? 1 : 0,
      supervision: [],
    };
  });
}

/** Check-ins in the shape `presence` stores them: patrols (one in ten flagged), visits, arrivals. */
function benchCheckins(grids: BenchGrid[]) {
  const kinds = ['patrol', 'patrol', 'visit', 'arrival'] as const;
  return Array.from({ length: CHECKINS }, (_, i) => ({
    _id: `bench-checkin-${i}`,
    gridId: grids[i % grids.length]._id,
    staffId: 'bench',
    kind: kinds[i % kinds.length],
    verified: i % 10 !== 0,
    at: new Date(MONTH_START + ((i * 104_729) % SPREAD_MS)),
  }));
}

async function post(cloud: SpawnedCloud, path: string, body: object, openid?: string) {
  const started = performance.now();
  const res = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  const reply = (await res.json()) as { ok: boolean; data?: unknown; code?: string };
  if (!reply.ok) throw new Error(`${path}: ${reply.code}`);
  return { data: reply.data, seconds: ((performance.now() - started) / 1000).toFixed(2), 'round trips': Number(res.headers.get('x-db-round-trips')) };
}

/**
 * The monthly assessment and the grids' 90-day roll-up over a city's worth of data, written
 * straight into the local cloud's database file between two starts: `assessment.compute` for
 * each street (its seconds and round trips), then the timer runs that roll the grids up street by
 * street until one has nothing left (its round trips are the sweep's own), then `grid.resolve` reading it.
 */
export async function benchAssessment() {
  const city = benchCity();
  const grids: BenchGrid[] = [...demo.grids, ...city.grids];
  const seed = (db: LocalDatabase) => {
    db.insertMany('streets', city.streets);
    db.insertMany('communities', city.communities);
    db.insertMany('staff', city.staff);
    db.insertMany('grids', city.grids);
    db.insertMany('appeals', benchAppeals(grids));
    db.insertMany('checkins', benchCheckins(grids));
    return `Assessment: ${GRIDS.toLocaleString()} grids in ${STREETS} streets, ${APPEALS.toLocaleString()} appeals, ${CHECKINS.toLocaleString()} check-ins`;
  };
  await withSeededCloud('assessment', NOW, seed, async (cloud) => {
    const rows: Array<Record<string, string | number>> = [];
    for (const street of [...demo.streets, ...city.streets]) {
      const { seconds, 'round trips': trips } = await post(cloud, '/api/fn/assessment', { action: 'compute', month: MONTH, streetId: street._id }, streetStaff(street._id));
      rows.push({ step: `assessment.compute ${street._id}`, grids: grids.filter((g) => g.streetId === street._id).length, seconds, 'round trips': trips });
    }
    // The timer takes streets while its budget lasts: run it until a run rolls up nothing.
    for (let run = 1; ; run++) {
      const { data, seconds, 'round trips': trips } = await post(cloud, '/api/dev/trigger/assessment', {});
      const { rolledUp } = data as { rolledUp: number };
      rows.push({ step: `timer run ${run}: roll-up`, grids: rolledUp, seconds, 'round trips': trips });
      if (rolledUp === 0) break;
    }
    const page = await post(cloud, '/api/fn/grid', { action: 'resolve', code: 'GS-0101' });
    rows.push({ step: 'grid.resolve (record read)', grids: 1, seconds: page.seconds, 'round trips': page['round trips'] });
    table(rows);
  });
}
