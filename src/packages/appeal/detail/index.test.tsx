import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { chiefMe, detailFixture, meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, fileTicket, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import type { AppealDetail, Me } from '../../../../types/appeal';
import AppealDetailPage from './index';

function open(detail: AppealDetail, me: Me = meFixture(), more: Record<string, Handler> = {}) {
  programCloud({ 'appeal.detail': () => ok(detail), 'account.me': () => ok(me), ...more });
  __setRouterParams({ id: detail.id });
  return render(<AppealDetailPage />);
}

const ALL_BUTTONS = ['受理', '回复', '转办', '升级', '办结', '退回', '审核', '提交评价'];
const buttons = () => Array.from(document.querySelectorAll('button')).map((b) => b.textContent);
const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.textContent);

describe('诉求详情', () => {
  it('shows the appeal and its whole timeline: what, who, when (Asia/Shanghai), text and detail', async () => {
    open(detailFixture());
    expect(await screen.findByText('3 号楼 2 单元楼道里堆满了杂物，影响通行，也有火灾隐患。')).toBeTruthy();
    expect(screen.getByText('GS202611240001')).toBeTruthy();
    expect(screen.getAllByText('待受理').length).toBeGreaterThan(0);
    expect(screen.getByText('府前小区 3 号楼')).toBeTruthy();

    const items = Array.from(document.querySelectorAll('.timeline__item')).map((e) => e.textContent);
    expect(items).toHaveLength(4);
    expect(items[0]).toBe('提交诉求2026-11-24 10:00您');
    expect(items[1]).toBe('受理2026-11-24 10:30张桂兰（网格长）');
    expect(items[2]).toBe('回复2026-11-24 11:05张桂兰（网格长）已联系物业，今天下午清理。');
    expect(items[3]).toBe('升级2026-11-25 00:10系统升级至社区超时未办结，自动升级'); // 16:10Z is past midnight in Zoucheng
    await act(async () => undefined);

    fireEvent.click(document.querySelectorAll('.timeline__item img')[0]);
    expect(Taro.previewImage).toHaveBeenCalledWith({
      current: 'cloud://test-env.7465-test-env-1300000000/appeals/202611/b.jpg',
      urls: ['cloud://test-env.7465-test-env-1300000000/appeals/202611/b.jpg'],
    });
  });

  it.each([
    [[], []],
    [['accept', 'sendBack'], ['受理', '退回']],
    [['reply', 'resolve', 'transfer', 'escalate'], ['回复', '办结', '转办', '升级']],
    [['moderate'], ['审核']],
    [['rate'], ['提交评价']],
  ] as const)('with can=%j shows only %j', async (can, shown) => {
    open(detailFixture({ can: [...can] }), can.length && can[0] !== 'rate' ? chiefMe() : meFixture());
    await screen.findByText('办理进度');
    await act(async () => undefined);
    const present = buttons().filter((b) => ALL_BUTTONS.includes(b ?? ''));
    expect(present.sort()).toEqual([...shown].sort());
  });

  it('shows the three clocks of an appeal, and none while it is held (its clocks start when released)', async () => {
    const { unmount } = open(detailFixture());
    await screen.findByText('办理时限');
    expect(texts('.kv__label').filter((l) => l!.endsWith('时限'))).toEqual(['受理时限', '到场时限', '办结时限']);
    expect(screen.getByText('2026-11-24 12:00')).toBeTruthy();
    unmount();

    open(detailFixture({ status: 'held', statusLabel: '审核中', deadlines: null, clock: null }));
    await screen.findByText('办理进度');
    expect(screen.queryByText('办理时限')).toBeNull();
    expect(texts('.kv__label').filter((l) => l!.endsWith('时限'))).toEqual([]);
  });

  it('says the promise in one line, plainly marked once it is late, and none when no clock runs', async () => {
    const promise = () => Array.from(document.querySelectorAll('.appeal-promise')).map((e) => [e.textContent, e.classList.contains('appeal-promise--late')]);
    const { unmount } = open(detailFixture({ status: 'accepted', statusLabel: '办理中', promise: '今天 20:00 前有人上门' }));
    await screen.findByText('办理进度');
    expect(promise()).toEqual([['今天 20:00 前有人上门', false]]);
    unmount();

    const late = open(detailFixture({ level: 'community', overdue: true, missed: ['acceptBy'], promise: '已超时 2 小时，已升级至社区' }));
    await screen.findByText('办理进度');
    expect(promise()).toEqual([['已超时 2 小时，已升级至社区', true]]);
    late.unmount();

    open(detailFixture({ status: 'resolved', statusLabel: '待评价', clock: null, promise: null }));
    await screen.findByText('办理进度');
    expect(promise()).toEqual([]);
  });

  it('shows staff the resident’s phone and calls the resident “居民”', async () => {
    open(detailFixture({ contactPhone: '13812345678', can: ['accept'] }), chiefMe());
    expect(await screen.findByText('13812345678')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.timeline__item')!.textContent).toContain('居民'));
  });

  it('explains that 1–2 stars send it back, and re-renders with what appeal.rate answers', async () => {
    const reopened = detailFixture({
      status: 'accepted',
      statusLabel: '办理中',
      reopenCount: 1,
      rating: { score: 2, comment: '没有清理干净', at: '2026-11-25T01:00:00.000Z' },
      can: [],
    });
    open(detailFixture({ status: 'resolved', statusLabel: '待评价', can: ['rate'] }), meFixture(), { 'appeal.rate': () => ok(reopened) });
    await screen.findByText('提交评价');
    expect(screen.queryByText(/1–2 星将重办/)).toBeNull();

    fireEvent.click(screen.getByLabelText('4 星'));
    expect(screen.queryByText(/1–2 星将重办/)).toBeNull();
    fireEvent.click(screen.getByLabelText('2 星'));
    expect(screen.getByText(/1–2 星将重办/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('1 星'));
    expect(screen.getByText(/1–2 星将重办/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('2 星'));

    fireEvent.change(document.querySelector('.rating-form textarea')!, { target: { value: '  没有清理干净 ' } });
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('办理中')).toBeTruthy();
    expect(document.querySelector('.rating-form')).toBeNull();
    expect(cloudCalls('appeal.rate').map((c) => c.data)).toEqual([{ action: 'rate', id: 'ap-1', score: 2, comment: '没有清理干净' }]);
    expect(screen.getByText('没有清理干净', { selector: '.rating-comment' })).toBeTruthy();
    expect(screen.getByText('★★☆☆☆')).toBeTruthy();
  });

  it('works an action through its sheet and shows the appeal as the cloud answers it', async () => {
    const after = detailFixture({
      status: 'accepted',
      statusLabel: '办理中',
      can: ['resolve'],
      timeline: [...detailFixture().timeline, {
        type: 'replied', at: '2026-11-24T05:00:00.000Z', actor: { kind: 'staff', staffId: 's', name: '张桂兰', title: '网格长' },
        text: '明早八点到现场', photos: [], detail: null,
      }],
    });
    open(detailFixture({ can: ['reply', 'resolve'] }), chiefMe(), { 'appeal.reply': () => ok(after) });
    fireEvent.click(await screen.findByRole('button', { name: '回复' }));
    expect(screen.getByText('只有在现场扫网格标牌「到场签到」才计入考核的当日到场率', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByText('发送回复'));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请填写回复内容', icon: 'none' });
    expect(cloudCalls('appeal.reply')).toEqual([]);

    fireEvent.change(document.querySelector('.sheet textarea')!, { target: { value: '明早八点到现场' } });
    fireEvent.click(screen.getByText('发送回复'));
    await waitFor(() => expect(document.querySelector('.sheet')).toBeNull());
    expect(cloudCalls('appeal.reply').map((c) => c.data)).toEqual([{ action: 'reply', id: 'ap-1', text: '明早八点到现场', photos: [], onSite: false }]);
    expect(screen.getByText('明早八点到现场', { selector: '.timeline__text' })).toBeTruthy();
    expect(screen.getByText('办理中')).toBeTruthy();
    expect(buttons()).toEqual(['办结']);
  });

  it('cannot send a reply while its photo is still uploading, and sends it with the photo once it is in', async () => {
    let finish: (v: { fileID: string; statusCode: number; errMsg: string }) => void = () => undefined;
    (Taro.cloud.uploadFile as unknown as jest.Mock).mockImplementationOnce((o: { cloudPath: string }) => new Promise((resolve) => {
      finish = () => resolve({ fileID: `cloud://test-env.7465-test-env-1300000000/${o.cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    }));
    (Taro.chooseMedia as unknown as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/ladder.jpg' }] });
    open(detailFixture({ can: ['reply'] }), chiefMe(), { 'appeal.reply': () => ok(detailFixture({ can: [] })), 'file.ticket': fileTicket });
    fireEvent.click(await screen.findByRole('button', { name: '回复' }));
    fireEvent.change(document.querySelector('.sheet textarea')!, { target: { value: '明早八点到现场' } });
    fireEvent.click(document.querySelector('.sheet .photo-picker__add')!);
    await screen.findByText('上传中…');
    fireEvent.click(screen.getByText('请稍候'));
    expect(cloudCalls('appeal.reply')).toEqual([]);

    await act(async () => finish({ fileID: '', statusCode: 200, errMsg: '' }));
    await waitFor(() => expect(document.querySelector('.sheet .photo-picker__tile img')).not.toBeNull());
    fireEvent.click(screen.getByText('发送回复'));
    await waitFor(() => expect(cloudCalls('appeal.reply')).toHaveLength(1));
    expect(cloudCalls('appeal.reply')[0].data).toMatchObject({ text: '明早八点到现场', photos: [expect.stringMatching(/work/)] });
  });

  it('transfers to a grid code typed full-width in lower case', async () => {
    open(detailFixture({ can: ['transfer'] }), chiefMe(), { 'appeal.transfer': () => ok(detailFixture({ can: [] })) });
    fireEvent.click(await screen.findByRole('button', { name: '转办' }));
    fireEvent.change(screen.getByPlaceholderText('如 GS-0102'), { target: { value: 'ｇｓ－０１０２' } });
    fireEvent.change(document.querySelector('.sheet textarea')!, { target: { value: '属于第二网格' } });
    fireEvent.click(screen.getByText('确认转办'));
    await waitFor(() => expect(cloudCalls('appeal.transfer')).toHaveLength(1));
    expect(cloudCalls('appeal.transfer')[0].data).toEqual({ action: 'transfer', id: 'ap-1', toGridCode: 'GS-0102', reason: '属于第二网格' });
  });

  it('keeps the sheet open and shows the message when an action fails', async () => {
    open(detailFixture({ can: ['transfer'] }), chiefMe(), {
      'appeal.transfer': () => ({ ok: false, code: 'NOT_FOUND', message: '没有找到网格 GS-0999' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '转办' }));
    fireEvent.change(screen.getByPlaceholderText('如 GS-0102'), { target: { value: 'gs-0999' } });
    fireEvent.change(document.querySelector('.sheet textarea')!, { target: { value: '不属于本网格' } });
    fireEvent.click(screen.getByText('确认转办'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '没有找到网格 GS-0999', icon: 'none' }));
    expect(cloudCalls('appeal.transfer')[0].data).toEqual({ action: 'transfer', id: 'ap-1', toGridCode: 'GS-0999', reason: '不属于本网格' });
    expect(document.querySelector('.sheet')).not.toBeNull();
  });

  it.each([
    ['the grid’s chief, while it is open', true, chiefMe(), 'accepted'],
    ['the grid’s chief, once it is resolved', false, chiefMe(), 'resolved'],
    ['a chief of another grid', false, chiefMe({ grids: [{ code: 'GS-0102', name: '府前社区第二网格' }] }), 'accepted'],
    ['community staff', false, chiefMe({ role: 'community', grids: [] }), 'accepted'],
    ['the resident', false, meFixture(), 'submitted'],
  ] as const)('到场签到 offered to %s: %s', async (_, shown, me, status) => {
    open(detailFixture({ status, can: [] }), me);
    await screen.findByText('办理进度');
    await act(async () => undefined); // account.me
    expect(!!screen.queryByText('到场签到')).toBe(shown);
    if (!shown) return;
    fireEvent.click(screen.getByText('到场签到'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/presence/checkin/index?appealId=${detailFixture().id}` });
  });
});
