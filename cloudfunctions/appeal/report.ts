import { ReportInput } from '../../types/appeal';
import { fileReport } from '../domain/appeal';
import { detailView } from '../domain/appealView';
import { mayReport, placeOfGrid } from '../domain/permissions';
import { refuse } from '../domain/refusal';
import { action } from '../kit/action';
import { screenText, viewerOf } from '../kit/caller';
import { requestKey } from '../kit/requestKey';
import { activeGrid } from '../services/activeGrid';
import { claimFiles, screenImages } from '../services/files';
import { getAppeal } from '../store/appeals';
import { throttledFilingClocks } from '../services/slaPolicy';
import { categoryOf, filedWords, insertNumbered } from './filing';

/**
 * 上报 `{gridCode, category, content, photos?, location?, requestId}`: a chief or worker of the
 * grid (current roles; FORBIDDEN for anyone else) files what they found on patrol into its ledger,
 * numbered like an appeal and on its clocks (the street's policy for the category), taken on by themselves (`fileReport`). The same
 * `requestId` from the same person answers the first report (its key is kept apart from
 * `submit`'s, so an appeal and a report never answer for each other). Words and photos are
 * screened as staff words (CONTENT_RISKY; CONFLICT for a photo not yet uploaded); photos are the
 * reporter's own work photos; throttled per reporter (`staffReport`). Nobody is told: the reporter
 * has it, and it is in the grid's inbox and ledger. Answers the report as its reporter sees it.
 */
export const report = action(ReportInput, async (input, ports) => {
  const { db, clock } = ports;
  const now = clock.now();
  const viewer = await viewerOf(ports);
  const id = requestKey(viewer.openid, `report:${input.requestId}`);
  const [earlier, target, photos] = await Promise.all([
    getAppeal(db, id),
    activeGrid(db, input.gridCode, ['street']),
    claimFiles(ports, { by: viewer.openid, purpose: 'workPhoto', record: { collection: 'appeals', id } }, input.photos),
  ]);
  const { street: [street], ...grid } = target;
  if (!viewer.staff || !mayReport(viewer.staff, placeOfGrid(grid))) return refuse('FORBIDDEN', '只有本网格的网格长和网格员可以上报事项');
  if (earlier) return detailView(earlier, viewer, now);
  const category = categoryOf(street, input.category);
  const policy = await throttledFilingClocks(ports, 'staffReport', viewer.openid, street._id, category.id, now);

  const [, media] = await Promise.all([
    screenText(ports, viewer.openid, 'staffWords', filedWords(input)),
    screenImages(ports, viewer.openid, input.photos, 'staffWords'),
  ]);
  await photos.attach(now);
  const { staff } = viewer;
  const { appeal } = await insertNumbered(db, id, street._id, now, (number) =>
    fileReport(
      {
        id,
        number,
        requestId: input.requestId,
        reporter: { openid: viewer.openid, staff },
        grid,
        category,
        content: input.content,
        photos: input.photos,
        photoTraceIds: media.map((m) => m.traceId),
        location: input.location ?? null,
      },
      now,
      policy,
    ),
  );
  return detailView(appeal, viewer, now);
});
