import { DEFAULT_MESSAGES, type Envelope } from '../../types/envelope';
import { platformPorts } from '../kit/platform';
import { removeEndedCounters } from '../store/limits';
import { keepPromises, type ClockRun } from './slaClock';
import { closeUnrated, remindGroupQrs, retryMessages } from './sweep';

/**
 * The periodic sweep (see config.json): message retries, the appeals' SLA clocks (reminders, 超时
 * and 升级), then unrated appeals, group QRs about to lapse and throttle counters whose window has
 * ended. The monthly assessment and the grids' daily records run on the `assessment` function's
 * own trigger, so they never take this minute's time. Only the timer trigger may run it; a call
 * from the mini-program is refused.
 */

/**
 * Work stops after this long and the next run takes up the rest: a function's timeout is set
 * in the console (3 s by default), not in config.json, so the sweep fits the default.
 */
const BUDGET_MS = 2000;
/** The SLA clocks may use most of it, leaving the cheaper steps their turn every run. */
const CLOCKS_MS = 1400;
export async function main(): Promise<Envelope<{ clocks: ClockRun; retried: number; closed: number; reminded: number; endedCounters: number }>> {
  const ports = platformPorts();
  if (ports.source !== 'wx_trigger') return { ok: false, code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN };
  try {
    const started = ports.clock.now().getTime();
    const deadline = started + BUDGET_MS;
    // Each step starts only while time is left, so a long one leaves the rest to the next run.
    const inTime = async <T>(step: () => Promise<T>, none: T) => (ports.clock.now().getTime() < deadline ? step() : none);
    const retried = await inTime(() => retryMessages(ports, deadline), 0);
    const clocks = await inTime(() => keepPromises(ports, started + CLOCKS_MS), { reminded: 0, escalated: 0, overdue: 0, messages: 0 });
    const closed = await inTime(() => closeUnrated(ports, deadline), 0);
    const reminded = await inTime(() => remindGroupQrs(ports, deadline), 0);
    const endedCounters = await inTime(() => removeEndedCounters(ports.db, ports.clock.now()), 0);
    return { ok: true, data: { clocks, retried, closed, reminded, endedCounters } };
  } catch (error) {
    console.error('[gridlink] sweep failed', error);
    return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
  }
}
