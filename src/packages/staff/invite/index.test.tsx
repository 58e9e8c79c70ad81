import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { chiefMe, meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import { __setRouterParams } from '../../../../tests/jest/taro';
import type { Me } from '../../../../types/appeal';
import type { StaffPlaces } from '../../../../types/staff';
import { communityPlaces, inviteFixture, streetPlaces } from '../staff.fixtures';
import InvitePage from './index';

const communityMe = () => chiefMe({ role: 'community', name: '黄丽娟', title: '平阳社区党委书记', scope: '平阳社区' });
const in72h = () => new Date(Date.now() + 72 * 3600_000).toISOString();

function open(me: Me, places: StaffPlaces = communityPlaces(), invite: Handler = () => ok(inviteFixture({ expiresAt: in72h() }))) {
  programCloud({ 'account.me': () => ok(me), 'staff.places': () => ok(places), 'staff.invite': invite });
  return render(<InvitePage />);
}

const chips = (group: string) => Array.from(document.querySelectorAll(`[aria-label="${group}"] .chip`)).map((c) => c.textContent);
const fill = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const person = () => {
  fill('被邀请人的姓名', '李娜');
  fill('居民拨打时使用', '13900001111');
};

describe('邀请工作人员', () => {
  it('community staff invite a worker for a grid they tap; the card shows the seat, the QR, the code and how long it lasts', async () => {
    open(communityMe(), communityPlaces(), () =>
      ok(inviteFixture({ expiresAt: in72h(), seat: { role: 'worker', scope: '平阳社区第二网格', name: '李娜', title: '专职网格员' } })),
    );
    expect(await screen.findByText('平阳社区')).toBeTruthy();
    expect(chips('岗位')).toEqual(['网格长', '网格员']);
    expect(chips('网格')).toEqual(['第一网格', '第二网格']);
    fireEvent.click(screen.getByText('第二网格'));
    person();
    fireEvent.click(screen.getByText('生成邀请'));

    expect(await screen.findByText('K7M4Q2XZ')).toBeTruthy();
    expect(cloudCalls('staff.invite').map((c) => c.data)).toEqual([
      { action: 'invite', role: 'worker', gridCode: 'GS-0102', name: '李娜', title: '专职网格员', phone: '13900001111' },
    ]);
    expect(screen.getByText('平阳社区第二网格 · 网格员 · 李娜')).toBeTruthy();
    expect(screen.getByText(/^72 小时内有效，截至 \d{1,2}月\d{1,2}日 \d\d:\d\d$/)).toBeTruthy();
    const qr = document.querySelector('.invite-card__qr') as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe('https://tcb.example/minicodes/abc.png');
    expect(qr.getAttribute('data-show-menu-by-longpress')).toBe('true');

    fireEvent.click(screen.getByText('复制邀请码'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'K7M4Q2XZ' });
    const share = (Taro.useShareAppMessage as jest.Mock).mock.calls.at(-1)[0]();
    expect(share).toEqual({ title: '邀请您成为平阳社区第二网格的网格员', path: '/packages/staff/join/index?code=K7M4Q2XZ' });

    fireEvent.click(screen.getByText('查看人员'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/team/index?kind=grid&gridCode=GS-0102&communityId=GS01' });
  });

  it('takes a grid code and a phone as people type them: full-width, lower case, +86, spaces', async () => {
    open(chiefMe({ role: 'street' }), streetPlaces());
    await screen.findByText('网格长');
    fill('或输入网格编号，如 GS-0102', '　ｇｓ－０２０１　');
    expect(document.querySelector('[aria-label="网格"] .chip--on')!.textContent).toBe('第一网格');
    fill('被邀请人的姓名', '李娜');
    fill('居民拨打时使用', '＋８６ １３９ ００００ １１１１');
    fireEvent.click(screen.getByText('生成邀请'));
    await waitFor(() => expect(cloudCalls('staff.invite')).toHaveLength(1));
    expect(cloudCalls('staff.invite')[0].data).toMatchObject({ gridCode: 'GS-0201', phone: '13900001111' });
  });

  it('street staff may also invite a community’s staff, and pick a grid of any community by its code', async () => {
    open(chiefMe({ role: 'street' }), streetPlaces());
    await screen.findByText('网格长');
    expect(chips('岗位')).toEqual(['网格长', '网格员', '社区工作人员']);
    expect(chips('社区')).toEqual(['平阳社区', '护驾山社区']);

    fill('或输入网格编号，如 GS-0102', 'gs-0201');
    expect(document.querySelector('[aria-label="社区"] .chip--on')!.textContent).toBe('护驾山社区');
    expect(document.querySelector('[aria-label="网格"] .chip--on')!.textContent).toBe('第一网格');
    fill('或输入网格编号，如 GS-0102', 'ｑｑ－０１０１');
    expect(screen.getByText('您负责的范围内没有网格 QQ-0101')).toBeTruthy();

    fireEvent.click(screen.getByText('社区工作人员'));
    expect(screen.queryByText('网格', { selector: '.field__label' })).toBeNull();
    expect((screen.getByPlaceholderText('如 专职网格员') as HTMLInputElement).value).toBe('社区工作人员');
    fireEvent.click(screen.getByText('平阳社区'));
    person();
    fireEvent.click(screen.getByText('生成邀请'));
    await waitFor(() => expect(cloudCalls('staff.invite')).toHaveLength(1));
    expect(cloudCalls('staff.invite')[0].data).toEqual({ action: 'invite', role: 'community', communityId: 'GS01', name: '李娜', title: '社区工作人员', phone: '13900001111' });
  });

  it('says what is missing without calling, then shows what the cloud refused and stays on the form', async () => {
    open(communityMe(), communityPlaces(), () => ({ ok: false, code: 'FORBIDDEN', message: '只能邀请或解绑您所负责社区、街道的工作人员' }));
    await screen.findByText('第一网格');
    person();
    fireEvent.click(screen.getByText('生成邀请'));
    expect(await screen.findByText('请选择网格')).toBeTruthy();
    fireEvent.click(screen.getByText('第一网格'));
    fill('居民拨打时使用', '1390000');
    fireEvent.click(screen.getByText('生成邀请'));
    await act(async () => undefined);
    expect(screen.getByText('联系电话格式不正确', { selector: '.form-error' })).toBeTruthy();
    expect(cloudCalls('staff.invite')).toEqual([]);

    fill('居民拨打时使用', '13900001111');
    fireEvent.click(screen.getByText('生成邀请'));
    expect(await screen.findByText('只能邀请或解绑您所负责社区、街道的工作人员', { selector: '.form-error' })).toBeTruthy();
    expect(screen.queryByText('邀请码')).toBeNull();
  });

  it('without a QR from WeChat, the card says to pass the code on', async () => {
    open(communityMe(), communityPlaces(), () => ok(inviteFixture({ qr: null, expiresAt: in72h() })));
    fireEvent.click(await screen.findByText('第一网格'));
    person();
    fireEvent.click(screen.getByText('生成邀请'));
    expect(await screen.findByText('二维码暂时无法生成，请把下面的邀请码告诉对方')).toBeTruthy();
    expect(document.querySelector('.invite-card__qr')).toBeNull();
    expect(screen.getByText('K7M4Q2XZ')).toBeTruthy();
  });

  it('opens on the grid a link names', async () => {
    __setRouterParams({ gridCode: 'GS-0102', role: 'chief' });
    open(communityMe());
    await screen.findByText('第二网格');
    expect(document.querySelector('[aria-label="网格"] .chip--on')!.textContent).toBe('第二网格');
    expect(document.querySelector('[aria-label="岗位"] .chip--on')!.textContent).toBe('网格长');
    expect((screen.getByPlaceholderText('如 专职网格员') as HTMLInputElement).value).toBe('网格长');
  });

  it.each<[string, Me]>([
    ['a resident', meFixture()],
    ['a grid chief', chiefMe()],
  ])('tells %s only community and street staff invite, and never asks for places', async (_, me) => {
    open(me);
    expect(await screen.findByText('只有社区或街道工作人员可以邀请工作人员')).toBeTruthy();
    expect(cloudCalls('staff')).toEqual([]);
  });
});
