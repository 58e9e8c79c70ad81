import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { chiefMe, meFixture, summaryFixture } from '../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud } from '../../../tests/jest/cloud';
import type { Me } from '../../../types/appeal';
import InboxPage from './index';

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
});

describe('诉求工作台', () => {
  it('shows who works it, the reminders left, and the appeals with the overdue ones marked', async () => {
    programCloud({
      'account.me': () => ok(chiefMe()),
      'appeal.inbox': () =>
        ok({ items: [summaryFixture(1, { overdue: true }), summaryFixture(2)], cursor: null }),
    });
    render(<InboxPage />);
    expect(await screen.findByText('第 1 条：楼道里堆满了杂物')).toBeTruthy();
    expect(screen.getByText('张桂兰 · 网格长')).toBeTruthy();
    expect(screen.getByText('府前社区第一网格', { selector: '.inbox-who__scope' })).toBeTruthy();
    expect(screen.getByText('剩余提醒次数')).toBeTruthy();
    expect(document.querySelector('.consent-banner__count')!.textContent).toBe('2');
    const late = screen.getAllByText('已超时');
    expect(late).toHaveLength(1);
    expect(late[0].closest('.appeal-item')!.textContent).toContain('第 1 条');
    expect(screen.getAllByText('受理时限 2026-11-24 12:00')).toHaveLength(2);
  });

  it('in H5, 增加提醒次数 records the consent directly and shows the new count', async () => {
    process.env.TARO_ENV = 'h5';
    programCloud({
      'account.me': () => ok(chiefMe({ consents: { appealNew: 0, appealProgress: 0, groupQrExpiry: 0 } })),
      'account.grantConsents': () => ok(chiefMe({ consents: { appealNew: 1, appealProgress: 0, groupQrExpiry: 0 } })),
      'appeal.inbox': () => ok({ items: [], cursor: null }),
    });
    render(<InboxPage />);
    expect(await screen.findByText('提醒次数已用完，新诉求将改为通知社区')).toBeTruthy();
    fireEvent.click(screen.getByText('增加提醒次数'));
    await waitFor(() => expect(document.querySelector('.consent-banner__count')!.textContent).toBe('1'));
    expect(cloudCalls('account.grantConsents').map((c) => c.data)).toEqual([{ action: 'grantConsents', accepted: ['appealNew'] }]);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('in WeChat, asks for the new-appeal reminder first and records only what was accepted', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.requestSubscribeMessage as unknown as jest.Mock).mockResolvedValueOnce({ 'tmpl-appeal-new': 'accept', errMsg: 'ok' });
    programCloud({
      'account.me': () => ok(chiefMe()),
      'account.grantConsents': () => ok(chiefMe({ consents: { appealNew: 3, appealProgress: 0, groupQrExpiry: 0 } })),
      'appeal.inbox': () => ok({ items: [], cursor: null }),
    });
    render(<InboxPage />);
    fireEvent.click(await screen.findByText('增加提醒次数'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-appeal-new'] });
    await waitFor(() => expect(document.querySelector('.consent-banner__count')!.textContent).toBe('3'));
    expect(cloudCalls('account.grantConsents').map((c) => c.data)).toEqual([{ action: 'grantConsents', accepted: ['appealNew'] }]);
  });

  /** The links above the list: who sees each, and where it goes. */
  const LINKS: Array<[string, string, Array<Me['role']>]> = [
    ['邀请工作人员', '/packages/staff/invite/index', ['community', 'street']],
    ['导入网格台账', '/packages/registry/import/index', ['street']],
    ['督办看板', '/packages/board/index', ['community', 'street']],
    ['网格考核', '/packages/assessment/ranking/index', ['community', 'street']],
  ];
  const ROLES: Array<Me['role']> = ['community', 'street', 'chief', 'worker'];

  it.each(LINKS.flatMap(([link, url, roles]) => ROLES.map((role) => [role, link, roles.includes(role), url] as const)))('%s staff: %s shown %s', async (role, link, shown, url) => {
    programCloud({ 'account.me': () => ok(chiefMe({ role })), 'appeal.inbox': () => ok({ items: [], cursor: null }) });
    render(<InboxPage />);
    await screen.findByText('暂时没有需要处理的诉求');
    const found = screen.queryByText(link);
    expect(!!found).toBe(shown);
    if (found) {
      fireEvent.click(found);
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url });
    }
  });

  it.each<[string, Me, Array<[string, string]>]>([
    ['a chief', chiefMe(), [['上报问题', '/packages/ledger/report/index?code=GS-0101'], ['问题台账', '/packages/ledger/list/index?code=GS-0101']]],
    [
      'a worker of two grids',
      chiefMe({ role: 'worker', grids: [{ code: 'GS-0101', name: '第一网格' }, { code: 'GS-0102', name: '第二网格' }] }),
      [
        ['上报问题 · 第一网格', '/packages/ledger/report/index?code=GS-0101'],
        ['上报问题 · 第二网格', '/packages/ledger/report/index?code=GS-0102'],
        ['问题台账', '/packages/ledger/list/index'],
      ],
    ],
    ['community staff', chiefMe({ role: 'community', grids: [] }), [['问题台账', '/packages/ledger/list/index']]],
  ])('%s: 上报问题 for each of their own grids, and 问题台账', async (_, me, links) => {
    programCloud({ 'account.me': () => ok(me), 'appeal.inbox': () => ok({ items: [], cursor: null }) });
    render(<InboxPage />);
    await screen.findByText('暂时没有需要处理的诉求');
    const shown = Array.from(document.querySelectorAll('.inbox-who__invite')).map((l) => l.textContent);
    expect(shown.filter((t) => /上报问题|问题台账/.test(t!))).toEqual(links.map(([label]) => label));
    for (const [label, url] of links) {
      fireEvent.click(screen.getByText(label));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });

  it('tells a resident it is for staff and never asks for the inbox', async () => {
    programCloud({ 'account.me': () => ok(meFixture()) });
    render(<InboxPage />);
    expect(await screen.findByText('诉求工作台仅供网格长、网格员和社区、街道工作人员使用')).toBeTruthy();
    expect(cloudCalls('appeal')).toEqual([]);
  });
});
