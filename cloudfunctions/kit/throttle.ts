import { counterKey, limitsOf, tooOften, windowEnd, type ThrottledFlow } from '../domain/limits';
import { refuse } from '../domain/refusal';
import { countCall } from '../store/limits';
import { limitSettings } from '../store/settings';
import type { Ports } from './ports';

/**
 * Counts this call of `flow` by `who` (an openid) in each of the flow's windows, read from
 * `settings` (else the defaults), shortest first, and refuses RATE_LIMITED, saying when to try
 * again, at the first window that is full. The one line a throttled action needs:
 * `await throttle(ports, 'callStaff', openid)`. Round trips: the settings read, then one per
 * window in the usual case. `limits`: the `limits` document (or null) when the caller has already
 * read it with other settings, which saves the read.
 */
export async function throttle(ports: Ports, flow: ThrottledFlow, who: string, limits?: Record<string, unknown> | null): Promise<void> {
  const now = ports.clock.now();
  for (const window of limitsOf(flow, limits === undefined ? await limitSettings(ports.db) : limits)) {
    const fullUntil = await countCall(ports.db, counterKey(flow, window, who), window.max, now, windowEnd(window, now));
    if (fullUntil) refuse('RATE_LIMITED', tooOften(flow, fullUntil, now));
  }
}
