import { GridRef, SetGroupChatInput } from '../../types/groupChat';
import type { GridPage } from '../../types/grid';
import { screenText, viewerOf } from '../kit/caller';
import { groupChatView, qrExpiry, type GroupChatRecord } from '../domain/groupChat';
import { placeOfGrid, reachesAt } from '../domain/permissions';
import { action } from '../kit/action';
import type { Ports } from '../kit/ports';
import { refuse } from '../domain/refusal';
import { activeGrid } from '../services/activeGrid';
import { claimFiles, screenImages, type FileClaim } from '../services/files';
import { saveGroupChat } from '../store/grids';
import type { GridRecord, StaffRecord } from '../domain/records';

/** The grid's own chief or workers set its group chat; anyone else is refused. */
export async function gridForItsStaff(ports: Ports, code: string): Promise<{ grid: GridRecord; staff: StaffRecord }> {
  const [viewer, grid] = await Promise.all([viewerOf(ports), activeGrid(ports.db, code)]);
  if (!reachesAt(viewer.staff, placeOfGrid(grid), 'grid')) {
    return refuse('FORBIDDEN', '只有本网格的网格长或网格员可以设置网格群');
  }
  return { grid, staff: viewer.staff! };
}

/**
 * A group QR the staff member uploaded for this grid (or the grid's current one again): its
 * expiry checked, the image sent to WeChat's media check (the `mediacheck` push hides it if
 * judged risky), and the file to attach to the grid once saved.
 */
async function groupQr(ports: Ports, input: Extract<SetGroupChatInput, { kind: 'qr' }>, grid: GridRecord, staff: StaffRecord, now: Date) {
  const expiry = qrExpiry(input, now);
  if ('refusal' in expiry) return refuse('INVALID_INPUT', expiry.refusal);
  const claim = await claimFiles(ports, { by: staff.openid, purpose: 'groupQr', record: { collection: 'grids', id: grid._id } }, [input.fileID]);
  const [{ traceId }] = await screenImages(ports, staff.openid, [input.fileID], 'staffWords');
  const record: GroupChatRecord = {
    kind: 'qr',
    fileID: input.fileID,
    traceId,
    hidden: false,
    generatedOn: input.generatedOn ?? null,
    expiresAt: expiry.expiresAt,
    remindedAt: null,
    setBy: staff._id,
    setAt: now,
  };
  return { record, claim };
}

export const setGroupChat = action(SetGroupChatInput, async (input, ports): Promise<GridPage['groupChat']> => {
  const { grid, staff } = await gridForItsStaff(ports, input.code);
  const now = ports.clock.now();
  let record: GroupChatRecord;
  let claim: FileClaim | null = null;
  if (input.kind === 'qr') {
    ({ record, claim } = await groupQr(ports, input, grid, staff, now));
  } else {
    await screenText(ports, staff.openid, 'staffWords', input.url);
    record = { kind: 'wecom', url: input.url, setBy: staff._id, setAt: now };
  }
  await claim?.attach(now);
  if (!(await saveGroupChat(ports.db, grid._id, record))) return refuse('NOT_FOUND', `没有找到网格码 ${input.code} 对应的网格`);
  return groupChatView(record, now);
});

export const clearGroupChat = action(GridRef, async ({ code }, ports): Promise<null> => {
  const { grid } = await gridForItsStaff(ports, code);
  await saveGroupChat(ports.db, grid._id, null);
  return null;
});
