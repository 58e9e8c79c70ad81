import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS_OUT, ROOT } from '../functions';
import { openDatabase, type LocalDatabase } from '../localcloud/db';
import { spawnLocalCloud, type SpawnedCloud } from '../localcloud/spawn';

/**
 * A local cloud over the built functions whose database holds the demo plus what `seed` writes
 * straight into its file (between two starts: the first loads the demo), its clock moved to `at`
 * (ISO with its zone). `seed` returns the heading printed with the seconds seeding took; `use`
 * measures; the cloud and its folder under `.bench/` are removed after.
 */
export async function withSeededCloud(name: string, at: string, seed: (db: LocalDatabase) => string, use: (cloud: SpawnedCloud) => Promise<void>) {
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.bench', `${name}-`));
  const functionsDir = join(dir, 'functions');
  cpSync(FUNCTIONS_OUT, functionsDir, { recursive: true });
  const dataDir = join(dir, 'data');
  try {
    await (await spawnLocalCloud({ dataDir, functionsDir })).stop();
    const seeding = performance.now();
    const db = openDatabase({ file: join(dataDir, 'db.sqlite') });
    const heading = seed(db);
    db.close();
    console.log(`\n## ${heading} (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`);
    const cloud = await spawnLocalCloud({ dataDir, functionsDir });
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
