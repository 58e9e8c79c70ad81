import { screening, type Checked, type Screening, type Writing } from '../domain/contentPolicy';
import type { Viewer } from '../domain/permissions';
import type { StaffRecord } from '../domain/records';
import { staffByOpenid } from '../store/staff';
import type { Ports } from './ports';
import { refuse } from '../domain/refusal';

/** Who is calling, as the platform says; no identity is UNAUTHENTICATED. */
export function requireCaller(ports: Ports): { openid: string } {
  return ports.caller ?? refuse('UNAUTHENTICATED');
}

/**
 * The caller and the staff record their openid belongs to while it holds a role. A record left
 * without one (every seat unbound) is no staff: staff actions ask about current roles only.
 */
export async function viewerOf(ports: Ports): Promise<Viewer> {
  const { openid } = requireCaller(ports);
  return viewerFrom(openid, await staffByOpenid(ports.db, openid));
}

/** The viewer an openid and the staff record read for it make (see `viewerOf`). */
export const viewerFrom = (openid: string, staff: StaffRecord | null): Viewer => ({ openid, staff: staff?.roles.length ? staff : null });

/**
 * Words someone wrote for others to read, checked by WeChat and judged by the one policy
 * (`domain/contentPolicy`): CONTENT_RISKY when risky; otherwise whether to publish or hold them.
 * Empty text is not sent to the checker.
 */
export async function screenText(ports: Ports, openid: string, writing: Writing, text: string): Promise<Screening> {
  return screening(writing, await checkedText(ports, openid, text));
}

/** WeChat's verdict on a text, `unchecked` when the checker fails; empty text passes unsent. */
export async function checkedText(ports: Ports, openid: string, text: string): Promise<Checked> {
  return text ? ports.wx.checkText(openid, text).catch((): Checked => 'unchecked') : 'pass';
}
