import { DEFAULT_MESSAGES, type Envelope } from '../../types/envelope';
import { platformPorts } from '../kit/platform';
import { closeUnrated, retryMessages } from './sweep';

/**
 * The periodic sweep (see config.json): message retries and unrated appeals. Only the timer
 * trigger may run it; a call from the mini-program is refused.
 */
export async function main(): Promise<Envelope<{ retried: number; closed: number }>> {
  const ports = platformPorts();
  if (ports.source !== 'wx_trigger') return { ok: false, code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN };
  try {
    return { ok: true, data: { retried: await retryMessages(ports), closed: await closeUnrated(ports) } };
  } catch (error) {
    console.error('[gridlink] sweep failed', error);
    return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
  }
}
