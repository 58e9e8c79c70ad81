import { APPEAL_STATUS_LABELS, type AppealDetail, type AppealSummary, type Actor } from '../../types/appeal';
import type { ActorRecord, AppealRecord } from './records';
import { fitsState, type CommandType } from './appeal';
import { isFiler, mayBlock, mayModerate, mayRate, mayWork, type Viewer } from './permissions';

const EXCERPT = 40;
const STAFF_ACTIONS = ['accept', 'reply', 'transfer', 'escalate', 'resolve', 'return'] as const;

/** The deadline the appeal is racing now: acceptance while new, resolution once taken on. */
export function currentDeadline(appeal: AppealRecord): Date | null {
  if (appeal.status === 'submitted') return appeal.deadlines.acceptBy;
  if (appeal.status === 'accepted' || appeal.status === 'returned') return appeal.deadlines.resolveBy;
  return null;
}

export function isOverdue(appeal: AppealRecord, now: Date): boolean {
  const due = currentDeadline(appeal);
  return due !== null && now.getTime() > new Date(due).getTime();
}

const iso = (d: Date) => new Date(d).toISOString();

export function summaryView(appeal: AppealRecord, now: Date): AppealSummary {
  return {
    id: appeal._id,
    number: appeal.number,
    category: appeal.category,
    categoryName: appeal.categoryName,
    excerpt: appeal.content.length > EXCERPT ? `${appeal.content.slice(0, EXCERPT)}…` : appeal.content,
    status: appeal.status,
    statusLabel: APPEAL_STATUS_LABELS[appeal.status],
    level: appeal.level,
    gridCode: appeal.gridCode,
    gridName: appeal.gridName,
    createdAt: iso(appeal.createdAt),
    deadlines: { acceptBy: iso(appeal.deadlines.acceptBy), onSiteBy: iso(appeal.deadlines.onSiteBy), resolveBy: iso(appeal.deadlines.resolveBy) },
    overdue: isOverdue(appeal, now),
  };
}

/** A resident is never named to anyone, not even by openid: only "the resident". */
const actorView = (actor: ActorRecord): Actor =>
  actor.kind === 'staff' ? { kind: 'staff', staffId: actor.staffId, name: actor.name, title: actor.title } : { kind: actor.kind };

export function allowedActions(appeal: AppealRecord, viewer: Viewer): AppealDetail['can'] {
  const can: AppealDetail['can'] = [];
  if (mayWork(viewer, appeal)) for (const a of STAFF_ACTIONS) if (fitsState(appeal, a as CommandType)) can.push(a);
  if (mayModerate(viewer, appeal) && fitsState(appeal, 'moderate')) can.push('moderate');
  if (mayRate(viewer, appeal) && fitsState(appeal, 'rate')) can.push('rate');
  if (mayBlock(viewer, appeal)) can.push('block');
  return can;
}

/**
 * One appeal as this viewer may see it: photos judged risky are gone, and the contact phone
 * reaches only the filer and staff over the grid, never anyone for an anonymous appeal.
 */
export function detailView(appeal: AppealRecord, viewer: Viewer, now: Date): AppealDetail {
  const hidden = new Set(appeal.media.filter((m) => m.hidden).map((m) => m.fileID));
  const visible = (photos: string[]) => photos.filter((p) => !hidden.has(p));
  const seesPhone = isFiler(viewer, appeal) || (mayWork(viewer, appeal) && !appeal.anonymous);
  return {
    ...summaryView(appeal, now),
    content: appeal.content,
    photos: visible(appeal.photos),
    location: appeal.location,
    anonymous: appeal.anonymous,
    contactPhone: seesPhone ? appeal.contactPhone : null,
    reopenCount: appeal.reopenCount,
    rating: appeal.rating ? { score: appeal.rating.score, comment: appeal.rating.comment, at: iso(appeal.rating.at) } : null,
    timeline: appeal.timeline.map((e) => ({
      type: e.type,
      at: iso(e.at),
      actor: actorView(e.actor),
      text: e.text,
      photos: visible(e.photos),
      detail: e.detail,
    })),
    can: allowedActions(appeal, viewer),
  };
}
