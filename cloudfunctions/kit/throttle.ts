import { counterKey, limitsOf, tooOften, windowEnd, type ThrottledFlow } from '../domain/limits';
import { refuse } from '../domain/refusal';
import { countCall } from '../store/limits';
import { limitSettings } from '../store/settings';
import type { Ports } from './ports';

/**
 * Counts this call of `flow` by `who` (an openid) in each of the flow's windows, read from
 * `settings` (else the defaults), and refuses RATE_LIMITED, saying when to try again, when any
 * window is full. The one line a throttled action needs: `await throttle(ports, 'callStaff', openid)`.
 * Round trips: the settings read, then one per window in the usual case (windows in parallel).
 */
export async function throttle(ports: Ports, flow: ThrottledFlow, who: string): Promise<void> {
  const now = ports.clock.now();
  const windows = limitsOf(flow, await limitSettings(ports.db));
  const verdicts = await Promise.all(windows.map((w) => countCall(ports.db, counterKey(flow, w, who), w.max, now, windowEnd(w, now))));
  const message = tooOften(flow, verdicts.filter((until): until is Date => until !== null), now);
  if (message) refuse('RATE_LIMITED', message);
}
