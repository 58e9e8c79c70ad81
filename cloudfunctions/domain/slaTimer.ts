import { APPEAL_WORDS, type DeadlineKind } from '../../types/vocabulary';
import { LEVEL_ABOVE } from './appeal';
import type { AppealPlace, AppealRecord, OwedAudience, OwedMessage, SlaMarks } from './records';
import { owedClocks } from './sla';

/**
 * What the SLA timer does to an appeal ("有呼必应、当日必达"), as pure functions over a clock:
 * which deadlines it races, when it next has work, and the appeal after the steps now due. The
 * timer function reads due appeals, applies `keepClock`, saves with a version check (so two runs
 * never take one step twice) and sends the messages the step left owed.
 */

/** 催办: whoever must act is reminded this long before a deadline. */
export const REMIND_BEFORE_MINUTES = 30;

const NO_MARKS: SlaMarks = { reminded: [], missed: [], owed: [] };
export const marksOf = (appeal: Pick<AppealRecord, 'sla'>): SlaMarks => ({ ...NO_MARKS, ...appeal.sla });

const remindAt = (due: Date) => new Date(due.getTime() - REMIND_BEFORE_MINUTES * 60_000);

/** Owed messages go before any deadline: a step already taken is told before the next is taken. */
const AT_ONCE = new Date(0);

/**
 * When the timer next has work on this appeal: at once when it owes a message, else the earliest
 * reminder or deadline not yet acted on; null when it has none (the timer's query skips it).
 */
export function timerDueAt(appeal: AppealRecord): Date | null {
  const marks = marksOf(appeal);
  if (marks.owed.length) return AT_ONCE;
  const times = owedClocks(appeal)
    .filter((kind) => !marks.missed.includes(kind))
    .map((kind) => {
      const due = new Date(appeal.deadlines[kind]);
      return marks.reminded.includes(kind) ? due : remindAt(due);
    });
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

export type SlaStep = { kind: DeadlineKind; step: 'remind' | 'miss' };

/** The steps due at `now`, earliest deadline first; a deadline already past is missed, never reminded. */
export function dueSteps(appeal: AppealRecord, now: Date): SlaStep[] {
  const marks = marksOf(appeal);
  return owedClocks(appeal)
    .filter((kind) => !marks.missed.includes(kind))
    .map((kind) => ({ kind, due: new Date(appeal.deadlines[kind]) }))
    .sort((a, b) => a.due.getTime() - b.due.getTime())
    .flatMap(({ kind, due }): SlaStep[] => {
      if (now.getTime() >= due.getTime()) return [{ kind, step: 'miss' }];
      if (now.getTime() >= remindAt(due).getTime() && !marks.reminded.includes(kind)) return [{ kind, step: 'remind' }];
      return [];
    });
}

/** An owed message's key: the step and the deadline it was for, so a moved deadline is a new promise. */
const owedKey = (step: SlaStep['step'], kind: DeadlineKind, due: Date, audience: OwedAudience) => `${step}-${kind}-${new Date(due).getTime()}-${audience}`;

const place = (a: AppealRecord): AppealPlace => ({ status: a.status, level: a.level, gridId: a.gridId });

/**
 * The appeal after the steps due at `now`, or null when none is. 催办 marks the deadline reminded
 * and owes the level working it a reminder. 超时 marks it missed and raises the appeal one level
 * (an `escalated` event by the system), owing the new level a message; at the street already it
 * records `overdue` and owes the street's staff. The filer is owed one message for all the rises
 * of one run (where the appeal went in the end), none for a 超时 at the street. Each step's messages are owed in the
 * same write as the step, so a run that dies after saving still sends them, once, next time.
 */
export function keepClock(appeal: AppealRecord, now: Date): AppealRecord | null {
  const steps = dueSteps(appeal, now);
  if (!steps.length) return null;
  const marks = marksOf(appeal);
  const next: AppealRecord = {
    ...appeal,
    timeline: [...appeal.timeline],
    sla: { reminded: [...marks.reminded], missed: [...marks.missed], owed: [...marks.owed] },
    updatedAt: now,
    version: appeal.version + 1,
  };
  const sla = next.sla!;
  const owe = (step: SlaStep, audience: OwedAudience) =>
    sla.owed.push({ key: owedKey(step.step, step.kind, appeal.deadlines[step.kind], audience), audience, deadline: step.kind, level: next.level } satisfies OwedMessage);
  let risen: SlaStep | null = null;
  for (const step of steps) {
    if (step.step === 'remind') {
      sla.reminded.push(step.kind);
      owe(step, 'reminder');
      continue;
    }
    sla.missed.push(step.kind);
    const before = place(next);
    const above = LEVEL_ABOVE[next.level];
    const text = `${APPEAL_WORDS.deadline[step.kind]}${APPEAL_WORDS.overdue}`;
    if (above) next.level = above;
    next.timeline.push({
      type: above ? 'escalated' : 'overdue',
      at: now,
      actor: { kind: 'system' },
      text,
      photos: [],
      detail: above ?? step.kind,
      before,
      after: place(next),
    });
    owe(step, 'level');
    if (above) risen = step;
  }
  // The filer hears once that it rose (to where it went in the end), never of a 超时 at the street.
  if (risen && (appeal.source ?? 'resident') === 'resident') owe(risen, 'resident');
  return next;
}
