import { INVITE_ROLE_LABELS, type InviteSeat } from '../../../types/staff';

const SHANGHAI_MS = 8 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/** An instant in Asia/Shanghai as people say it: "11月28日 10:30". */
export function monthDayTime(iso: string): string {
  const t = new Date(Date.parse(iso) + SHANGHAI_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** "72 小时内有效，截至 11月28日 10:30"; within the last hour "即将过期", after it "已过期". */
export function inviteExpiry(expiresAt: string, now = Date.now()): string {
  const left = Date.parse(expiresAt) - now;
  const until = `截至 ${monthDayTime(expiresAt)}`;
  if (left <= 0) return `已过期（${until}）`;
  if (left < HOUR_MS) return `即将过期，${until}`;
  return `${Math.round(left / HOUR_MS)} 小时内有效，${until}`;
}

/** "平阳社区第一网格 · 网格长 · 李娜" */
export const seatLine = (seat: InviteSeat) => `${seat.scope} · ${INVITE_ROLE_LABELS[seat.role]} · ${seat.name}`;
