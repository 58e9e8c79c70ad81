import type { Viewer } from '../domain/permissions';
import { staffByOpenid } from '../store/staff';
import type { Ports } from './ports';
import { refuse } from '../domain/refusal';

/** Who is calling, as the platform says; no identity is UNAUTHENTICATED. */
export function requireCaller(ports: Ports): { openid: string } {
  return ports.caller ?? refuse('UNAUTHENTICATED');
}

/** The caller and the staff record their openid belongs to, if any. */
export async function viewerOf(ports: Ports): Promise<Viewer> {
  const { openid } = requireCaller(ports);
  return { openid, staff: await staffByOpenid(ports.db, openid) };
}

/**
 * Words someone wrote for others to read: WeChat's verdict "risky" refuses them. When the
 * checker itself fails they go through, since staff and filers are known and accountable;
 * a new appeal is held instead (see submit).
 */
export async function refuseRiskyText(ports: Ports, openid: string, text: string): Promise<void> {
  if (!text) return;
  if ((await ports.wx.checkText(openid, text).catch(() => 'pass')) === 'risky') refuse('CONTENT_RISKY');
}
