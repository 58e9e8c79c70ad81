import type { Actor, AppealEventType, AppealLevel } from '../../../types/appeal';
import { APPEAL_WORDS, type DeadlineKind, type SupervisionCard } from '../../../types/vocabulary';
import { shanghaiTime } from '../shanghaiTime';

/** Also here for the subpackage pages that format appeals with it; the main package imports it from ../shanghaiTime. */
export { shanghaiTime };

/**
 * The `count` months up to `now`'s, newest first, as Zoucheng's calendar has them (UTC+8):
 * `{ month: '2026-11', label: '2026年11月' }`.
 */
export function recentMonths(now: number, count: number): Array<{ month: string; label: string }> {
  const local = new Date(now + 8 * 3600 * 1000);
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - i, 1));
    const [y, m] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
    return { month: `${y}-${String(m).padStart(2, '0')}`, label: `${y}年${m}月` };
  });
}

/** Who did it, as the viewer reads it: "您" is the resident reading their own appeal. */
export function actorName(actor: Actor, viewerIsStaff: boolean): string {
  switch (actor.kind) {
    case 'resident':
      return viewerIsStaff ? '居民' : '您';
    case 'staff':
      return actor.title ? `${actor.name}（${actor.title}）` : actor.name;
    case 'system':
      return '系统';
  }
}

/**
 * The `detail` of an event in words: the grid it was transferred to, the level it was raised
 * (升级) or sent back (退回) to, the score, the 督办 card, the deadline a 延期 asked for or granted.
 */
export function eventDetail(type: AppealEventType, detail: string | null): string | null {
  if (!detail) return null;
  if (type === 'supervised') return APPEAL_WORDS.card[detail as SupervisionCard] ?? detail;
  if (type === 'extensionRequested' || type === 'extensionGranted') return `新时限 ${shanghaiTime(detail)}`;
  if (type === 'transferred') return `${APPEAL_WORDS.event.transferred}至 ${detail}`;
  if (type === 'escalated' || type === 'returned') return `${APPEAL_WORDS.event[type]}至${APPEAL_WORDS.level[detail as AppealLevel] ?? detail}`;
  if (type === 'rated') return /^\d$/.test(detail) ? `${detail} 星` : detail;
  if (type === 'overdue') return APPEAL_WORDS.deadline[detail as DeadlineKind] ?? detail;
  if (type === 'replied' && detail === 'onSite') return APPEAL_WORDS.onSite;
  return detail;
}

export const stars = (n: number) => '★★★★★'.slice(0, n) + '☆☆☆☆☆'.slice(0, 5 - n);
