import type * as z from 'zod/mini';
import { AppealRef, EscalateInput, ReplyInput, ResolveInput, SendBackInput, TransferInput } from '../../types/appeal';
import { staffActor, transition, type Command } from '../domain/appeal';
import { detailView } from '../domain/appealView';
import { mayWork } from '../domain/permissions';
import type { SlaPolicy } from '../domain/sla';
import { action } from '../kit/action';
import type { Ports } from '../kit/ports';
import { refuse } from '../domain/refusal';
import type { AppealRecord, MediaRecord } from '../domain/records';
import { appealForViewer, saveOrRefuse } from './context';
import { screenText } from '../kit/caller';
import { activeGrid } from '../services/activeGrid';
import { claimFiles, screenImages } from '../services/files';
import { slaFor } from '../services/slaPolicy';
import { tellGrid, tellLevel, tellResident } from '../services/tell';
import { APPEAL_WORDS } from '../../types/vocabulary';

type Work<S extends z.ZodMiniType> = {
  /** Staff words the resident will read: screened by WeChat first, refused when risky. */
  words?: (input: z.output<S>) => string;
  /**
   * Photos staff show the resident: their own uploads as work photos (or ones already on this
   * appeal), each sent to WeChat's media check so the `mediacheck` push can hide it later.
   */
  photos?: (input: z.output<S>) => string[];
  command: (input: z.output<S>, ports: Ports, photos: MediaRecord[]) => Promise<Command> | Command;
  /** For a command that restarts the clocks: the policy they start by, read while the words are screened. */
  clocks?: (ports: Ports, appeal: AppealRecord, command: Command, now: Date) => Promise<SlaPolicy>;
  /** Who hears of it once it is saved. */
  after: (ports: Ports, next: AppealRecord) => Promise<void>;
};

/** 升级 and 退回 move the appeal to the level above: its staff and the filer hear of it. */
async function tellAbove(ports: Ports, next: AppealRecord): Promise<void> {
  await tellLevel(ports, next);
  await tellResident(ports, next);
}

/**
 * An action of staff over the appeal's grid: read, may they (and their photos), build the command
 * (its lookups refuse first), screen, transition, save, attach the photos, tell.
 */
function staffAction<S extends z.ZodMiniType<{ id: string }>>(schema: S, work: Work<S>) {
  return action(schema, async (input, ports) => {
    const { appeal, viewer } = await appealForViewer(ports, (input as { id: string }).id);
    if (!mayWork(viewer, appeal) || !viewer.staff) {
      const level = APPEAL_WORDS.level[appeal.level];
      return refuse('FORBIDDEN', appeal.level === 'grid' ? '只有该网格的工作人员可以办理这条诉求' : `这条诉求已由${level}办理，请联系${level}工作人员`);
    }
    const fileIDs = work.photos?.(input) ?? [];
    const claim = await claimFiles(ports, { by: viewer.openid, purpose: 'workPhoto', record: { collection: 'appeals', id: appeal._id } }, fileIDs);
    const command = await work.command(input, ports, await screenImages(ports, viewer.openid, fileIDs, 'staffWords'));
    const now = ports.clock.now();
    const [, policy] = await Promise.all([
      work.words && screenText(ports, viewer.openid, 'staffWords', work.words(input)),
      work.clocks?.(ports, appeal, command, now),
    ]);
    const next = transition(appeal, command, staffActor(viewer.staff), now, policy);
    await claim.attach(now);
    await saveOrRefuse(ports, appeal, next);
    await work.after(ports, next);
    return detailView(next, viewer, now);
  });
}

export const accept = staffAction(AppealRef, {
  command: () => ({ type: 'accept' }),
  after: tellResident,
});

export const reply = staffAction(ReplyInput, {
  words: ({ text }) => text,
  photos: ({ photos }) => photos,
  command: ({ text, onSite }, _, photos) => ({ type: 'reply', text, photos, onSite }),
  after: tellResident,
});

export const transfer = staffAction(TransferInput, {
  words: ({ reason }) => reason,
  command: async ({ toGridCode, reason }, { db }) => ({ type: 'transfer', to: await activeGrid(db, toGridCode), reason }),
  // the new grid's street counts the new clocks
  clocks: ({ db }, appeal, command, now) => slaFor(db, command.type === 'transfer' ? command.to.streetId : appeal.streetId, appeal.category, now),
  after: async (ports, next) => {
    await tellGrid(ports, next);
    await tellResident(ports, next);
  },
});

export const escalate = staffAction(EscalateInput, {
  words: ({ reason }) => reason,
  command: ({ reason }) => ({ type: 'escalate', reason }),
  after: tellAbove,
});

export const resolve = staffAction(ResolveInput, {
  words: ({ note }) => note,
  photos: ({ photos }) => photos,
  command: ({ note }, _, photos) => ({ type: 'resolve', note, photos }),
  after: tellResident,
});

export const sendBack = staffAction(SendBackInput, {
  words: ({ reason }) => reason,
  command: ({ reason }) => ({ type: 'sendBack', reason }),
  after: tellAbove,
});
