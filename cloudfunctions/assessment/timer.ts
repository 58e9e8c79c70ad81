import { DEFAULT_MESSAGES, type Envelope } from '../../types/envelope';
import { platformPorts } from '../kit/platform';
import { assessLastMonthOnFirst } from '../services/assessment';
import { rollUpOnceADay } from '../services/gridRecord';

/**
 * Work stops after this long and the next run (config.json: every five minutes) takes up the
 * rest. The long, once-a-day steps run here rather than in the every-minute SLA sweep
 * (`timers`), whose 2 s budget is kept for the promises; this function is deployed with a 60 s
 * timeout (CloudBase allows 1–60 s), and a street started just before the budget ends still has
 * the rest of it.
 */
const BUDGET_MS = 40_000;

/** The SCF timer event a trigger delivers: `{Type: 'Timer', TriggerName, Time, Message}`. */
export const isTimerEvent = (event: object): boolean => (event as { Type?: unknown }).Type === 'Timer';

/**
 * The assessment's timer run: on the 1st (Asia/Shanghai) last month's assessment for each
 * street not yet assessed, then, once a day, the grids' 90-day records street by street
 * (`services/gridRecord.ts`), each while the budget lasts. Only the timer trigger may run it
 * (FORBIDDEN otherwise). Answers how many streets it assessed and how many grids it rolled up.
 */
export async function onTimer(): Promise<Envelope<{ assessed: number; rolledUp: number }>> {
  const ports = platformPorts();
  if (ports.source !== 'wx_trigger') return { ok: false, code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN };
  try {
    const deadline = ports.clock.now().getTime() + BUDGET_MS;
    const assessed = await assessLastMonthOnFirst(ports, deadline);
    const rolledUp = ports.clock.now().getTime() < deadline ? await rollUpOnceADay(ports, deadline) : 0;
    return { ok: true, data: { assessed, rolledUp } };
  } catch (error) {
    console.error('[gridlink] assessment timer failed', error);
    return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
  }
}
