import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams, useShareAppMessage } from '../../../tests/jest/taro'; // the same module @tarojs/taro maps to
import type { Envelope } from '../../../types/envelope';
import type { GridPage as GridPageData } from '../../../types/grid';
import type { GroupBindingState } from '../../../types/groupChat';
import { gridPageFixture } from '../../../tests/jest/fixtures';
import { chiefMe, meFixture } from '../../../tests/jest/appealFixtures';
import { RECENT_GRIDS_KEY } from '../../services/recentGrids';
import GridPage from './index';

type Handler = (data: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>;
const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;

/** The cloud as the page sees it: one handler per function.action; every call recorded. */
function cloud(handlers: Record<string, Handler>) {
  callFunction.mockImplementation(async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
    const all: Record<string, Handler> = { 'account.me': () => ({ ok: true, data: meFixture() }), ...handlers };
    const handler = all[`${name}.${String(data.action)}`];
    if (!handler) throw new Error(`unexpected call ${name}.${String(data.action)}`);
    return { result: await handler(data), errMsg: 'cloud.callFunction:ok' };
  });
}
/** The grid function's calls (the page also asks account.me who the visitor is, for its links). */
const calls = () =>
  callFunction.mock.calls.map(([o]) => o as { name: string; data: Record<string, unknown> }).filter((c) => c.name === 'grid');

const FULL_PHONE = '13812345678';

function resolvesTo(page: GridPageData) {
  cloud({
    'grid.resolve': () => ({ ok: true, data: page }),
    'grid.callStaff': () => ({ ok: true, data: { name: '张桂兰', phone: FULL_PHONE } }),
  });
}

describe('the grid page', () => {
  it('shows the grid, its chief with a masked phone, workers, station and notices', async () => {
    resolvesTo(gridPageFixture());
    __setRouterParams({ scene: 'g%3DGS-0101' });
    render(<GridPage />);

    expect(await screen.findByText('张桂兰')).toBeTruthy();
    expect(calls()).toEqual([{ name: 'grid', data: { action: 'resolve', code: 'GS-0101' } }]);
    expect(screen.getByText('府前社区第一网格')).toBeTruthy();
    expect(screen.getByText('网格码 GS-0101')).toBeTruthy();
    expect(screen.getByText('城镇社区网格')).toBeTruthy();
    expect(screen.getByText('钢山街道 · 府前社区')).toBeTruthy();
    expect(screen.getByText('“管得宽”')).toBeTruthy();
    expect(screen.getByText('网格长')).toBeTruthy();
    expect(screen.getByText('138****5678')).toBeTruthy();
    expect(screen.getByText('李明')).toBeTruthy();
    expect(screen.getAllByText('网格员')).toHaveLength(2);
    expect(screen.getByText('专职网格员')).toBeTruthy();
    expect(screen.getByText('府前社区党群服务站')).toBeTruthy();
    expect(screen.getByText('钢山街道府前路 18 号')).toBeTruthy();
    expect(screen.getByText('周一至周日 8:30–17:30')).toBeTruthy();
    expect(screen.getByText('本周六上午开展楼道杂物清理')).toBeTruthy();
    expect(screen.getByText('近90天服务记录')).toBeTruthy();
    expect(screen.getByText('92%')).toBeTruthy();
    expect(screen.getByText('置顶')).toBeTruthy();
    // 17:30Z on the 18th is the 19th in Zoucheng
    expect(screen.getByText('2026-11-19')).toBeTruthy();
    expect(screen.getByText('我要反映')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/1\d{10}/);
  });

  it('shows an initial where a worker has no photo', async () => {
    resolvesTo(gridPageFixture());
    __setRouterParams({ code: 'GS-0101' });
    const { container } = render(<GridPage />);
    await screen.findByText('张桂兰');
    expect(screen.getByText('张')).toBeTruthy();
    expect(container.querySelector('img[src="https://img.example.cn/wf.jpg"]')).not.toBeNull();
  });

  it('fetches the real number only on 拨打, then dials it without ever rendering it', async () => {
    resolvesTo(gridPageFixture());
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    await screen.findByText('张桂兰');

    fireEvent.click(screen.getAllByText('拨打')[0]);
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: FULL_PHONE }));
    expect(calls()[1]).toEqual({ name: 'grid', data: { action: 'callStaff', code: 'GS-0101', staffId: 'st-chief-0101' } });
    expect(document.body.textContent).not.toContain(FULL_PHONE);
  });

  it('says why when the number cannot be had, and does not dial', async () => {
    cloud({
      'grid.resolve': () => ({ ok: true, data: gridPageFixture() }),
      'grid.callStaff': () => ({ ok: false, code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' }),
    });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    await screen.findByText('张桂兰');
    fireEvent.click(screen.getAllByText('拨打')[1]);
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '操作太频繁，请稍后再试', icon: 'none' }));
    expect(Taro.makePhoneCall).not.toHaveBeenCalled();
  });

  it('says 暂无通知 when the grid has none, and copes without chief or station', async () => {
    resolvesTo(gridPageFixture({ notices: [], chief: null, workers: [], station: null }));
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    expect(await screen.findByText('暂无通知')).toBeTruthy();
    expect(screen.queryByText('网格长')).toBeNull();
    expect(screen.getByText('本网格的工作人员正在配备中')).toBeTruthy();
  });

  it('shows a skeleton while loading, then remembers the grid, most recent first', async () => {
    Taro.setStorageSync(RECENT_GRIDS_KEY, [{ code: 'QQ-0203', name: '泉城社区第三网格' }]);
    let answer!: (e: Envelope<GridPageData>) => void;
    cloud({ 'grid.resolve': () => new Promise((r) => (answer = r)) });
    __setRouterParams({ q: encodeURIComponent('https://grid.example.cn/g/GS-0101') });
    const { container } = render(<GridPage />);

    expect(container.querySelector('.skeleton')).not.toBeNull();
    await waitFor(() => expect(answer).toBeDefined());
    await act(async () => answer({ ok: true, data: gridPageFixture() }));
    await screen.findByText('张桂兰');
    expect(container.querySelector('.skeleton')).toBeNull();
    expect(Taro.getStorageSync(RECENT_GRIDS_KEY)).toEqual([
      { code: 'GS-0101', name: '府前社区第一网格' },
      { code: 'QQ-0203', name: '泉城社区第三网格' },
    ]);
  });

  it('keeps at most 10 remembered grids', async () => {
    Taro.setStorageSync(
      RECENT_GRIDS_KEY,
      Array.from({ length: 10 }, (_, i) => ({ code: `QQ-02${String(i).padStart(2, '0')}`, name: `网格${i}` })),
    );
    resolvesTo(gridPageFixture());
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    await screen.findByText('张桂兰');
    const stored = Taro.getStorageSync(RECENT_GRIDS_KEY) as { code: string }[];
    expect(stored).toHaveLength(10);
    expect(stored[0].code).toBe('GS-0101');
    expect(stored.map((g) => g.code)).not.toContain('QQ-0209');
  });

  it('names an unknown code and offers the search and the remembered grids', async () => {
    Taro.setStorageSync(RECENT_GRIDS_KEY, [{ code: 'QQ-0203', name: '泉城社区第三网格' }]);
    cloud({
      'grid.resolve': () => ({ ok: false, code: 'NOT_FOUND', message: '没有找到网格码 GS-9999 对应的网格' }),
      'grid.successor': () => ({ ok: true, data: null }),
    });
    __setRouterParams({ scene: 'g%3DGS-9999' });
    render(<GridPage />);

    expect(await screen.findByText('没有找到网格码 GS-9999 对应的网格')).toBeTruthy();
    fireEvent.click(screen.getByText('按名称查找网格'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/search/index' });
    fireEvent.click(screen.getByText('泉城社区第三网格'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/grid/index?code=QQ-0203' });
    expect(Taro.getStorageSync(RECENT_GRIDS_KEY)).toEqual([{ code: 'QQ-0203', name: '泉城社区第三网格' }]);
  });

  it.each([
    ['a malformed scene', { scene: 'g%3DGS-01%E0%A4%A' }, '二维码内容无法识别'],
    ['a scene without g', { scene: 'x%3D1' }, '二维码内容无法识别'],
    ['a q that is not a grid link', { q: encodeURIComponent('https://evil.example/x') }, '二维码内容无法识别'],
    ['no code at all', {}, '请扫描网格公示牌上的二维码'],
  ])('never calls the cloud for %s', async (_, params, message) => {
    __setRouterParams(params);
    render(<GridPage />);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText('按名称查找网格')).toBeTruthy();
    expect(callFunction).not.toHaveBeenCalled();
  });

  it('offers a retry when the network is down', async () => {
    let up = false;
    callFunction.mockImplementation(async ({ name }: { name: string }) => {
      if (name === 'account') return { result: { ok: true, data: meFixture() }, errMsg: 'ok' };
      if (!up) throw new Error('request:fail timeout');
      return { result: { ok: true, data: gridPageFixture() }, errMsg: 'ok' };
    });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    expect(await screen.findByText('网络不通，请稍后重试')).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('张桂兰')).toBeTruthy();
  });

  it('opens the appeal form for this grid from 我要反映, and lists 我的诉求 for a resident', async () => {
    resolvesTo(gridPageFixture());
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    await screen.findByText('张桂兰');
    fireEvent.click(screen.getByText('我要反映'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/new/index?code=GS-0101' });
    fireEvent.click(screen.getByText('我的诉求'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appeal/mine/index' });
    await act(async () => undefined);
    expect(screen.queryByText('诉求工作台')).toBeNull();
  });

  it('links staff to 诉求工作台', async () => {
    cloud({ 'grid.resolve': () => ({ ok: true, data: gridPageFixture() }), 'account.me': () => ({ ok: true, data: chiefMe() }) });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    fireEvent.click(await screen.findByText('诉求工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/inbox/index' });
  });

  it.each([
    ['this grid’s chief', chiefMe(), true],
    ['a chief of another grid', chiefMe({ grids: [{ code: 'GS-0102', name: '府前社区第二网格' }] }), false],
    ['community staff', chiefMe({ role: 'community', grids: [] }), false],
  ])('offers 扫码签到, 上报问题 and 问题台账 of this grid to %s', async (_, me, shown) => {
    cloud({ 'grid.resolve': () => ({ ok: true, data: gridPageFixture() }), 'account.me': () => ({ ok: true, data: me }) });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    await screen.findByText('诉求工作台'); // the page knows who the visitor is
    expect(!!screen.queryByText('扫码签到')).toBe(shown);
    expect(!!screen.queryByText('上报问题')).toBe(shown);
    expect(!!screen.queryByText('问题台账')).toBe(shown);
    if (!shown) return;
    fireEvent.click(screen.getByText('扫码签到'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/presence/checkin/index?code=GS-0101' });
    fireEvent.click(screen.getByText('上报问题'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/ledger/report/index?code=GS-0101' });
    fireEvent.click(screen.getByText('问题台账'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/ledger/list/index?code=GS-0101' });
  });
});

describe('the grid page’s notices', () => {
  it('open their detail; 全部通知 opens the grid’s list; residents see no 发布通知', async () => {
    resolvesTo(gridPageFixture());
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    fireEvent.click(await screen.findByText('冬季燃气安全入户检查通知'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice/detail/index?id=n2' });
    fireEvent.click(screen.getByText('全部通知 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/list/index?code=GS-0101' });
    await act(async () => undefined);
    expect(screen.queryByText('发布通知')).toBeNull();
  });

  it('offer staff 发布通知 for this grid', async () => {
    cloud({ 'grid.resolve': () => ({ ok: true, data: gridPageFixture() }), 'account.me': () => ({ ok: true, data: chiefMe() }) });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    fireEvent.click(await screen.findByText('发布通知'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice/publish/index?code=GS-0101' });
  });
});

describe('a retired grid', () => {
  it('names where it was merged and offers 前往 the successor', async () => {
    cloud({
      'grid.resolve': () => ({ ok: false, code: 'NOT_FOUND', message: '网格 GS-0202 已并入 GS-0201（平阳社区第一网格）' }),
      'grid.successor': () => ({ ok: true, data: { code: 'GS-0201', name: '平阳社区第一网格' } }),
    });
    __setRouterParams({ code: 'GS-0202' });
    render(<GridPage />);
    expect(await screen.findByText('网格 GS-0202 已并入 GS-0201（平阳社区第一网格）')).toBeTruthy();
    fireEvent.click(await screen.findByText('前往 平阳社区第一网格'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/grid/index?code=GS-0201' });
    expect(calls().map((c) => c.data)).toEqual([
      { action: 'resolve', code: 'GS-0202' },
      { action: 'successor', code: 'GS-0202' },
    ]);
  });

  it('a simply retired grid says so and offers only the search', async () => {
    cloud({
      'grid.resolve': () => ({ ok: false, code: 'NOT_FOUND', message: '网格 GS-0203 已撤销' }),
      'grid.successor': () => ({ ok: true, data: null }),
    });
    __setRouterParams({ code: 'GS-0203' });
    render(<GridPage />);
    expect(await screen.findByText('网格 GS-0203 已撤销')).toBeTruthy();
    await waitFor(() => expect(calls()).toHaveLength(2));
    expect(screen.queryByText(/^前往/)).toBeNull();
    expect(screen.getByText('按名称查找网格')).toBeTruthy();
  });
});

describe('the grid page’s 网格群', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
  });
  const QR = 'cloud://test-env.7465-test-env-1300000000/appeals/202611/group.jpg';

  it('shows a QR residents long-press to join, with its last valid day', async () => {
    // expires at the start of 11-27 in Zoucheng: valid through 11-26
    resolvesTo(gridPageFixture({ groupChat: { kind: 'qr', image: QR, expiresAt: '2026-11-26T16:00:00.000Z' } }));
    __setRouterParams({ code: 'GS-0101' });
    const { container } = render(<GridPage />);
    expect(await screen.findByText('长按识别二维码加入网格群（有效期至 11-26）')).toBeTruthy();
    const img = container.querySelector('img[data-show-menu-by-longpress="true"]');
    expect(img).not.toBeNull();
    expect(img!.getAttribute('src')).toBe(QR); // weapp shows cloud:// ids itself
    expect(screen.queryByText('设置网格群')).toBeNull();
  });

  it('in WeChat, 加入企业微信群 copies the link and says how to open it', async () => {
    process.env.TARO_ENV = 'weapp';
    const url = 'https://work.weixin.qq.com/gm/3f5c0a1b';
    resolvesTo(gridPageFixture({ groupChat: { kind: 'wecom', url } }));
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    fireEvent.click(await screen.findByText('加入企业微信群'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '链接已复制，请在微信中打开', icon: 'none' }));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: url });
  });

  it('in the browser, 加入企业微信群 opens the link', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    const url = 'https://work.weixin.qq.com/gm/3f5c0a1b';
    resolvesTo(gridPageFixture({ groupChat: { kind: 'wecom', url } }));
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    const join = await screen.findByText('加入企业微信群');
    process.env.TARO_ENV = 'h5'; // only now: in H5 the page would reach the cloud by fetch
    fireEvent.click(join);
    expect(open).toHaveBeenCalledWith(url, '_blank', 'noopener');
    expect(Taro.setClipboardData).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it('shows no 网格群 card to a resident when the grid has none', async () => {
    resolvesTo(gridPageFixture());
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    await screen.findByText('张桂兰');
    expect(screen.queryByText('网格群')).toBeNull();
  });

  it('lets the grid’s staff paste a WeCom link in 设置网格群, then shows it', async () => {
    const url = 'https://work.weixin.qq.com/gm/new-link';
    let page = gridPageFixture({ canSetGroupChat: true });
    cloud({
      'grid.resolve': () => ({ ok: true, data: page }),
      'grid.setGroupChat': (data) => {
        page = { ...page, groupChat: { kind: 'wecom', url: String(data.url) } };
        return { ok: true, data: page.groupChat };
      },
    });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    expect(await screen.findByText('本网格还没有设置网格群')).toBeTruthy();
    fireEvent.click(screen.getByText('设置网格群'));
    fireEvent.click(screen.getByText('企业微信群链接'));
    fireEvent.change(screen.getByPlaceholderText('https://work.weixin.qq.com/…'), { target: { value: ` ${url} ` } });
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('加入企业微信群')).toBeTruthy();
    expect(calls().find((c) => c.data.action === 'setGroupChat')!.data).toEqual({ action: 'setGroupChat', code: 'GS-0101', kind: 'wecom', url });
  });

  it('refuses to save a QR before one is uploaded, and says what the cloud refused', async () => {
    cloud({
      'grid.resolve': () => ({ ok: true, data: gridPageFixture({ canSetGroupChat: true }) }),
      'grid.setGroupChat': () => ({ ok: false, code: 'INVALID_INPUT', message: '请填写以 https:// 开头的企业微信群链接' }),
    });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    fireEvent.click(await screen.findByText('设置网格群'));
    fireEvent.click(screen.getByText('保存'));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请先上传群二维码', icon: 'none' });
    expect(calls().some((c) => c.data.action === 'setGroupChat')).toBe(false);

    fireEvent.click(screen.getByText('企业微信群链接'));
    fireEvent.change(screen.getByPlaceholderText('https://work.weixin.qq.com/…'), { target: { value: 'http://x.cn' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '请填写以 https:// 开头的企业微信群链接', icon: 'none' }));
    expect(screen.getByText('保存')).toBeTruthy(); // the sheet stays open
  });
});

describe('the grid’s WeChat group, bound from a share card', () => {
  const state = (over: Partial<GroupBindingState> = {}): GroupBindingState => ({ binding: null, proposals: [], ...over });
  const waiting = { id: 'a1b2c3d4e5f60718', proposedAt: '2026-11-24T01:30:00.000Z' };

  it('is shared as a card naming the grid, with the share ticket in WeChat', async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    resolvesTo(gridPageFixture());
    __setRouterParams({ scene: 'g%3DGS-0101' });
    render(<GridPage />);
    await screen.findByText('张桂兰');
    const share = useShareAppMessage.mock.calls[useShareAppMessage.mock.calls.length - 1][0];
    expect(share()).toEqual({ title: '府前社区第一网格 · 网格通', path: '/pages/grid/index?code=GS-0101' });
    expect(Taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: true });
    process.env.TARO_ENV = env;
  });

  it('asks the grid’s staff about a group residents opened it from; 确认绑定 binds it', async () => {
    cloud({
      'grid.resolve': () => ({ ok: true, data: gridPageFixture({ canSetGroupChat: true }) }),
      'grid.groupBinding': () => ({ ok: true, data: state({ proposals: [waiting] }) }),
      'grid.confirmGroup': () => ({ ok: true, data: state({ binding: { confirmedBy: '张桂兰', confirmedAt: '2026-11-24T02:00:00.000Z' } }) }),
    });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    expect(await screen.findByText('有居民从微信群打开了本网格，是否将该群设为本网格群？')).toBeTruthy();
    expect(screen.getByText('2026-11-24 09:30 首次有人从该群打开')).toBeTruthy();
    fireEvent.click(screen.getByText('确认绑定'));
    expect(await screen.findByText('本网格已绑定微信群')).toBeTruthy();
    expect(screen.getByText('张桂兰 于 2026-11-24 10:00 确认')).toBeTruthy();
    expect(screen.queryByText('确认绑定')).toBeNull();
    expect(calls().find((c) => c.data.action === 'confirmGroup')!.data).toEqual({ action: 'confirmGroup', code: 'GS-0101', proposalId: waiting.id });
  });

  it('忽略 drops the question; what the cloud refuses is said', async () => {
    cloud({
      'grid.resolve': () => ({ ok: true, data: gridPageFixture({ canSetGroupChat: true }) }),
      'grid.groupBinding': () => ({ ok: true, data: state({ proposals: [waiting] }) }),
      'grid.dismissGroup': () => ({ ok: false, code: 'NOT_FOUND', message: '没有待确认的入群请求：它可能已被处理，请刷新页面后再看' }),
    });
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    fireEvent.click(await screen.findByText('忽略'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '没有待确认的入群请求：它可能已被处理，请刷新页面后再看', icon: 'none' }));
    expect(calls().find((c) => c.data.action === 'dismissGroup')!.data).toEqual({ action: 'dismissGroup', code: 'GS-0101', proposalId: waiting.id });
  });

  it('a resident’s page never asks for the grid’s group binding', async () => {
    resolvesTo(gridPageFixture());
    __setRouterParams({ code: 'GS-0101' });
    render(<GridPage />);
    await screen.findByText('张桂兰');
    expect(calls().map((c) => c.data.action)).toEqual(['resolve']);
    expect(screen.queryByText('有居民从微信群打开了本网格，是否将该群设为本网格群？')).toBeNull();
  });
});

