import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import { meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { loadMe } from '../../../services/me';
import type { InvitePreview } from '../../../../types/staff';
import JoinPage from './index';

const preview = (): InvitePreview => ({
  role: 'chief',
  scope: '平阳社区第一网格',
  name: '李娜',
  title: '网格长',
  issuedBy: '黄丽娟',
  expiresAt: new Date(Date.now() + 70 * 3600_000).toISOString(),
});

function open(params: Record<string, string>, handlers: Record<string, Handler> = {}) {
  programCloud({
    'staff.preview': () => ok(preview()),
    'staff.redeem': () => ok({ staffId: 'staff-new', role: 'chief', scope: '平阳社区第一网格' }),
    'account.me': () => ok(meFixture({ role: 'chief', name: '李娜', title: '网格长', scope: '平阳社区第一网格' })),
    ...handlers,
  });
  __setRouterParams(params);
  return render(<JoinPage />);
}

describe('加入网格通', () => {
  it('from a scanned code: shows the seat, binds on 确认加入, and the app knows the new role', async () => {
    open({ scene: 'i%3DK7M4Q2XZ' });
    expect(await screen.findByText('平阳社区第一网格')).toBeTruthy();
    expect(screen.getByText('黄丽娟 邀请您成为')).toBeTruthy();
    expect(screen.getByText('网格长', { selector: '.join__role' })).toBeTruthy();
    expect(screen.getByText('李娜 · 网格长')).toBeTruthy();
    expect(screen.getByText(/^70 小时内有效，截至 /)).toBeTruthy();
    expect(cloudCalls('staff.preview').map((c) => c.data)).toEqual([{ action: 'preview', code: 'K7M4Q2XZ' }]);
    expect(cloudCalls('staff.redeem')).toEqual([]);

    fireEvent.click(screen.getByText('确认加入'));
    expect(await screen.findByText('您已成为 平阳社区第一网格 的网格长')).toBeTruthy();
    expect(cloudCalls('staff.redeem').map((c) => c.data)).toEqual([{ action: 'redeem', code: 'K7M4Q2XZ' }]);
    expect(await loadMe()).toMatchObject({ role: 'chief' });

    fireEvent.click(screen.getByText('进入诉求工作台'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/inbox/index' });
  });

  it('from a share card’s code and from an ordinary QR link', async () => {
    const { unmount } = open({ code: 'k7m4q2xz' });
    await screen.findByText('确认加入');
    unmount();
    open({ q: encodeURIComponent('https://grid.zoucheng.example.cn/i/ABCD2345') });
    await screen.findByText('确认加入');
    expect(cloudCalls('staff.preview').map((c) => c.data.code)).toEqual(['K7M4Q2XZ', 'ABCD2345']);
  });

  it.each([
    ['NOT_FOUND', '邀请码无效或已失效，请核对，或向邀请人重新获取'],
    ['CONFLICT', '您已用这个邀请码加入，无需再次使用'],
    ['RATE_LIMITED', '输入邀请码太频繁，请在 14:05 后再试'],
  ] as const)('a %s invite says "%s" and offers to type another code', async (code, message) => {
    let first = true;
    open({ code: 'K7M4Q2XZ' }, { 'staff.preview': () => (first ? ((first = false), { ok: false, code, message }) : ok(preview())) });
    expect(await screen.findByText(message, { selector: '.join__refusal' })).toBeTruthy();
    expect(screen.queryByText('确认加入')).toBeNull();
    fireEvent.change(screen.getByPlaceholderText('8 位邀请码'), { target: { value: 'abcd2345' } });
    fireEvent.click(screen.getByText('查看邀请'));
    await screen.findByText('确认加入');
    expect(cloudCalls('staff.preview').at(-1)!.data).toEqual({ action: 'preview', code: 'ABCD2345' });
  });

  it('takes a code pasted full-width, in lower case, with spaces around it', async () => {
    open({});
    fireEvent.change(screen.getByPlaceholderText('8 位邀请码'), { target: { value: '　ａｂｃｄ２３４５\u200B　' } });
    fireEvent.click(screen.getByText('查看邀请'));
    await screen.findByText('确认加入');
    expect(cloudCalls('staff.preview').map((c) => c.data)).toEqual([{ action: 'preview', code: 'ABCD2345' }]);
  });

  it('a code used by someone else between seeing and confirming: says so and binds no one', async () => {
    open({ code: 'K7M4Q2XZ' }, { 'staff.redeem': () => ({ ok: false, code: 'NOT_FOUND', message: '邀请码无效或已失效，请核对，或向邀请人重新获取' }) });
    fireEvent.click(await screen.findByText('确认加入'));
    expect(await screen.findByText('邀请码无效或已失效，请核对，或向邀请人重新获取', { selector: '.form-error' })).toBeTruthy();
    expect(screen.queryByText(/您已成为/)).toBeNull();
    expect(cloudCalls('account.me')).toEqual([]);
  });

  it('without a code asks for one and checks its format before calling', async () => {
    open({});
    fireEvent.change(screen.getByPlaceholderText('8 位邀请码'), { target: { value: 'ABC0O1IL' } });
    fireEvent.click(screen.getByText('查看邀请'));
    expect(await screen.findByText('邀请码格式不正确')).toBeTruthy();
    expect(cloudCalls('staff')).toEqual([]);
  });

  it('a link with a broken code says so without calling', async () => {
    open({ scene: 'i%3DAB' });
    expect(await screen.findByText('这个链接里的邀请码不完整，请向邀请人核对后输入')).toBeTruthy();
    expect(cloudCalls('staff')).toEqual([]);
  });
});
