import type { DB } from 'wx-server-sdk/index';
import type { ImportPlan, RegistryState } from '../domain/registry';
import { docsOf, listOf } from './results';
import type { CommunityRecord, GridRecord, StreetRecord } from '../domain/records';

/** Well above a city's registry (Zoucheng: ~1,410 grids); aggregates stop at 20 without a `$limit`. */
const REGISTRY_SCAN_LIMIT = 20_000;
/** Writes in flight at once: enough to finish a city in seconds, few enough not to be throttled. */
const WRITES_AT_ONCE = 20;

/** Well above the streets and towns of one city (Zoucheng: 16); the SDK returns at most 1,000 per query. */
const STREETS_LIMIT = 1000;

/** Every street's id and name: the import matches a sheet's street names to them. One round trip. */
export async function loadStreets(db: DB.Database): Promise<Array<Pick<StreetRecord, '_id' | 'name'>>> {
  return docsOf<StreetRecord>(await db.collection('streets').field({ _id: true, name: true }).limit(STREETS_LIMIT).get());
}

/** The given streets' communities and grids, and any grid a code in the sheet names: two round trips at once. */
export async function loadStreetRegistry(db: DB.Database, streetIds: string[], codes: string[]): Promise<Omit<RegistryState, 'streets'>> {
  const _ = db.command;
  const [communities, grids] = await Promise.all([
    db.collection('communities').aggregate().match({ streetId: _.in(streetIds) }).limit(REGISTRY_SCAN_LIMIT).end(),
    db
      .collection('grids')
      .aggregate()
      .match(codes.length ? _.or([{ streetId: _.in(streetIds) }, { code: _.in(codes) }]) : { streetId: _.in(streetIds) })
      .project({ groupChat: 0 })
      .limit(REGISTRY_SCAN_LIMIT)
      .end(),
  ]);
  return { communities: listOf<CommunityRecord>(communities), grids: listOf<GridRecord>(grids) };
}

/** Object values are `set` whole: a plain object in an update would be merged key by key. */
function updateData(db: DB.Database, changes: Partial<GridRecord>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, value]) => [field, value !== null && typeof value === 'object' ? db.command.set(value) : value]),
  );
}

async function inBatches<T>(items: T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += WRITES_AT_ONCE) await Promise.all(items.slice(i, i + WRITES_AT_ONCE).map(write));
}

/** New communities first (grids point at them), then new grids, then changed ones. */
export async function applyImportPlan(db: DB.Database, plan: ImportPlan): Promise<void> {
  await inBatches(plan.newCommunities, async (community) => {
    await db.collection('communities').add({ data: community });
  });
  await inBatches(plan.creates, async (grid) => {
    await db.collection('grids').add({ data: grid });
  });
  await inBatches(plan.updates, async ({ _id, changes }) => {
    await db.collection('grids').doc(_id).update({ data: updateData(db, changes) });
  });
}

/** Who imported what, when, and whether it finished: an interrupted import says so here. */
export type ImportRecord = {
  _id: string;
  fileID: string;
  by: string;
  byName: string;
  streetIds: string[];
  startedAt: Date;
  finishedAt: Date | null;
  status: 'applying' | 'done' | 'failed';
  counts: { created: number; updated: number; unchanged: number; moved: number; communitiesCreated: number };
};

/** Records an import as started; an import of the same sheet again (same `_id`) starts the record over. */
export async function startImportRecord(db: DB.Database, { _id, ...record }: ImportRecord): Promise<void> {
  await db.collection('imports').doc(_id).set({ data: record });
}

export async function finishImportRecord(db: DB.Database, id: string, status: 'done' | 'failed', at: Date): Promise<void> {
  await db.collection('imports').doc(id).update({ data: { status, finishedAt: at } });
}
