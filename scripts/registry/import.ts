import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Envelope } from '../../types/envelope';
import type { ImportReport } from '../../types/registry';
import { FUNCTIONS_OUT, ROOT } from '../functions';
import { spawnLocalCloud, type SpawnedCloud } from '../localcloud/spawn';
import { uploadAs } from '../localcloud/upload';

const USAGE = '用法：npm run registry:import -- --file <台账.xlsx|.csv> --as <街道工作人员 openid> [--dry-run] [--cloud <本地云地址>] [--data <数据目录>]';

/**
 * Imports a registry sheet into the local cloud as a street officer would from the app: the
 * file goes to storage, `registry.import` checks and applies it, and the report (or every bad
 * row) is printed.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      as: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      cloud: { type: 'string' },
      data: { type: 'string', default: resolve(ROOT, '.data') },
    },
  });
  if (!values.file || !values.as) return fail(USAGE);
  const file = resolve(values.file);
  if (!existsSync(file)) return fail(`找不到文件 ${file}`);
  if (!values.cloud && !existsSync(resolve(FUNCTIONS_OUT, 'registry', 'index.js'))) return fail('请先运行 npm run build:functions 构建云函数');

  const cloud: SpawnedCloud | null = values.cloud ? null : await spawnLocalCloud({ dataDir: values.data });
  const url = values.cloud ?? cloud!.url;
  try {
    const uploaded = await uploadAs(url, values.as, 'registrySheet', basename(file), readFileSync(file));
    if (!uploaded.ok) return fail(uploaded.message);
    const res = await fetch(`${url}/api/fn/registry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': values.as },
      body: JSON.stringify({ action: 'import', fileID: uploaded.data.fileID, dryRun: values['dry-run'] }),
    });
    const reply = (await res.json()) as Envelope<ImportReport>;
    if (!reply.ok) {
      for (const p of reply.problems ?? []) console.error(`  ${p.row ? `第 ${p.row} 行` : '表格'}${p.column ? `「${p.column}」` : ''}：${p.message}`);
      return fail(reply.message);
    }
    printReport(reply.data);
    return 0;
  } finally {
    await cloud?.stop();
  }
}

function printReport(report: ImportReport) {
  const verb = report.dryRun ? '检查通过（未写入）' : `导入完成（${report.importId}）`;
  console.log(`${verb}：共 ${report.rows} 行，新建 ${report.created} 个网格，更新 ${report.updated} 个，未变 ${report.unchanged} 个`);
  console.log(`读取：${report.sheet === null ? 'CSV 表格' : `工作表「${report.sheet}」`}，第 ${report.headerRow} 行为表头`);
  if (report.communitiesCreated.length) console.log(`新建社区：${report.communitiesCreated.join('、')}`);
  const moved = report.grids.filter((g) => g.move);
  if (moved.length) {
    console.log(`换到其他社区的网格（${moved.length} 个）：`);
    for (const g of moved) console.log(`  第 ${g.row} 行  ${g.code}  ${g.name}：${g.move!.from.name}（${g.move!.from.id}）→ ${g.move!.to.name}（${g.move!.to.id}）`);
  }
  const created = report.grids.filter((g) => g.change === 'created');
  if (created.length) {
    console.log('新网格的编码（请填回台账）：');
    for (const g of created) console.log(`  第 ${g.row} 行  ${g.code}  ${g.name}`);
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
