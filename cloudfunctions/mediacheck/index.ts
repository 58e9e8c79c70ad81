import * as z from 'zod/mini';
import { action, dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { refuse } from '../domain/refusal';
import type { AppealRecord } from '../domain/records';
import type { Ports } from '../kit/ports';
import { appealsWithMediaTrace, getAppeal, saveAppeal } from '../store/appeals';
import { audit } from '../store/audit';
import { markFileRisky } from '../store/files';
import { gridsWithQrTrace, hideGroupQr } from '../store/grids';
import { noticesWithMediaTrace, saveNoticeMedia } from '../store/notices';
import { checkInsWithPhotoTrace, saveCheckInPhotos } from '../store/presence';

/** WeChat's push with the verdict of `mediaCheckAsync` (message push routed to this function). */
const MediaCheckPush = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().check(z.minLength(1), z.maxLength(128)),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']) }),
});

/** Staff working the appeal at the same moment may move it on: read it again and hide the photo in what is stored then. */
const SAVE_ATTEMPTS = 5;

async function hidePhoto(ports: Ports, appeal: AppealRecord, traceId: string, now: Date): Promise<void> {
  let current: AppealRecord | null = appeal;
  for (let tries = 0; current && tries < SAVE_ATTEMPTS; tries++) {
    const media = current.media.map((m) => (m.traceId === traceId ? { ...m, hidden: true } : m));
    if (await saveAppeal(ports.db, current, { ...current, media, updatedAt: now, version: current.version + 1 })) return;
    current = await getAppeal(ports.db, current._id);
  }
  // Left visible only while the appeal keeps changing: failing the push makes WeChat send it again.
  if (current) throw new Error(`photo ${traceId} of appeal ${appeal._id} not hidden after ${SAVE_ATTEMPTS} attempts`);
}

/**
 * An image judged risky after the fact disappears from where others see it: an appeal's photo
 * (the resident's, or staff's on a reply or resolution), a notice's image, a grid's group QR, a
 * check-in's work photo. The audit log keeps why.
 */
const verdict = action(MediaCheckPush, async ({ trace_id, result }, ports) => {
  if (ports.source === 'wx_client') return refuse('FORBIDDEN');
  if (result.suggest !== 'risky') return { hidden: 0 };
  let hidden = 0;
  // The file itself is judged: no action may attach it to anything again (not even the same record).
  const forbid = async (fileID: string | null | undefined) => {
    const path = fileID ? ports.files.pathOf(fileID) : null;
    if (path) await markFileRisky(ports.db, path);
  };
  for (const appeal of await appealsWithMediaTrace(ports.db, trace_id)) {
    const now = ports.clock.now();
    await hidePhoto(ports, appeal, trace_id, now);
    const photo = appeal.media.find((m) => m.traceId === trace_id)!;
    await forbid(photo.fileID);
    await audit(ports.db, { appealId: appeal._id, at: now, actor: { kind: 'system' }, change: 'photoHidden', before: photo, after: { ...photo, hidden: true } });
    hidden += 1;
  }
  for (const notice of await noticesWithMediaTrace(ports.db, trace_id)) {
    const media = (notice.media ?? []).map((m) => (m.traceId === trace_id ? { ...m, hidden: true } : m));
    await saveNoticeMedia(ports.db, notice._id, media);
    const image = notice.media!.find((m) => m.traceId === trace_id)!;
    await forbid(image.fileID);
    await audit(ports.db, { noticeId: notice._id, at: ports.clock.now(), actor: { kind: 'system' }, change: 'imageHidden', before: image, after: { ...image, hidden: true } });
    hidden += 1;
  }
  for (const checkIn of await checkInsWithPhotoTrace(ports.db, trace_id)) {
    const photos = checkIn.photos.map((p) => (p.traceId === trace_id ? { ...p, hidden: true } : p));
    await saveCheckInPhotos(ports.db, checkIn._id, photos);
    const photo = checkIn.photos.find((p) => p.traceId === trace_id)!;
    await forbid(photo.fileID);
    await audit(ports.db, { checkinId: checkIn._id, at: ports.clock.now(), actor: { kind: 'system' }, change: 'photoHidden', before: photo, after: { ...photo, hidden: true } });
    hidden += 1;
  }
  for (const grid of await gridsWithQrTrace(ports.db, trace_id)) {
    if (!(await hideGroupQr(ports.db, grid._id, trace_id))) continue;
    const qr = { fileID: grid.groupChat?.kind === 'qr' ? grid.groupChat.fileID : null, traceId: trace_id };
    await forbid(qr.fileID);
    await audit(ports.db, { gridId: grid._id, at: ports.clock.now(), actor: { kind: 'system' }, change: 'groupQrHidden', before: { ...qr, hidden: false }, after: { ...qr, hidden: true } });
    hidden += 1;
  }
  return { hidden };
});

// The push carries no `action`: every event is a media-check verdict.
const route = dispatch({ verdict }, platformPorts);
export const main = (event: object) => route({ ...event, action: 'verdict' });
