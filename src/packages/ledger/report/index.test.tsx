import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { gridPageFixture } from '../../../../tests/jest/fixtures';
import { chiefMe, detailFixture, meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, fileTicket, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import type { Envelope } from '../../../../types/envelope';
import type { Me } from '../../../../types/appeal';
import ReportPage from './index';

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
});

function cloudWith(report: Handler, me: Me = chiefMe({ role: 'worker', name: '李明', title: '专职网格员' })) {
  programCloud({
    'grid.resolve': () => ok(gridPageFixture()),
    'account.me': () => ok(me),
    'appeal.report': report,
    'file.ticket': fileTicket,
  });
}

async function openForm() {
  __setRouterParams({ code: 'GS-0101' });
  const view = render(<ReportPage />);
  await screen.findByText('府前社区第一网格');
  return view;
}

const type = (c: HTMLElement, text: string) => fireEvent.change(c.querySelector('textarea')!, { target: { value: text } });
const CONTENT = '巡查发现 5 号楼东侧路灯不亮';

describe('上报问题', () => {
  it('asks a worker of the grid for the category, what they found, photos and place: no contact phone, no anonymity', async () => {
    cloudWith(() => ok(detailFixture()));
    await openForm();
    for (const name of ['环境卫生', '设施报修', '其他']) expect(screen.getByText(name)).toBeTruthy();
    expect(screen.getByText('上报内容')).toBeTruthy();
    expect(screen.getByText('0/9')).toBeTruthy();
    expect(screen.getByText('添加位置（选填）')).toBeTruthy();
    expect(screen.queryByText('匿名反映')).toBeNull();
    expect(screen.queryByPlaceholderText('选填，方便联系您')).toBeNull();
    expect(screen.getByText('由您受理，可自行办结，或升级至社区')).toBeTruthy();
  });

  it('asks for a category and enough words before sending anything', async () => {
    cloudWith(() => ok(detailFixture()));
    const { container } = await openForm();
    type(container, CONTENT);
    fireEvent.click(screen.getByText('上报', { selector: 'button' }));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择事项类别', icon: 'none' });
    fireEvent.click(screen.getByText('设施报修'));
    type(container, '灯坏');
    fireEvent.click(screen.getByText('上报', { selector: 'button' }));
    expect((Taro.showToast as unknown as jest.Mock).mock.calls.at(-1)![0].title).toMatch(/上报内容/);
    expect(cloudCalls('appeal')).toEqual([]);
  });

  it('retries a failed report with the same requestId, then opens the report', async () => {
    const replies: Array<Envelope<unknown>> = [{ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' }, ok(detailFixture({ id: 'rp-1', source: 'staff' }))];
    cloudWith(() => replies.shift()!);
    const { container } = await openForm();
    fireEvent.click(screen.getByText('设施报修'));
    type(container, CONTENT);
    fireEvent.click(screen.getByText('上报', { selector: 'button' }));
    expect(await screen.findByText('系统繁忙，请稍后再试', { selector: '.form-error' })).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('上报', { selector: 'button' }));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?id=rp-1' }));
    const sent = cloudCalls('appeal.report').map((c) => c.data);
    expect(sent[0]).toEqual({ action: 'report', gridCode: 'GS-0101', category: 'repair', content: CONTENT, photos: [], location: null, requestId: expect.any(String) });
    expect(sent[1]).toEqual(sent[0]);
  });

  it('in WeChat, uploads photos as the worker’s work photos and reports them', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.chooseMedia as unknown as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/lamp.jpg' }] });
    cloudWith(() => ok(detailFixture({ id: 'rp-2' })));
    const { container } = await openForm();
    await act(async () => undefined);
    fireEvent.click(screen.getByText('0/9'));
    await screen.findByText('1/9');
    expect(cloudCalls('file.ticket').map((c) => c.data)).toEqual([{ action: 'ticket', purpose: 'workPhoto', name: 'file.jpg' }]);
    const [path] = (Taro.cloud.uploadFile as unknown as jest.Mock).mock.calls.map(([o]) => o.cloudPath);
    expect(path).toMatch(/^work\/\d{6}\/ticket\d+\.jpg$/);

    fireEvent.click(screen.getByText('设施报修'));
    type(container, CONTENT);
    fireEvent.click(screen.getByText('上报', { selector: 'button' }));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(cloudCalls('appeal.report')[0].data.photos).toEqual([`cloud://test-env.7465-test-env-1300000000/${path}`]);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it.each([
    ['a chief of another grid', chiefMe({ grids: [{ code: 'GS-0102', name: '府前社区第二网格' }] })],
    ['community staff', chiefMe({ role: 'community', grids: [] })],
    ['a resident', meFixture()],
  ])('tells %s that only the grid’s own staff report here, and offers no form', async (_, me) => {
    cloudWith(() => ok(detailFixture()), me);
    __setRouterParams({ code: 'GS-0101' });
    render(<ReportPage />);
    expect(await screen.findByText('只有本网格的网格长和网格员可以上报问题')).toBeTruthy();
    expect(screen.queryByText('设施报修')).toBeNull();
  });
});
