import type { Viewer } from '../domain/permissions';
import { maySee } from '../domain/permissions';
import type { Ports } from '../kit/ports';
import { requireCaller, viewerFrom } from '../kit/caller';
import { refuse } from '../domain/refusal';
import { appealWithStaff, saveAppeal } from '../store/appeals';
import type { AppealRecord } from '../domain/records';

/** Saves a transition; an appeal someone else changed meanwhile is a CONFLICT with nothing written. */
export async function saveOrRefuse(ports: Ports, before: AppealRecord, next: AppealRecord): Promise<void> {
  if (!(await saveAppeal(ports.db, before, next))) refuse('CONFLICT', '诉求刚被他人处理，请刷新后重试');
}

/**
 * The appeal and who is asking, read together in one round trip. Someone who may not see it
 * learns only that it is not theirs: the same FORBIDDEN whether or not the id exists would hide
 * nothing, since ids are unguessable hashes, and FORBIDDEN tells an honest user what went wrong.
 */
export async function appealForViewer(ports: Ports, id: string): Promise<{ appeal: AppealRecord; viewer: Viewer }> {
  const { openid } = requireCaller(ports);
  const found = (await appealWithStaff(ports.db, id, openid)) ?? refuse('NOT_FOUND', '没有找到这条诉求');
  const viewer = viewerFrom(openid, found.staff);
  if (!maySee(viewer, found.appeal)) return refuse('FORBIDDEN', '您无权查看这条诉求');
  return { appeal: found.appeal, viewer };
}
