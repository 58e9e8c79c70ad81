import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { chiefMe } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import { __setRouterParams } from '../../../../tests/jest/taro';
import type { Me } from '../../../../types/appeal';
import type { StaffPlaces, Team } from '../../../../types/staff';
import { communityPlaces, gridTeam, streetPlaces } from '../staff.fixtures';
import TeamPage from './index';

const communityMe = () => chiefMe({ role: 'community', name: '黄丽娟', title: '平阳社区党委书记', scope: '平阳社区' });

function open(me: Me, places: StaffPlaces, handlers: Record<string, Handler> = {}) {
  programCloud({ 'account.me': () => ok(me), 'staff.places': () => ok(places), 'staff.team': () => ok(gridTeam()), ...handlers });
  return render(<TeamPage />);
}

const names = () => Array.from(document.querySelectorAll('.team-member__name')).map((n) => n.textContent);
const unbindOf = (name: string) => screen.getByText(name).closest('.team-member')!.querySelector('button')!;

describe('网格人员', () => {
  it('lists a tapped grid’s chief and workers; 解绑 asks first, then unbinds and lists again', async () => {
    let team: Team = gridTeam();
    open(communityMe(), communityPlaces(), {
      'staff.team': () => ok(team),
      'staff.unbind': (data) => {
        team = { ...team, members: team.members.filter((m) => m.staffId !== data.staffId) };
        return ok({ staffId: data.staffId, role: data.role, unbound: true });
      },
    });
    fireEvent.click(await screen.findByText('第二网格'));
    expect(await screen.findByText('平阳社区第二网格 · 2 人')).toBeTruthy();
    expect(cloudCalls('staff.team').map((c) => c.data)).toEqual([{ action: 'team', kind: 'grid', gridCode: 'GS-0102' }]);
    expect(names()).toEqual(['邓海燕', '袁淑芬']);

    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(unbindOf('袁淑芬'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '解绑工作人员', content: '解绑后，袁淑芬将不再是平阳社区第二网格的网格员，也不再收到这里的诉求。' }));
    expect(cloudCalls('staff.unbind')).toEqual([]);

    fireEvent.click(unbindOf('袁淑芬'));
    await waitFor(() => expect(names()).toEqual(['邓海燕']));
    expect(cloudCalls('staff.unbind').map((c) => c.data)).toEqual([{ action: 'unbind', staffId: 'worker-GS-0102', role: 'worker', gridCode: 'GS-0102' }]);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已解绑袁淑芬', icon: 'none' });
  });

  it('shows a refused unbind and keeps the person listed', async () => {
    __setRouterParams({ gridCode: 'GS-0102' });
    open(communityMe(), communityPlaces(), { 'staff.unbind': () => ({ ok: false, code: 'NOT_FOUND', message: '该工作人员没有这个岗位' }) });
    await screen.findByText('袁淑芬');
    fireEvent.click(unbindOf('袁淑芬'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '该工作人员没有这个岗位', icon: 'none' }));
    expect(names()).toEqual(['邓海燕', '袁淑芬']);
  });

  it('street staff switch to a community’s own staff and unbind with the community as the seat', async () => {
    const staffTeam: Team = { kind: 'community', scope: '护驾山社区', members: [{ staffId: 'community-GS02', role: 'community', name: '王敏', title: '社区主任', phone: '13805370000' }] };
    open(chiefMe({ role: 'street' }), streetPlaces(), { 'staff.team': () => ok(staffTeam), 'staff.unbind': (d) => ok({ staffId: d.staffId, role: d.role, unbound: true }) });
    fireEvent.click(await screen.findByText('社区工作人员'));
    fireEvent.click(screen.getByText('护驾山社区'));
    expect(await screen.findByText('护驾山社区 · 1 人')).toBeTruthy();
    expect(cloudCalls('staff.team').at(-1)!.data).toEqual({ action: 'team', kind: 'community', communityId: 'GS02' });
    fireEvent.click(unbindOf('王敏'));
    await waitFor(() => expect(cloudCalls('staff.unbind')).toHaveLength(1));
    expect(cloudCalls('staff.unbind')[0].data).toEqual({ action: 'unbind', staffId: 'community-GS02', role: 'community', communityId: 'GS02' });

    fireEvent.click(screen.getByText('邀请工作人员'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/invite/index?role=community&communityId=GS02' });
  });

  it('tells grid staff it is for community and street staff', async () => {
    open(chiefMe(), communityPlaces());
    expect(await screen.findByText('只有社区或街道工作人员可以管理网格人员')).toBeTruthy();
    expect(cloudCalls('staff')).toEqual([]);
  });
});
