/**
 * Timer triggers of the local cloud, read from each function's `config.json`:
 *   {"triggers": [{"name": "myTrigger", "type": "timer", "config": "0 0 2 1 * * *"}]}
 * WeChat cloud cron: 7 fields `sec min hour day month week year`, wildcards `, - * /` only,
 * month 1-12 or JAN-DEC, week 0-6 or SUN-SAT (0 = Sunday), year 1970-2099; when both day and week
 * are given they are OR-ed; the time zone is UTC+8. croner takes the first six fields (its default
 * legacyMode ORs day/week the same way); the year is checked here.
 * The function receives the SCF timer event `{Type:'Timer', TriggerName, Time:'2019-02-21T11:49:00Z', Message:''}`.
 * Ticks are on the local cloud's clock (clock.ts), which tests and demos move: a trigger fires when
 * that clock reaches its tick, and a forward jump runs each skipped trigger once (`clockMoved`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Cron } from 'croner';
import type { CaughtUpRun } from '../../types/devClock';

export const TIMEZONE = 'Asia/Shanghai';
const UTC8_MS = 8 * 3600 * 1000;

export interface WxCron {
  /** croner pattern (6 fields). */
  pattern: string;
  /** Allowed years, ascending; null = every year. */
  years: number[] | null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

type FieldSpec = { name: string; min: number; max: number; names?: string[]; namesBase?: number };
const FIELDS: FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, namesBase: 1 },
  { name: 'week', min: 0, max: 6, names: DAYS, namesBase: 0 },
  { name: 'year', min: 1970, max: 2099 },
];

/** Expands one field into its values (validating the WeChat grammar); throws on anything else. */
function expandField(raw: string, spec: FieldSpec): number[] {
  const value = (tok: string): number => {
    const upper = tok.toUpperCase();
    if (spec.names && spec.names.includes(upper)) return spec.names.indexOf(upper) + (spec.namesBase ?? 0);
    if (!/^\d+$/.test(tok)) throw new Error(`invalid ${spec.name} value "${tok}"`);
    const n = Number(tok);
    if (n < spec.min || n > spec.max) throw new Error(`${spec.name} value ${n} is outside ${spec.min}-${spec.max}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    if (!part) throw new Error(`empty list item in ${spec.name} field "${raw}"`);
    const [rangePart, stepPart, extra] = part.split('/');
    if (extra !== undefined) throw new Error(`invalid ${spec.name} field "${raw}"`);
    let step = 1;
    if (stepPart !== undefined) {
      if (!/^\d+$/.test(stepPart) || Number(stepPart) === 0) throw new Error(`invalid step in ${spec.name} field "${raw}"`);
      step = Number(stepPart);
    }
    let lo: number;
    let hi: number;
    if (rangePart === '*') {
      lo = spec.min; hi = spec.max;
    } else if (rangePart.includes('-')) {
      const [a, b, more] = rangePart.split('-');
      if (more !== undefined || !a || !b) throw new Error(`invalid range in ${spec.name} field "${raw}"`);
      lo = value(a); hi = value(b);
      if (lo > hi) throw new Error(`reversed range in ${spec.name} field "${raw}"`);
    } else {
      lo = value(rangePart);
      hi = stepPart !== undefined ? spec.max : lo; // "1/10": from 1 every 10
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Converts a 7-field WeChat cloud cron expression to a croner pattern plus a year filter.
 * Throws a descriptive Error for an expression the cloud would reject.
 */
export function convertWxCron(expr: string): WxCron {
  if (typeof expr !== 'string') throw new Error('cron expression must be a string');
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`cron expression "${expr}" must have 7 fields (sec min hour day month week year), has ${fields.length}`);
  fields.forEach((f, i) => expandField(f, FIELDS[i])); // validates every field
  const yearField = fields[6];
  const years = yearField === '*' ? null : expandField(yearField, FIELDS[6]);
  const pattern = fields.slice(0, 6).map((f, i) => (i >= 4 ? f.toUpperCase() : f)).join(' ');
  return { pattern, years };
}

/** Calendar year of an instant in UTC+8. */
export function yearInUtc8(d: Date): number {
  return new Date(d.getTime() + UTC8_MS).getUTCFullYear();
}

/** The SCF timer event for a run at `time` (second precision, UTC, no milliseconds). */
export function timerEvent(triggerName: string, time: Date): { Type: 'Timer'; TriggerName: string; Time: string; Message: string } {
  return { Type: 'Timer', TriggerName: triggerName, Time: new Date(Math.floor(time.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'), Message: '' };
}

export interface TimerTrigger { name: string; type: string; config: string }

export interface ScheduledTimer {
  fn: string;
  trigger: string;
  cron: string;
  next: Date | null;
}

export interface TimersOptions {
  functionsDir: string;
  invoke: (name: string, event: object) => Promise<unknown>;
  /** The local cloud's clock (scripts/localcloud/clock.ts); real time by default. */
  now?: () => Date;
  log?: Pick<Console, 'log' | 'warn' | 'error'>;
}

export interface Timers {
  stop(): void;
  list(): ScheduledTimer[];
  /**
   * After the clock jumped from `from` to `to`: runs, once each and at once, every trigger the
   * cron would have run in between (one run however many ticks were skipped, its event's `Time`
   * the moved time `to`), then schedules every trigger again from the clock's new time (after a
   * move back too, when nothing runs). Resolves when those runs have answered.
   */
  clockMoved(from: Date, to: Date): Promise<CaughtUpRun[]>;
}

const TRIGGER_NAME_RE = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** setTimeout's longest wait (about 24.8 days); a trigger further off is looked at again then. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;

/** Reads the timer triggers of every `<functionsDir>/<name>/config.json`; bad configs are reported, not thrown. */
export function readTimerTriggers(functionsDir: string, log: Pick<Console, 'warn'> = console): Array<{ fn: string; trigger: TimerTrigger }> {
  const out: Array<{ fn: string; trigger: TimerTrigger }> = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(functionsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch (e) {
    log.warn(`[timers] cannot read ${functionsDir}: ${(e as Error).message}`);
    return out;
  }
  for (const fn of names) {
    const file = path.join(functionsDir, fn, 'config.json');
    if (!fs.existsSync(file)) continue;
    let config: any;
    try {
      config = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      log.warn(`[timers] ${fn}: config.json is not valid JSON (${(e as Error).message}); no timers for it`);
      continue;
    }
    const triggers: unknown = config?.triggers;
    if (triggers === undefined) continue;
    if (!Array.isArray(triggers)) {
      log.warn(`[timers] ${fn}: "triggers" must be an array`);
      continue;
    }
    if (triggers.length > 1) log.warn(`[timers] ${fn}: WeChat cloud supports one trigger per function, ${triggers.length} given`);
    for (const t of triggers) {
      if (!t || t.type !== 'timer') {
        log.warn(`[timers] ${fn}: trigger ${JSON.stringify(t?.name)} has type ${JSON.stringify(t?.type)}, only "timer" exists`);
        continue;
      }
      if (typeof t.name !== 'string' || !TRIGGER_NAME_RE.test(t.name)) {
        log.warn(`[timers] ${fn}: invalid trigger name ${JSON.stringify(t.name)} (letter first, then a-z A-Z 0-9 - _, ≤60)`);
        continue;
      }
      out.push({ fn, trigger: { name: t.name, type: t.type, config: t.config } });
    }
  }
  return out;
}

/** One trigger, scheduled on the local cloud's clock. */
type Schedule = { fn: string; trigger: string; cron: string; job: Cron; years: number[] | null; next: Date | null; wait?: NodeJS.Timeout };

/** First instant of `year` in UTC+8. */
const startOfYearUtc8 = (year: number) => new Date(Date.UTC(year, 0, 1) - UTC8_MS);

/** The first tick of `s` after `after` (and no later than `until`) in one of its years, or null. */
function firstTick(s: Schedule, after: Date, until = Infinity): Date | null {
  let tick = s.job.nextRun(after);
  while (tick && s.years && !s.years.includes(yearInUtc8(tick))) {
    const year = yearInUtc8(tick);
    const later = s.years.find((y) => y > year);
    tick = later === undefined ? null : s.job.nextRun(new Date(startOfYearUtc8(later).getTime() - 1));
  }
  return tick && tick.getTime() <= until ? tick : null;
}

/**
 * Runs each function's timer triggers on the local cloud's clock (`opts.now`): croner says when a
 * 7-field WeChat cron next fires on that clock, a plain timeout waits for it in real time, and the
 * event's `Time` is the tick on that clock. A trigger with no run after the clock's time at start
 * is reported and not scheduled.
 */
export function startTimers(opts: TimersOptions): Timers {
  const log = opts.log ?? console;
  const now = opts.now ?? (() => new Date());
  const schedules: Schedule[] = [];

  const run = (s: Schedule, time: Date): Promise<unknown> => {
    const event = timerEvent(s.trigger, time);
    let p: Promise<unknown>;
    try {
      p = Promise.resolve(opts.invoke(s.fn, event));
    } catch (e) {
      p = Promise.reject(e);
    }
    return p.catch((e) => {
      log.error(`[timers] ${s.fn}/${s.trigger} at ${event.Time} failed:`, e);
      return { ok: false, code: 'INTERNAL', message: '云函数执行出错' };
    });
  };

  const arm = (s: Schedule) => {
    clearTimeout(s.wait);
    s.next = firstTick(s, now());
    if (!s.next) return;
    const due = s.next;
    s.wait = setTimeout(() => {
      if (now().getTime() >= due.getTime()) void run(s, due);
      arm(s);
    }, Math.min(Math.max(due.getTime() - now().getTime(), 0), LONGEST_WAIT_MS));
  };

  for (const { fn, trigger } of readTimerTriggers(opts.functionsDir, log)) {
    let wx: WxCron;
    try {
      wx = convertWxCron(trigger.config);
    } catch (e) {
      log.warn(`[timers] ${fn}/${trigger.name}: ${(e as Error).message}; not scheduled`);
      continue;
    }
    let job: Cron;
    try {
      job = new Cron(wx.pattern, { timezone: TIMEZONE, paused: true });
    } catch (e) {
      log.warn(`[timers] ${fn}/${trigger.name}: cannot schedule "${trigger.config}": ${(e as Error).message}`);
      continue;
    }
    const s: Schedule = { fn, trigger: trigger.name, cron: trigger.config, job, years: wx.years, next: null };
    arm(s);
    if (!s.next) {
      log.warn(`[timers] ${fn}/${trigger.name}: "${trigger.config}" has no run after ${now().toISOString()}; not scheduled`);
      continue;
    }
    schedules.push(s);
    log.log(`[timers] ${fn}/${trigger.name} "${trigger.config}" next ${s.next.toISOString()}`);
  }

  return {
    stop() {
      for (const s of schedules.splice(0)) clearTimeout(s.wait);
    },
    list() {
      return schedules.map((s) => ({ fn: s.fn, trigger: s.trigger, cron: s.cron, next: s.next }));
    },
    async clockMoved(from, to) {
      const due = to > from ? schedules.filter((s) => firstTick(s, from, to.getTime())) : [];
      for (const s of schedules) arm(s);
      return Promise.all(
        due.map(async (s) => ({ function: s.fn, trigger: s.trigger, time: timerEvent(s.trigger, to).Time, result: await run(s, to) })),
      );
    },
  };
}
