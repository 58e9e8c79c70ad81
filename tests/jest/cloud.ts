import Taro from '@tarojs/taro';
import type { Envelope } from '../../types/envelope';

/**
 * The cloud as a page sees it in component tests: one handler per `function.action`, every call
 * recorded. An action without a handler fails the call (the client turns that into INTERNAL).
 */
export type Handler = (data: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>;
export type Call = { name: string; data: Record<string, unknown> };

const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;

export function programCloud(handlers: Record<string, Handler>): void {
  callFunction.mockImplementation(async ({ name, data }: Call) => {
    const handler = handlers[`${name}.${String(data.action)}`];
    if (!handler) throw new Error(`unexpected call ${name}.${String(data.action)}`);
    return { result: await handler(data), errMsg: 'cloud.callFunction:ok' };
  });
}

export const cloudCalls = (filter?: string): Call[] =>
  callFunction.mock.calls
    .map(([o]) => o as Call)
    .filter((c) => !filter || `${c.name}.${String(c.data.action)}` === filter || c.name === filter);

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
