import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { gridPageFixture } from '../../../../tests/jest/fixtures';
import { chiefMe, meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import { noticeFixture } from '../../../../tests/jest/noticeFixtures';
import type { Me } from '../../../../types/appeal';
import PublishNoticePage from './index';

function open(me: Me, publish: Handler = () => ok(noticeFixture({ id: 'n-new' }))) {
  programCloud({ 'grid.resolve': () => ok(gridPageFixture()), 'account.me': () => ok(me), 'notice.publish': publish });
  __setRouterParams({ code: 'GS-0101' });
  return render(<PublishNoticePage />);
}

const chips = () => Array.from(document.querySelectorAll('.chip')).map((c) => c.textContent);
const fill = (c: HTMLElement, title: string, body: string) => {
  fireEvent.change(c.querySelector('input:not([type])')!, { target: { value: title } });
  fireEvent.change(c.querySelector('textarea')!, { target: { value: body } });
};

describe('发布通知', () => {
  it.each<[Me['role'], string[]]>([
    ['chief', ['本网格']],
    ['worker', ['本网格']],
    ['community', ['本网格', '本社区全部网格']],
    ['street', ['本网格', '本社区全部网格', '本街道全部网格']],
  ])('offers a %s the scopes %j', async (role, shown) => {
    open(chiefMe({ role }));
    await screen.findByText('发送到：府前社区第一网格');
    expect(chips()).toEqual(shown);
  });

  it('tells a resident only staff publish', async () => {
    open(meFixture());
    expect(await screen.findByText('只有网格工作人员可以发布通知')).toBeTruthy();
  });

  it('counts title and body, refuses an over-long title without calling, then publishes to the chosen scope and opens it', async () => {
    const { container } = open(chiefMe({ role: 'street' }));
    await screen.findByText('发送到：府前社区第一网格');
    fill(container, '通'.repeat(41), '周六上午义诊');
    expect(screen.getByText('41/40').className).toContain('field__count--over');
    expect(screen.getByText('6/2000')).toBeTruthy();
    fireEvent.click(screen.getByText('发布'));
    await act(async () => undefined);
    expect(cloudCalls('notice.publish')).toEqual([]);
    expect(screen.getByText('标题不能超过 40 个字')).toBeTruthy();

    fill(container, '周末义诊', '本周六上午9点在党群服务站开展义诊');
    fireEvent.click(screen.getByText('本社区全部网格'));
    expect(screen.getByText('发送到：府前社区全体网格')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.click(screen.getByText('发布'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notice/detail/index?id=n-new' }));
    expect(cloudCalls('notice.publish')[0].data).toEqual({
      action: 'publish',
      scope: { kind: 'community', id: 'c-gs-fq' },
      title: '周末义诊',
      body: '本周六上午9点在党群服务站开展义诊',
      images: [],
      pinned: true,
      requestId: expect.stringMatching(/^[a-z0-9]+-[a-z0-9]{16}$/),
    });
  });

  it('shows what the cloud refused and stays on the form', async () => {
    const { container } = open(chiefMe(), () => ({ ok: false, code: 'CONTENT_RISKY', message: '内容含有不适宜发布的信息，请修改后再提交' }));
    await screen.findByText('发送到：府前社区第一网格');
    fill(container, '通知', '赌博');
    fireEvent.click(screen.getByText('发布'));
    expect(await screen.findByText('内容含有不适宜发布的信息，请修改后再提交')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
