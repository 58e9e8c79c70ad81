import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { GroupEntry } from '../../types/groupChat';
import { reportGroupEntry, useGroupEntry } from './groupEntry';

/**
 * In WeChat: a share card opened inside a group (scene 1044 / 1008) is reported once per entry,
 * with the group as `wx.cloud.CloudID(cloudID)` from getGroupEnterInfo; other entries report nothing.
 */
type Enter = { scene: number; path: string; query: Record<string, string>; shareTicket?: string };
// Each test enters with its own share ticket: the service remembers what it already reported.
const taro = Taro as unknown as Record<string, unknown> & { cloud: Record<string, unknown> & { callFunction: jest.Mock } };

class CloudID {
  constructor(readonly cloudID: string) {}
}

let enter: Enter;
beforeEach(() => {
  taro.getEnterOptionsSync = () => enter;
  taro.getGroupEnterInfo = jest.fn(async () => ({ errMsg: 'getGroupEnterInfo:ok', cloudID: 'cloudid-of-group' }));
  taro.cloud.CloudID = (id: string) => new CloudID(id);
  taro.cloud.callFunction.mockImplementation(async ({ data }: { data: Record<string, unknown> }) => ({
    result: { ok: true, data: data.action === 'groupEnter' ? ({ status: 'bound', grid: { code: 'GS-0101', name: '平阳社区第一网格' }, here: true } satisfies GroupEntry) : null },
    errMsg: 'cloud.callFunction:ok',
  }));
});
afterEach(() => {
  delete taro.getEnterOptionsSync;
  delete taro.getGroupEnterInfo;
  delete taro.cloud.CloudID;
});

const groupEnterCalls = () => taro.cloud.callFunction.mock.calls.map(([o]) => o.data).filter((d) => d.action === 'groupEnter');

it('a card opened in a group sends the grid code and the group as a CloudID, and pages hear the answer', async () => {
  enter = { scene: 1044, path: 'pages/grid/index', query: { code: 'gs-0101' }, shareTicket: 'ticket-a' };
  const page = renderHook(() => useGroupEntry('GS-0101'));
  await act(() => reportGroupEntry());
  expect(groupEnterCalls()).toEqual([{ action: 'groupEnter', code: 'GS-0101', group: new CloudID('cloudid-of-group') }]);
  expect(page.result.current).toEqual({ status: 'bound', grid: { code: 'GS-0101', name: '平阳社区第一网格' }, here: true });
  expect(renderHook(() => useGroupEntry('GS-0102')).result.current).toBeNull();
});

it('coming back to the app without a new card reports nothing again; a new card does', async () => {
  enter = { scene: 1044, path: 'pages/grid/index', query: { code: 'GS-0101' }, shareTicket: 'ticket-1' };
  await reportGroupEntry();
  await reportGroupEntry();
  expect(groupEnterCalls()).toHaveLength(1);
  enter = { ...enter, shareTicket: 'ticket-2' };
  await reportGroupEntry();
  expect(groupEnterCalls()).toHaveLength(2);
});

it.each([
  ['a scanned sign', { scene: 1047, path: 'pages/grid/index', query: { scene: 'g%3DGS-0101' }, shareTicket: 'ticket-c' }],
  ['a card from a one-to-one chat', { scene: 1007, path: 'pages/grid/index', query: { code: 'GS-0101' }, shareTicket: 'ticket-d' }],
  ['a group card naming no grid', { scene: 1044, path: 'pages/search/index', query: {}, shareTicket: 'ticket-e' }],
])('%s reports nothing', async (_, entry) => {
  enter = entry;
  await reportGroupEntry();
  expect(groupEnterCalls()).toEqual([]);
});

it('when WeChat will not say which group (old base library, 40097), nothing is reported', async () => {
  enter = { scene: 1008, path: 'pages/grid/index', query: { code: 'GS-0101' }, shareTicket: 'ticket-f' };
  taro.getGroupEnterInfo = jest.fn(async () => {
    throw { errMsg: 'getGroupEnterInfo:fail 40097' };
  });
  await reportGroupEntry();
  expect(groupEnterCalls()).toEqual([]);
});
