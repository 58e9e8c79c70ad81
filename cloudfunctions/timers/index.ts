import { DEFAULT_MESSAGES, type Envelope } from '../../types/envelope';
import { platformPorts } from '../kit/platform';
import { removeEndedCounters } from '../store/limits';
import { keepPromises, type ClockRun } from './slaClock';
import { closeUnrated, remindGroupQrs, retryMessages } from './sweep';

/**
 * The periodic sweep (see config.json): the appeals' SLA clocks first (reminders, 超时 and 升级),
 * then message retries, unrated appeals, group QRs about to lapse and throttle counters whose
 * window has ended. Only the timer trigger may run it; a call from the mini-program is refused.
 */

/**
 * Work stops after this long and the next run takes up the rest: a function's timeout is set
 * in the console (3 s by default), not in config.json, so the sweep fits the default.
 */
const BUDGET_MS = 2000;
export async function main(): Promise<Envelope<{ clocks: ClockRun; retried: number; closed: number; reminded: number; endedCounters: number }>> {
  const ports = platformPorts();
  if (ports.source !== 'wx_trigger') return { ok: false, code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN };
  try {
    const deadline = ports.clock.now().getTime() + BUDGET_MS;
    const clocks = await keepPromises(ports, deadline);
    const retried = await retryMessages(ports, deadline);
    const closed = await closeUnrated(ports, deadline);
    const reminded = await remindGroupQrs(ports, deadline);
    return { ok: true, data: { clocks, retried, closed, reminded, endedCounters: await removeEndedCounters(ports.db, ports.clock.now()) } };
  } catch (error) {
    console.error('[gridlink] sweep failed', error);
    return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
  }
}
