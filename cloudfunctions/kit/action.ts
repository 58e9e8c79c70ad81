import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import { DEFAULT_MESSAGES, type Envelope } from '../../types/envelope';
import type { Ports } from './ports';
import { Refusal } from '../domain/refusal';

// Schemas carry their own Chinese messages; the locale covers the generic ones (wrong type…).
z.config(zhCN());

export type Action = (event: unknown, ports: Ports) => Promise<Envelope<unknown>>;

/**
 * One action of a function: parses the event with the shared schema (unknown keys such as a
 * client-sent `openid`, `_openid` or `role` are dropped by the parse), runs the handler and
 * owns the envelope, so no handler throws to the platform or leaks a stack trace.
 */
export function action<S extends z.ZodMiniType, R>(
  schema: S,
  run: (input: z.output<S>, ports: Ports) => Promise<R>,
): Action {
  return async (event, ports) => {
    const parsed = z.safeParse(schema, event);
    if (!parsed.success) {
      return { ok: false, code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? DEFAULT_MESSAGES.INVALID_INPUT };
    }
    try {
      return { ok: true, data: await run(parsed.data, ports) };
    } catch (error) {
      if (error instanceof Refusal) {
        return { ok: false, code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) };
      }
      console.error('[gridlink] unexpected failure', error);
      return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
    }
  };
}

/** A function's entry: routes `event.action` to its action; ports come from the platform per call. */
export function dispatch(actions: Record<string, Action>, ports: () => Ports) {
  return async (event: unknown): Promise<Envelope<unknown>> => {
    const name = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
    if (typeof name !== 'string' || !Object.hasOwn(actions, name)) {
      return { ok: false, code: 'INVALID_INPUT', message: `不支持的操作：${String(name ?? '（未指定）').slice(0, 40)}` };
    }
    try {
      return await actions[name](event, ports());
    } catch (error) {
      console.error('[gridlink] could not build the call context', error);
      return { ok: false, code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
    }
  };
}
