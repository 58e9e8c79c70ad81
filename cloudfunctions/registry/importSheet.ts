import { ImportRegistryInput, REGISTRY_MAX_BYTES, type ImportReport, type SheetProblem } from '../../types/registry';
import { planImport, readRegistrySheet, streetsNamed } from '../domain/registry';
import { roleScope } from '../domain/permissions';
import { action } from '../kit/action';
import { viewerOf } from '../kit/caller';
import { refuse } from '../domain/refusal';
import { requestKey } from '../kit/requestKey';
import { claimFiles } from '../services/files';
import { applyImportPlan, finishImportRecord, loadStreetRegistry, loadStreets, startImportRecord } from '../store/registry';
import { sheetsOf } from './sheet';

/** A person can act on the first of them; the rest are there to fix in one pass. */
const PROBLEMS_REPORTED = 200;

function refuseSheet(problems: SheetProblem[]): never {
  const [first] = problems;
  const where = first.row ? `第 ${first.row} 行${first.column ? `「${first.column}」` : ''}：` : '';
  return refuse('INVALID_INPUT', `表格有 ${problems.length} 处问题，本次没有导入任何网格。${where}${first.message}`, problems.slice(0, PROBLEMS_REPORTED));
}

/**
 * Street staff import their streets' registry sheet: every row is checked and planned before
 * anything is written, so a sheet with one bad row changes nothing. An import cut off part way
 * (a platform failure) is finished by importing the same sheet again: rows without codes find
 * the grids the first attempt created by their names, so nothing is created twice, and the
 * import keeps one record per officer and sheet. Only a sheet the officer uploaded for import
 * is read at all, so a refusal quoting cells quotes their own sheet and nobody else's.
 */
export const importSheet = action(ImportRegistryInput, async ({ fileID, dryRun }, ports): Promise<ImportReport> => {
  const { openid, staff } = await viewerOf(ports);
  const streetIds = new Set(roleScope(staff).streetIds);
  if (!staff || !streetIds.size) return refuse('FORBIDDEN', '只有街道工作人员可以导入网格台账');
  const importId = `import-${requestKey(openid, fileID)}`;
  const sheet = await claimFiles(ports, { by: openid, purpose: 'registrySheet', record: { collection: 'imports', id: importId } }, [fileID]);

  const bytes = await ports.files.get(fileID).catch(() => refuse('NOT_FOUND', '没有找到上传的表格，请重新上传'));
  if (bytes.length > REGISTRY_MAX_BYTES) return refuse('INVALID_INPUT', '表格文件超过 10 MB，请拆分后分批导入');
  const read = readRegistrySheet(await sheetsOf(bytes));
  if (read.problems.length || !read.source) return refuseSheet(read.problems);

  const streets = await loadStreets(ports.db);
  const named = streetsNamed([...new Set(read.rows.map((r) => r.street))], streets);
  const codes = read.rows.flatMap((r) => (r.code ? [r.code] : []));
  const state = { streets, ...(await loadStreetRegistry(ports.db, named.map((s) => s._id), codes)) };
  const { plan, problems } = planImport(read.rows, state, streetIds);
  if (problems.length) return refuseSheet(problems);

  const counts = {
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.grids.length - plan.creates.length - plan.updates.length,
    moved: plan.grids.filter((g) => g.move).length,
    communitiesCreated: plan.newCommunities.length,
  };
  const { source } = read;
  const report = (importId: string | null): ImportReport => ({
    importId,
    dryRun,
    rows: read.rows.length,
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    moved: counts.moved,
    communitiesCreated: plan.newCommunities.map((c) => c.name),
    sheet: source.sheet,
    headerRow: source.headerRow,
    grids: plan.grids,
  });
  if (dryRun) return report(null);

  const startedAt = ports.clock.now();
  const record = { _id: importId, fileID, by: staff._id, byName: staff.name, streetIds: state.streets.map((s) => s._id), startedAt, finishedAt: null, status: 'applying' as const, counts };
  await startImportRecord(ports.db, record);
  await sheet.attach(startedAt);
  try {
    await applyImportPlan(ports.db, plan);
  } catch (error) {
    console.error('[gridlink] registry import cut off', importId, error);
    await finishImportRecord(ports.db, importId, 'failed', ports.clock.now()).catch(() => undefined);
    return refuse('CONFLICT', '导入中途出错，部分网格可能已写入。请重新导入同一张表格完成导入（已导入的网格不会重复创建）');
  }
  await finishImportRecord(ports.db, importId, 'done', ports.clock.now());
  return report(importId);
});
