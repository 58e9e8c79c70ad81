import type { AppealDetail, AppealEventView, AppealSummary, Actor, ExtensionView, StaffName } from '../../types/appeal';
import { APPEAL_LEVELS, APPEAL_WORDS, type AppealEventType, type AppealLevel, type SupervisionCard } from '../../types/vocabulary';
import type { ActorRecord, AppealEventRecord, AppealRecord, ExtensionRecord, StaffActorRecord, SupervisionRecord } from './records';
import { fitsState } from './appeal';
import { promiseLine } from './promise';
import { isOverdue, runningClock } from './sla';
import { isFiler, mayBlock, mayDecideExtension, mayModerate, mayOversee, mayRate, mayRequestExtension, mayWork, reachOver, type Viewer } from './permissions';

const EXCERPT = 40;
const STAFF_ACTIONS = ['accept', 'reply', 'transfer', 'escalate', 'resolve', 'sendBack'] as const;

const iso = (d: Date) => new Date(d).toISOString();

function clockOf(appeal: AppealRecord): AppealSummary['clock'] {
  const kind = runningClock(appeal);
  return kind ? { kind, at: iso(appeal.deadlines[kind]) } : null;
}

export function summaryView(appeal: AppealRecord, now: Date): AppealSummary {
  return {
    id: appeal._id,
    number: appeal.number,
    category: appeal.category,
    categoryName: appeal.categoryName,
    excerpt: appeal.content.length > EXCERPT ? `${appeal.content.slice(0, EXCERPT)}…` : appeal.content,
    status: appeal.status,
    statusLabel: APPEAL_WORDS.status[appeal.status],
    level: appeal.level,
    gridCode: appeal.gridCode,
    gridName: appeal.gridName,
    createdAt: iso(appeal.createdAt),
    deadlines: appeal.status === 'held' ? null : { acceptBy: iso(appeal.deadlines.acceptBy), onSiteBy: iso(appeal.deadlines.onSiteBy), resolveBy: iso(appeal.deadlines.resolveBy) },
    clock: clockOf(appeal),
    overdue: isOverdue(appeal, now),
    promise: promiseLine(appeal, now),
    source: appeal.source ?? 'resident',
    missed: appeal.sla?.missed ?? [],
    card: strongestCard(appeal.supervision ?? []),
    extensionPending: appeal.extension?.state === 'pending',
  };
}

const strongestCard = (cards: SupervisionRecord[]): SupervisionCard | null =>
  cards.some((c) => c.card === 'red') ? 'red' : cards.length ? 'yellow' : null;

const staffName = (s: StaffActorRecord): StaffName => ({ name: s.name, title: s.title });

function extensionView(e: ExtensionRecord): ExtensionView {
  return {
    state: e.state,
    deadline: e.deadline,
    reason: e.reason,
    until: iso(e.until),
    requestedBy: staffName(e.requestedBy),
    requestedAt: iso(e.requestedAt),
    decidedBy: e.decidedBy && staffName(e.decidedBy),
    decidedAt: e.decidedAt && iso(e.decidedAt),
    note: e.note,
  };
}

/**
 * An event's `detail` as the contract has it. Escalations and send-backs store the level's key;
 * records written before they did hold its word (`社区`), read back to the key.
 */
function detailOf(e: AppealEventRecord): AppealEventView['detail'] {
  if (e.type !== 'escalated' && e.type !== 'returned') return e.detail;
  return APPEAL_LEVELS.find((level: AppealLevel) => level === e.detail || APPEAL_WORDS.level[level] === e.detail) ?? e.detail;
}

/** Timeline lines whose words (notes, reasons, deadlines asked for) are between staff. */
const OVERSIGHT_EVENTS: AppealEventType[] = ['supervised', 'extensionRequested', 'extensionGranted', 'extensionRefused'];

/** A resident is never named to anyone, not even by openid: only "the resident". */
const actorView = (actor: ActorRecord): Actor =>
  actor.kind === 'staff' ? { kind: 'staff', staffId: actor.staffId, name: actor.name, title: actor.title } : { kind: actor.kind };

export function allowedActions(appeal: AppealRecord, viewer: Viewer): AppealDetail['can'] {
  const can: AppealDetail['can'] = [];
  if (mayWork(viewer, appeal)) for (const a of STAFF_ACTIONS) if (fitsState(appeal, a)) can.push(a);
  if (mayModerate(viewer, appeal) && fitsState(appeal, 'moderate')) can.push('moderate');
  if (mayRate(viewer, appeal) && fitsState(appeal, 'rate')) can.push('rate');
  if (mayBlock(viewer, appeal)) can.push('block');
  if (mayOversee(viewer, appeal) && fitsState(appeal, 'supervise')) can.push('supervise');
  if (mayRequestExtension(viewer, appeal) && fitsState(appeal, 'requestExtension')) can.push('requestExtension');
  if (mayDecideExtension(viewer, appeal) && fitsState(appeal, 'decideExtension')) can.push('decideExtension');
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
  // Cards and 延期 are between staff: the filer sees the appeal is supervised (`card`) and the
  // lines of its timeline, not the notes and reasons.
  const seesOversight = reachOver(viewer.staff, appeal) !== null;
  return {
    ...summaryView(appeal, now),
    content: appeal.content,
    photos: visible(appeal.photos),
    location: appeal.location,
    anonymous: appeal.anonymous,
    contactPhone: seesPhone ? appeal.contactPhone : null,
    reopenCount: appeal.reopenCount,
    onSiteAt: appeal.onSiteAt ? iso(appeal.onSiteAt) : null,
    supervision: seesOversight ? (appeal.supervision ?? []).map((c) => ({ card: c.card, note: c.note, until: c.until && iso(c.until), by: staffName(c.by), at: iso(c.at) })) : [],
    extension: seesOversight && appeal.extension ? extensionView(appeal.extension) : null,
    rating: appeal.rating ? { score: appeal.rating.score, comment: appeal.rating.comment, at: iso(appeal.rating.at) } : null,
    timeline: appeal.timeline.map((e) => {
      const words = seesOversight || !OVERSIGHT_EVENTS.includes(e.type);
      return { type: e.type, at: iso(e.at), actor: actorView(e.actor), text: words ? e.text : null, photos: visible(e.photos), detail: words ? detailOf(e) : null };
    }),
    now: iso(now),
    can: allowedActions(appeal, viewer),
  };
}
