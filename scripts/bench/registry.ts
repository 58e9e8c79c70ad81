import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openCloudDb } from '../../tests/support/cloudDb';
import type { Envelope } from '../../types/envelope';
import type { ImportReport } from '../../types/registry';
import { ROOT } from '../functions';
import { readDemo } from '../localcloud/demo';
import { spawnLocalCloud } from '../localcloud/spawn';
import { uploadAs } from '../localcloud/upload';
import { CITY_REGISTRAR, citySheetRows, seedCity } from '../registry/city';
import { registryWorkbook } from '../registry/workbook';
import { table } from './measure';

const GRIDS = 1410;

/** One import of a whole city's registry (1,410 grids, 16 streets) into a fresh local cloud, then the same sheet again. */
export async function benchRegistry() {
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.bench', 'registry-'));
  const cloud = await spawnLocalCloud({ dataDir: join(dir, 'data') });
  try {
    await seedCity(openCloudDb(cloud.url), readDemo(join(ROOT, 'demo', 'zoucheng.json')).streets[0].categories);
    const sheet = await registryWorkbook(citySheetRows(GRIDS));
    const uploaded = await uploadAs(cloud.url, CITY_REGISTRAR, 'registrySheet', 'city.xlsx', sheet);
    if (!uploaded.ok) throw new Error(`upload: ${uploaded.code} ${uploaded.message}`);

    const rows: Array<Record<string, string | number>> = [];
    const run = async (label: string, dryRun: boolean) => {
      const started = performance.now();
      const res = await fetch(`${cloud.url}/api/fn/registry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': CITY_REGISTRAR },
        body: JSON.stringify({ action: 'import', fileID: uploaded.data.fileID, dryRun }),
      });
      const reply = (await res.json()) as Envelope<ImportReport>;
      if (!reply.ok) throw new Error(`registry.import: ${reply.code} ${reply.message}`);
      const { created, updated, unchanged } = reply.data;
      rows.push({
        run: label,
        seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
        'round trips': Number(res.headers.get('x-db-round-trips')),
        created,
        updated,
        unchanged,
      });
    };
    await run('first import', false);
    await run('same sheet again (checked, nothing to write)', false);
    await run('dry run', true);
    console.log(`\n## Registry import: ${GRIDS} grids in one .xlsx (${(sheet.length / 1024).toFixed(0)} KB)`);
    table(rows);
  } finally {
    await cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
