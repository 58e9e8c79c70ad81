import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS_OUT, ROOT } from '../functions';
import { openDatabase, type LocalDatabase } from '../localcloud/db';
import { spawnLocalCloud, type SpawnedCloud } from '../localcloud/spawn';

/** A start over a big seeded file (parsing every document, building its indexes) on a busy machine may take minutes. */
const SEEDED_START_MS = 300_000;

/**
 * A fresh folder under `.bench/` (inside the project, so the bundles resolve wx-server-sdk from its
 * node_modules) holding the built functions plus `noop`, a do-nothing one: `{ dir, functionsDir }`.
 */
export function benchFolder(name: string) {
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.bench', `${name}-`));
  const functionsDir = join(dir, 'functions');
  cpSync(FUNCTIONS_OUT, functionsDir, { recursive: true });
  mkdirSync(join(functionsDir, 'noop'));
  writeFileSync(join(functionsDir, 'noop', 'index.js'), 'exports.main = async () => ({ ok: true, data: null });\n');
  return { dir, functionsDir };
}

/**
 * A local cloud over the built functions (and `noop`) whose database holds the demo plus what `seed` writes
 * straight into its file (between two starts: the first loads the demo), its clock moved to `at`
 * (ISO with its zone). `seed` returns the heading printed with the seconds seeding took; `use`
 * measures; the cloud and its folder under `.bench/` are removed after.
 */
export async function withSeededCloud(name: string, at: string, seed: (db: LocalDatabase) => string, use: (cloud: SpawnedCloud) => Promise<void>) {
  const { dir, functionsDir } = benchFolder(name);
  const dataDir = join(dir, 'data');
  try {
    await (await spawnLocalCloud({ dataDir, functionsDir })).stop();
    const seeding = performance.now();
    const db = openDatabase({ file: join(dataDir, 'db.sqlite') });
    const heading = seed(db);
    db.close();
    console.log(`\n## ${heading} (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`);
    const cloud = await spawnLocalCloud({ dataDir, functionsDir, startTimeoutMs: SEEDED_START_MS });
    try {
      const moved = await fetch(`${cloud.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
      if (!moved.ok) throw new Error(`the local cloud would not move its clock: ${await moved.text()}`);
      await use(cloud);
    } finally {
      await cloud.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
