import type { AppealStatus } from '../../types/appeal';
import { APPEAL_WORDS, type AppealEventType, type AppealLevel, type SupervisionCard } from '../../types/vocabulary';
import { Refusal } from './refusal';
import type { ActorRecord, AppealEventRecord, AppealPlace, AppealRecord, GridRecord, MediaRecord, StaffActorRecord, StaffRecord } from './records';
import { deadlinesFor, type SlaPolicy } from './sla';
import { defaultSlaFor } from './slaPolicy';
import { extensionGranted, extensionRequest, staffOnly, tightened } from './supervision';

/** What staff, the filer or the clock do to an appeal; staff photos come with their media checks. */
export type Command =
  | { type: 'accept' }
  | { type: 'reply'; text: string; photos: MediaRecord[]; onSite: boolean }
  | { type: 'arrive' }
  | { type: 'transfer'; to: Pick<GridRecord, '_id' | 'code' | 'name' | 'communityId' | 'streetId'>; reason: string }
  | { type: 'escalate'; reason: string }
  | { type: 'resolve'; note: string; photos: MediaRecord[] }
  | { type: 'sendBack'; reason: string }
  | { type: 'rate'; score: number; comment: string }
  | { type: 'moderate'; release: boolean; reason: string }
  | { type: 'autoClose' }
  | { type: 'supervise'; card: SupervisionCard; note: string; until: Date | null }
  | { type: 'requestExtension'; reason: string; until: Date }
  | { type: 'decideExtension'; grant: boolean; note: string };

export type CommandType = Command['type'];

/** Ratings at or below this reopen the appeal (重办). */
export const REOPEN_AT_OR_BELOW = 2;
/**
 * 重办 to the grid at most this often: each restarts the clocks and tells the chief again, so an
 * unsatisfied rating after the second sends the appeal to its community's staff to review (社区复核).
 */
export const REOPENS_BEFORE_REVIEW = 2;
export const AUTO_CLOSE_AFTER_DAYS = 7;
/** Why a held appeal refused in 审核 without a reason was closed (the resident reads it). */
export const REFUSED_IN_MODERATION = '内容不符合要求';

/** A staff member as the events they cause, their cards and their requests name them. */
export const staffActor = (s: Pick<StaffRecord, '_id' | 'name' | 'title'>): StaffActorRecord => ({ kind: 'staff', staffId: s._id, name: s.name, title: s.title });

/** 上报: staff brought it in from patrol; there is no resident to rate it (absent `source`: a resident's). */
export const isStaffReport = (appeal: Pick<AppealRecord, 'source'>) => appeal.source === 'staff';

/** Why a staff report closes at 办结 (its timeline says so). */
export const REPORT_CLOSED_AT_RESOLVE = `${APPEAL_WORDS.source.staff}，${APPEAL_WORDS.action.resolve.label}即${APPEAL_WORDS.event.closed}`;

/** Statuses in which staff still owe the resident work: the inbox lists them. */
export const OPEN_STATUSES: AppealStatus[] = ['submitted', 'accepted', 'returned'];

/** The statuses each command may start from: anything else is a CONFLICT. */
export const ALLOWED_FROM: Record<CommandType, AppealStatus[]> = {
  accept: ['submitted'],
  reply: OPEN_STATUSES,
  arrive: OPEN_STATUSES,
  transfer: OPEN_STATUSES,
  escalate: OPEN_STATUSES,
  resolve: OPEN_STATUSES,
  sendBack: ['submitted', 'accepted'],
  rate: ['resolved'],
  moderate: ['held'],
  autoClose: ['resolved'],
  supervise: OPEN_STATUSES,
  requestExtension: OPEN_STATUSES,
  decideExtension: OPEN_STATUSES,
};

/** Where 升级 and 退回 take an appeal; the street has nothing above it. */
export const LEVEL_ABOVE: Record<AppealLevel, AppealLevel | null> = { grid: 'community', community: 'street', street: null };

/**
 * New clocks from `at` (转办, 重办, 社区复核, 审核通过): the timer's reminders and misses, the
 * on-site time and a pending 延期 belonged to the old ones. `policy`: the appeal's category's clocks in its (new) street.
 */
const restartedClocks = (appeal: AppealRecord, at: Date, policy: SlaPolicy): Partial<AppealRecord> => ({
  deadlines: deadlinesFor(at, policy),
  // Messages the timer owes for steps already taken are still owed.
  sla: { reminded: [], missed: [], owed: appeal.sla?.owed ?? [] },
  onSiteAt: null,
  ...withoutPendingExtension(appeal),
});

/** A 延期 still pending asked for time on clocks that are over (办结) or replaced (转办, 重办…): it lapses. */
const withoutPendingExtension = (appeal: AppealRecord): Partial<AppealRecord> => (extensionPending(appeal) ? { extension: null } : {});

const place = (a: AppealRecord): AppealPlace => ({ status: a.status, level: a.level, gridId: a.gridId });

const extensionPending = (appeal: AppealRecord) => appeal.extension?.state === 'pending';

/**
 * Why a command does not fit the appeal's state, in words for people; null when it fits. 延期 is
 * asked by the grid while it works the appeal (at grid level: once risen, the level above works
 * it), at most one pending at a time, and only a pending one is decided.
 */
function misfit(appeal: AppealRecord, type: CommandType): string | null {
  const { status, action } = APPEAL_WORDS;
  const unfit = `诉求${status[appeal.status]}，不能${action[type].label}`;
  if (!ALLOWED_FROM[type].includes(appeal.status)) return unfit;
  if ((type === 'escalate' || type === 'sendBack') && LEVEL_ABOVE[appeal.level] === null) return unfit;
  if (type === 'requestExtension' && appeal.level !== 'grid' && !raisedByTimer(appeal)) return `诉求已由${APPEAL_WORDS.level[appeal.level]}办理，不能${action.requestExtension.label}`;
  if (type === 'requestExtension' && extensionPending(appeal)) return `已有一条${action.requestExtension.label}待审批`;
  if (type === 'decideExtension' && !extensionPending(appeal)) return `没有待审批的${action.requestExtension.label}`;
  return null;
}

/** Events after which the appeal works at another level or grid. */
const MOVES: AppealEventType[] = ['escalated', 'returned', 'sentForReview', 'transferred', 'reopened', 'released'];

/**
 * Whether the appeal is above its grid because the SLA timer raised it (超时升级): the grid was
 * late, not relieved of it, so it may still ask for 延期 (the level above decides). Raised by
 * staff (升级, 退回, 社区复核), the level above works it and the grid only follows.
 */
export function raisedByTimer(appeal: Pick<AppealRecord, 'level' | 'timeline'>): boolean {
  const moved = appeal.timeline.filter((e) => MOVES.includes(e.type)).at(-1);
  return appeal.level !== 'grid' && moved?.type === 'escalated' && moved.actor.kind === 'system';
}

/** Whether a command fits the appeal's state (who may issue it is `permissions`' question). */
export const fitsState = (appeal: AppealRecord, type: CommandType): boolean => misfit(appeal, type) === null;

/**
 * The appeal state machine: one command in, the next appeal out, with its timeline events.
 * Pure: the time and the actor are arguments, nothing is read or written. `policy`: the clocks a
 * command that restarts them (转办, 重办, 社区复核, 审核通过) starts, `slaPolicyFor` the appeal's
 * street (after 转办, the new grid's) and category; without one, the defaults in code.
 */
export function transition(appeal: AppealRecord, command: Command, actor: ActorRecord, at: Date, policy: SlaPolicy = defaultSlaFor(appeal.category)): AppealRecord {
  const refused = misfit(appeal, command.type);
  if (refused) throw new Refusal('CONFLICT', refused);
  const next: AppealRecord = { ...appeal, timeline: [...appeal.timeline], updatedAt: at, version: appeal.version + 1 };
  const record = (type: AppealEventType, fields: Partial<Pick<AppealEventRecord, 'text' | 'photos' | 'detail'>>, before: AppealPlace) =>
    next.timeline.push({ type, at, actor, text: null, photos: [], detail: null, ...fields, before, after: place(next) });
  const before = place(appeal);

  switch (command.type) {
    case 'accept':
      next.status = 'accepted';
      record('accepted', {}, before);
      break;
    case 'reply':
      next.media = [...appeal.media, ...command.photos];
      if (command.onSite && !appeal.onSiteAt) next.onSiteAt = at;
      record('replied', { text: command.text, photos: command.photos.map((p) => p.fileID), detail: command.onSite ? 'onSite' : null }, before);
      break;
    case 'arrive':
      // 当日必达 proven by a scan: the first arrival stops the 到场 clock; a later one is a line only.
      if (!appeal.onSiteAt) next.onSiteAt = at;
      record('arrived', {}, before);
      break;
    case 'transfer':
      if (command.to._id === appeal.gridId) throw new Refusal('CONFLICT', `诉求已在该网格，无需${APPEAL_WORDS.action.transfer.label}`);
      Object.assign(next, {
        gridId: command.to._id,
        gridCode: command.to.code,
        gridName: command.to.name,
        communityId: command.to.communityId,
        streetId: command.to.streetId,
        status: 'submitted',
        level: 'grid',
        ...restartedClocks(appeal, at, policy),
      });
      record('transferred', { text: command.reason, detail: `${command.to.code} ${command.to.name}` }, before);
      break;
    case 'escalate':
      next.level = LEVEL_ABOVE[appeal.level]!;
      record('escalated', { text: command.reason, detail: next.level }, before);
      break;
    case 'resolve':
      Object.assign(next, withoutPendingExtension(appeal));
      next.status = 'resolved';
      next.resolvedAt = at;
      next.media = [...appeal.media, ...command.photos];
      record('resolved', { text: command.note, photos: command.photos.map((p) => p.fileID) }, before);
      if (isStaffReport(appeal)) {
        // No resident to rate a staff report: its 办结 is its end.
        const resolved = place(next);
        next.status = 'closed';
        record('closed', { text: REPORT_CLOSED_AT_RESOLVE }, resolved);
      }
      break;
    case 'sendBack':
      next.status = 'returned';
      next.level = LEVEL_ABOVE[appeal.level]!;
      record('returned', { text: command.reason, detail: next.level }, before);
      break;
    case 'rate': {
      next.rating = { score: command.score, comment: command.comment, at };
      record('rated', { text: command.comment || null, detail: String(command.score) }, before);
      const rated = place(next);
      if (command.score <= REOPEN_AT_OR_BELOW && appeal.reopenCount < REOPENS_BEFORE_REVIEW) {
        // 重办: back to the same grid with the resident's words as the reason, clocks restarted.
        Object.assign(next, { status: 'submitted', level: 'grid', resolvedAt: null, reopenCount: appeal.reopenCount + 1, ...restartedClocks(appeal, at, policy) });
        record('reopened', { text: command.comment || `居民不满意，${APPEAL_WORDS.event.reopened}` }, rated);
      } else if (command.score <= REOPEN_AT_OR_BELOW) {
        // 社区复核: the grid has had its 重办; the community's staff look at it, clocks restarted.
        Object.assign(next, { status: 'submitted', level: 'community', resolvedAt: null, communityReviews: (appeal.communityReviews ?? 0) + 1, ...restartedClocks(appeal, at, policy) });
        record('sentForReview', { text: command.comment || `已${APPEAL_WORDS.event.reopened} ${appeal.reopenCount} 次，居民仍不满意` }, rated);
      } else {
        next.status = 'closed';
        record('closed', {}, rated);
      }
      break;
    }
    case 'moderate':
      next.status = command.release ? 'submitted' : 'closed';
      if (command.release) Object.assign(next, restartedClocks(appeal, at, policy));
      record(command.release ? 'released' : 'closed', { text: command.reason || (command.release ? null : REFUSED_IN_MODERATION) }, before);
      break;
    case 'autoClose':
      next.status = 'closed';
      record('closed', { text: `未${APPEAL_WORDS.action.rate.label}` }, before);
      break;
    case 'supervise':
      // 督办: the card is kept (the assessment counts them); a tighter deadline is a new promise.
      next.supervision = [...(appeal.supervision ?? []), { card: command.card, note: command.note, until: command.until, by: staffOnly(actor), at }];
      if (command.until) Object.assign(next, tightened(appeal, command.until, at));
      record('supervised', { text: command.note, detail: command.card }, before);
      break;
    case 'requestExtension':
      next.extension = extensionRequest(appeal, command.reason, command.until, staffOnly(actor), at);
      record('extensionRequested', { text: command.reason, detail: command.until.toISOString() }, before);
      break;
    case 'decideExtension': {
      const request = appeal.extension!;
      if (command.grant) Object.assign(next, extensionGranted(appeal, request, at));
      next.extension = { ...request, state: command.grant ? 'granted' : 'refused', decidedBy: staffOnly(actor), decidedAt: at, note: command.note || null };
      const granted = command.grant ? new Date(request.until).toISOString() : null;
      record(command.grant ? 'extensionGranted' : 'extensionRefused', { text: command.note || null, detail: granted }, before);
      break;
    }
  }
  return next;
}

/** Resolved appeals the filer has not rated within the window close on their own. */
export const dueForAutoClose = (appeal: AppealRecord, now: Date) =>
  appeal.status === 'resolved' && appeal.resolvedAt !== null && now.getTime() - appeal.resolvedAt.getTime() >= AUTO_CLOSE_AFTER_DAYS * 86_400_000;

export type Filing = {
  id: string;
  number: string;
  requestId: string;
  residentOpenid: string;
  grid: Pick<GridRecord, '_id' | 'code' | 'name' | 'communityId' | 'streetId'>;
  category: { id: string; name: string };
  content: string;
  photos: string[];
  photoTraceIds: Array<string | null>;
  location: AppealRecord['location'];
  contactPhone: string | null;
  anonymous: boolean;
  /** Content security could not pass it outright: community staff look first. */
  held: boolean;
};

/**
 * A new appeal as filed: routed to its grid, clocks started by `policy` (`slaPolicyFor` the
 * grid's street and the category; without one, the defaults in code), first events on its timeline.
 */
export function fileAppeal(f: Filing, at: Date, policy: SlaPolicy = defaultSlaFor(f.category.id)): AppealRecord {
  const appeal: AppealRecord = {
    _id: f.id,
    number: f.number,
    requestId: f.requestId,
    residentOpenid: f.residentOpenid,
    anonymous: f.anonymous,
    contactPhone: f.anonymous ? null : f.contactPhone,
    gridId: f.grid._id,
    gridCode: f.grid.code,
    gridName: f.grid.name,
    communityId: f.grid.communityId,
    streetId: f.grid.streetId,
    category: f.category.id,
    categoryName: f.category.name,
    content: f.content,
    photos: f.photos,
    media: f.photos.map((fileID, i) => ({ fileID, traceId: f.photoTraceIds[i] ?? null, hidden: false })),
    location: f.location,
    status: f.held ? 'held' : 'submitted',
    level: 'grid',
    source: 'resident',
    deadlines: deadlinesFor(at, policy),
    timeline: [],
    rating: null,
    reopenCount: 0,
    communityReviews: 0,
    resolvedAt: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const actor: ActorRecord = { kind: 'resident', openid: f.residentOpenid };
  const submitted: AppealPlace = { status: 'submitted', level: 'grid', gridId: f.grid._id };
  appeal.timeline.push({ type: 'submitted', at, actor, text: null, photos: [], detail: null, before: submitted, after: submitted });
  if (f.held) {
    appeal.timeline.push({ type: 'held', at, actor: { kind: 'system' }, text: '内容待人工审核', photos: [], detail: null, before: submitted, after: place(appeal) });
  }
  return appeal;
}

/** What a chief or worker found on patrol (上报), and who they are. */
export type Report = Omit<Filing, 'residentOpenid' | 'contactPhone' | 'anonymous' | 'held'> & {
  reporter: { openid: string; staff: Pick<StaffRecord, '_id' | 'name' | 'title'> };
};

/**
 * A staff report (上报) as filed: in the grid's ledger beside residents' appeals (`source`
 * `staff`), on the same clocks as an appeal filed then (`fileAppeal`'s, so a policy change reaches
 * both), taken on by its reporter at once (`accepted`: no 受理 clock to race) and with someone on
 * site already (the reporter found it there: 当日必达 is met). The reporter is its filer: they
 * follow it and hear of what others do to it; nobody rates it (`transition` closes it at 办结).
 */
export function fileReport(r: Report, at: Date, policy?: SlaPolicy): AppealRecord {
  const { reporter, ...found } = r;
  const filed = fileAppeal({ ...found, residentOpenid: reporter.openid, contactPhone: null, anonymous: false, held: false }, at, policy);
  const taken: AppealPlace = { status: 'accepted', level: 'grid', gridId: r.grid._id };
  return {
    ...filed,
    source: 'staff',
    status: taken.status,
    onSiteAt: at,
    timeline: [{ type: 'reported', at, actor: staffActor(reporter.staff), text: null, photos: [], detail: null, before: taken, after: taken }],
  };
}

/** `GS-20261124-0007`: the street, the day (Shanghai) and that day's sequence in the street. */
export const appealNumber = (streetId: string, day: string, seq: number) => `${streetId}-${day}-${String(seq).padStart(4, '0')}`;
