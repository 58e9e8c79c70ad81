import type { Actor, AppealEventType, AppealLevel, AppealSummary } from '../../../types/appeal';

/** An instant in Asia/Shanghai (UTC+8, no DST) as `YYYY-MM-DD HH:mm`. */
export function shanghaiTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export const EVENT_LABELS: Record<AppealEventType, string> = {
  submitted: '提交诉求',
  held: '进入内容审核',
  released: '审核通过',
  accepted: '已受理',
  replied: '回复',
  transferred: '转办',
  escalated: '上报',
  returned: '退回',
  resolved: '办结',
  rated: '评价',
  reopened: '退回重办',
  closed: '已办结',
};

export const LEVEL_LABELS: Record<AppealLevel, string> = { grid: '网格', community: '社区', street: '街道' };

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

/** The `detail` of an event in words: where it was transferred or escalated to, the score. */
export function eventDetail(type: AppealEventType, detail: string | null): string | null {
  if (!detail) return null;
  if (type === 'transferred') return `转至 ${detail}`;
  if (type === 'escalated') return `上报至${LEVEL_LABELS[detail as AppealLevel] ?? detail}`;
  if (type === 'rated') return /^\d$/.test(detail) ? `${detail} 星` : detail;
  return detail;
}

/** The deadline that matters now for this appeal's status. */
export function currentDeadline(a: Pick<AppealSummary, 'status' | 'deadlines'>): { label: string; at: string } | null {
  if (a.status === 'submitted' || a.status === 'held') return { label: '受理时限', at: a.deadlines.acceptBy };
  if (a.status === 'accepted' || a.status === 'returned') return { label: '办结时限', at: a.deadlines.resolveBy };
  return null;
}

export const stars = (n: number) => '★★★★★'.slice(0, n) + '☆☆☆☆☆'.slice(0, 5 - n);
