import Taro from '@tarojs/taro';
import { newFile } from '../../cloudfunctions/domain/files';
import type { Envelope } from '../../types/envelope';
import type { FilePurpose } from '../../types/files';

/**
 * The cloud as a page sees it in component tests: one handler per `function.action`, every call
 * recorded, whichever way the client reaches it (Taro.cloud.callFunction in weapp, fetch
 * `/api/fn/<name>` in H5). An action without a handler fails the call (the client answers INTERNAL).
 */
export type Handler = (data: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>;
export type Call = { name: string; data: Record<string, unknown> };

const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;
let recorded: Call[] = [];

afterEach(() => {
  recorded = [];
  delete (globalThis as { fetch?: unknown }).fetch;
});

export function programCloud(handlers: Record<string, Handler>): void {
  const answer = async ({ name, data }: Call) => {
    recorded.push({ name, data });
    const handler = handlers[`${name}.${String(data.action)}`];
    if (!handler) throw new Error(`unexpected call ${name}.${String(data.action)}`);
    return handler(data);
  };
  callFunction.mockImplementation(async (c: Call) => ({ result: await answer(c), errMsg: 'cloud.callFunction:ok' }));
  (globalThis as { fetch?: unknown }).fetch = jest.fn(async (url: string, init: { body: string }) => {
    const name = /^\/api\/fn\/(\w+)$/.exec(url)?.[1];
    if (!name) throw new TypeError(`unexpected fetch ${url}`);
    const result = await answer({ name, data: JSON.parse(init.body) });
    return { json: async () => result };
  });
}

export const cloudCalls = (filter?: string): Call[] =>
  recorded.filter((c) => !filter || `${c.name}.${String(c.data.action)}` === filter || c.name === filter);

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

let tickets = 0;
/** `file.ticket` as the function answers it: a new path under the purpose's folder, by the same rule. */
export const fileTicket: Handler = (data) =>
  ok({ cloudPath: newFile({ token: `ticket${++tickets}`, owner: 'tester', purpose: data.purpose as FilePurpose, name: String(data.name) }, new Date()).cloudPath });
