import type * as z from 'zod/mini';
import { BoardInput, DecideExtensionInput, RequestExtensionInput, SuperviseInput } from '../../types/appeal';
import { staffActor, transition, type Command } from '../domain/appeal';
import { detailView, summaryView } from '../domain/appealView';
import { boardScope, mayDecideExtension, mayOversee, mayRequestExtension, type Viewer } from '../domain/permissions';
import type { AppealRecord } from '../domain/records';
import { refuse } from '../domain/refusal';
import { boardHorizon } from '../domain/supervision';
import { action } from '../kit/action';
import { screenText, viewerOf } from '../kit/caller';
import type { Ports } from '../kit/ports';
import { tellCommunity, tellGrid } from '../services/tell';
import { listBoard } from '../store/appeals';
import { appealForViewer, saveOrRefuse } from './context';

/**
 * 督办 and 延期 (issue 10): community and street staff put cards on appeals and decide the grid's
 * requests for more time; the grid asks for it; the board shows what is late or nearly so.
 */

type Step<S extends z.ZodMiniType> = {
  may: (viewer: Viewer, appeal: AppealRecord) => boolean;
  /** Why someone who may not is refused. */
  forbidden: string;
  /** The staff words in it, screened like every reply. */
  words: (input: z.output<S>) => string;
  command: (input: z.output<S>) => Command;
  /** Who hears of it once it is saved. */
  after: (ports: Ports, next: AppealRecord) => Promise<void>;
};

/**
 * One 督办 or 延期 step: read, may they, transition (a state or time that does not fit refuses
 * before anything is checked or written), screen the words, save with the version check, tell.
 * Answers the appeal as the caller now sees it.
 */
function oversightStep<S extends z.ZodMiniType<{ id: string }>>(schema: S, step: Step<S>) {
  return action(schema, async (input, ports) => {
    const { appeal, viewer } = await appealForViewer(ports, (input as { id: string }).id);
    if (!viewer.staff || !step.may(viewer, appeal)) return refuse('FORBIDDEN', step.forbidden);
    const now = ports.clock.now();
    const next = transition(appeal, step.command(input), staffActor(viewer.staff), now);
    await screenText(ports, viewer.openid, 'staffWords', step.words(input));
    await saveOrRefuse(ports, appeal, next);
    await step.after(ports, next);
    return detailView(next, viewer, now);
  });
}

const OVERSEERS_ONLY = '只有诉求所在社区或街道的工作人员可以督办或审批延期';

/** 督办: a yellow or red card with a note, optionally a tighter deadline; the grid's chief is told. */
export const supervise = oversightStep(SuperviseInput, {
  may: mayOversee,
  forbidden: OVERSEERS_ONLY,
  words: ({ note }) => note,
  command: ({ card, note, until }) => ({ type: 'supervise', card, note, until: until ? new Date(until) : null }),
  after: (ports, next) => tellGrid(ports, next),
});

/** 延期: the grid's chief or a worker asks to move the running deadline; the community is told. */
export const requestExtension = oversightStep(RequestExtensionInput, {
  may: mayRequestExtension,
  forbidden: '只有诉求所在网格的网格长或网格员可以申请延期',
  words: ({ reason }) => reason,
  command: ({ reason, until }) => ({ type: 'requestExtension', reason, until: new Date(until) }),
  after: tellCommunity,
});

/** Community or street staff grant or refuse the pending 延期; the grid's chief is told. */
export const decideExtension = oversightStep(DecideExtensionInput, {
  may: mayDecideExtension,
  forbidden: `${OVERSEERS_ONLY}，且不能审批自己的申请`,
  words: ({ note }) => note,
  command: ({ grant, note }) => ({ type: 'decideExtension', grant, note }),
  after: (ports, next) => tellGrid(ports, next),
});

/**
 * The supervision board: open appeals in the caller's communities and streets with a deadline
 * still owed (受理, 到场 or 办结) that has passed or falls within `NEAR_DUE_MINUTES`, the
 * earliest first, a page at a time. Grid staff and residents are
 * FORBIDDEN. Two round trips: who is asking, and one indexed query.
 */
export const board = action(BoardInput, async ({ cursor }, ports) => {
  const { staff } = await viewerOf(ports);
  const scope = boardScope(staff);
  if (!scope) return refuse('FORBIDDEN', '督办看板仅供社区和街道工作人员使用');
  const now = ports.clock.now();
  const page = await listBoard(ports.db, scope, boardHorizon(now), cursor);
  return { items: page.items.map((a) => summaryView(a, now)), cursor: page.cursor };
});
