import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouterParams } from '../../../../tests/jest/taro';
import { gridPageFixture } from '../../../../tests/jest/fixtures';
import { detailFixture, meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, fileTicket, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import type { Envelope } from '../../../../types/envelope';
import { draftKey } from '../../../services/appealDraft';
import NewAppealPage from './index';

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
});

function cloudWith(submit: Handler) {
  programCloud({
    'grid.resolve': () => ok(gridPageFixture()),
    'account.me': () => ok(meFixture()),
    'account.grantConsents': () => ok(meFixture({ consents: { appealNew: 0, appealProgress: 1, groupQrExpiry: 0 } })),
    'appeal.submit': submit,
    'file.ticket': fileTicket,
  });
}

async function openForm() {
  __setRouterParams({ code: 'GS-0101' });
  const view = render(<NewAppealPage />);
  await screen.findByText('府前社区第一网格');
  return view;
}

const textarea = (c: HTMLElement) => c.querySelector('textarea')!;
const type = (c: HTMLElement, text: string) => fireEvent.change(textarea(c), { target: { value: text } });
const CONTENT = '3 号楼楼道里堆满了杂物，影响通行。';

describe('the appeal form (反映问题)', () => {
  it('offers the grid’s categories and counts the description live', async () => {
    cloudWith(() => ok(detailFixture()));
    const { container } = await openForm();
    expect(cloudCalls('grid')).toEqual([{ name: 'grid', data: { action: 'resolve', code: 'GS-0101' } }]);
    for (const name of ['环境卫生', '设施报修', '其他']) expect(screen.getByText(name)).toBeTruthy();
    expect(screen.getByText('0/500')).toBeTruthy();
    type(container, '路灯坏了');
    expect(screen.getByText('4/500')).toBeTruthy();
    expect(screen.getByText('网格长看不到您的联系方式')).toBeTruthy();
  });

  it('says plainly, before anything is typed, that emergencies go to 110, 119 and 120', async () => {
    cloudWith(() => ok(detailFixture()));
    await openForm();
    const notice = document.querySelector('.emergency-notice')!;
    expect(notice.textContent).toContain('紧急情况请直接拨打电话');
    expect(notice.textContent).toMatch(/报警 110.*火警 119.*急救 120/);
    expect(notice.textContent).toContain('网上反映不能保证几分钟内有人处理');
    // above the form's first field
    expect(notice.compareDocumentPosition(screen.getByText('事项类别')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('refuses more than 500 characters without calling the cloud', async () => {
    cloudWith(() => ok(detailFixture()));
    const { container } = await openForm();
    fireEvent.click(screen.getByText('环境卫生'));
    type(container, '字'.repeat(501));
    expect(screen.getByText('501/500').className).toContain('field__count--over');
    fireEvent.click(screen.getByText('提交'));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '问题描述不能超过 500 个字', icon: 'none' });
    expect(cloudCalls('appeal')).toEqual([]);

    type(container, '字'.repeat(500));
    expect(screen.getByText('500/500').className).not.toContain('field__count--over');
  });

  it('asks for a category before sending anything', async () => {
    cloudWith(() => ok(detailFixture()));
    const { container } = await openForm();
    type(container, CONTENT);
    fireEvent.click(screen.getByText('提交'));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择事项类别', icon: 'none' });
    expect(cloudCalls('appeal')).toEqual([]);
  });

  it('keeps what was typed after a failed submit and retries with the same requestId', async () => {
    const replies: Array<Envelope<unknown>> = [
      { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
      ok(detailFixture({ id: 'ap-new' })),
    ];
    cloudWith(() => replies.shift()!);
    const { container } = await openForm();
    fireEvent.click(screen.getByText('设施报修'));
    type(container, CONTENT);
    fireEvent.click(screen.getByText('匿名反映').parentElement!.parentElement!.querySelector('input[type=checkbox]')!);
    fireEvent.click(screen.getByText('提交'));

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
    expect(textarea(container).value).toBe(CONTENT);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    const saved = Taro.getStorageSync(draftKey('GS-0101')) as { content: string; requestId: string; category: string };
    expect(saved).toMatchObject({ content: CONTENT, category: 'repair', anonymous: true });

    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?id=ap-new' }));

    const submits = cloudCalls('appeal.submit').map((c) => c.data);
    expect(submits).toHaveLength(2);
    expect(submits[0]).toEqual({
      action: 'submit',
      gridCode: 'GS-0101',
      category: 'repair',
      content: CONTENT,
      photos: [],
      location: null,
      contactPhone: null,
      anonymous: true,
      requestId: saved.requestId,
    });
    expect(submits[1].requestId).toBe(submits[0].requestId);
    expect(Taro.getStorageSync(draftKey('GS-0101'))).toBe(''); // success clears the draft
  });

  it('restores the draft, with its requestId, when the form is opened again', async () => {
    cloudWith(() => ({ ok: false, code: 'INTERNAL', message: '网络不通，请稍后重试' }));
    const first = await openForm();
    fireEvent.click(screen.getByText('环境卫生'));
    type(first.container, CONTENT);
    fireEvent.change(screen.getByPlaceholderText('选填，方便联系您'), { target: { value: '13812345678' } });
    fireEvent.click(screen.getByText('提交'));
    await screen.findAllByText('网络不通，请稍后重试');
    first.unmount();

    const second = await openForm();
    expect(textarea(second.container).value).toBe(CONTENT);
    expect((screen.getByPlaceholderText('选填，方便联系您') as HTMLInputElement).value).toBe('13812345678');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(cloudCalls('appeal.submit')).toHaveLength(2));
    const [a, b] = cloudCalls('appeal.submit').map((c) => c.data);
    expect(b.requestId).toBe(a.requestId);
    expect(b.contactPhone).toBe('13812345678');
  });

  it.each([
    ['full-width with +86 and spaces', '＋８６ １３９ ００００ ０００１', '13900000001'],
    ['grouped with full-width dashes', '１３９－００００－０００１', '13900000001'],
    ['a landline in full-width brackets', '（０５３７）１２３４５６７', '0537-1234567'],
  ])('sends a contact phone pasted %s as the number it is', async (_, pasted, phone) => {
    cloudWith(() => ok(detailFixture({ id: 'ap-7' })));
    const { container } = await openForm();
    fireEvent.click(screen.getByText('环境卫生'));
    type(container, CONTENT);
    fireEvent.change(screen.getByPlaceholderText('选填，方便联系您'), { target: { value: pasted } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(cloudCalls('appeal.submit')).toHaveLength(1));
    expect(cloudCalls('appeal.submit')[0].data.contactPhone).toBe(phone);
  });

  it('treats a phone field holding only invisible characters as empty', async () => {
    cloudWith(() => ok(detailFixture({ id: 'ap-6' })));
    const { container } = await openForm();
    fireEvent.click(screen.getByText('环境卫生'));
    type(container, CONTENT);
    fireEvent.change(screen.getByPlaceholderText('选填，方便联系您'), { target: { value: '\u200B\u3000' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(cloudCalls('appeal.submit')).toHaveLength(1));
    expect(cloudCalls('appeal.submit')[0].data.contactPhone).toBeNull();
  });

  it('in the browser, stores the position in GCJ-02, not the WGS-84 the browser gives (gcoord’s test pair)', async () => {
    process.env.TARO_ENV = 'h5';
    (Taro.getLocation as unknown as jest.Mock).mockResolvedValue({ latitude: 45, longitude: 123, errMsg: 'getLocation:ok' });
    cloudWith(() => ok(detailFixture({ id: 'ap-8' })));
    const { container } = await openForm();
    fireEvent.click(screen.getByText('环境卫生'));
    type(container, CONTENT);
    fireEvent.click(screen.getByText('添加位置（选填）'));
    await screen.findByText('当前位置');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(cloudCalls('appeal.submit')).toHaveLength(1));
    const { location } = cloudCalls('appeal.submit')[0].data as { location: { latitude: number; longitude: number } };
    expect(location.latitude).toBeCloseTo(45.00197815, 6);
    expect(location.longitude).toBeCloseTo(123.00607541, 6);
  });

  it('in WeChat, asks for the progress reminder first and submits even when refused', async () => {
    process.env.TARO_ENV = 'weapp';
    cloudWith(() => ok(detailFixture({ id: 'ap-9' })));
    const { container } = await openForm();
    await act(async () => undefined); // account.me answered
    fireEvent.click(screen.getByText('环境卫生'));
    type(container, CONTENT);
    fireEvent.click(screen.getByText('提交'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-appeal-progress'] });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?id=ap-9' }));
    expect(cloudCalls('account.grantConsents')).toEqual([]);
  });

  it('in WeChat, records an accepted reminder and uploads compressed photos to the paths their appeal-photo tickets gave', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.requestSubscribeMessage as unknown as jest.Mock).mockResolvedValueOnce({ 'tmpl-appeal-progress': 'accept', errMsg: 'ok' });
    (Taro.chooseMedia as unknown as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg' }, { tempFilePath: 'wxfile://tmp/b.png' }] });
    cloudWith(() => ok(detailFixture({ id: 'ap-10' })));
    const { container } = await openForm();
    await act(async () => undefined);
    fireEvent.click(screen.getByText('0/9'));
    await screen.findByText('2/9');
    expect(Taro.compressImage).toHaveBeenCalledTimes(2);
    const paths = (Taro.cloud.uploadFile as unknown as jest.Mock).mock.calls.map(([o]) => o.cloudPath);
    expect(cloudCalls('file.ticket').map((c) => c.data)).toEqual([
      { action: 'ticket', purpose: 'appealPhoto', name: 'file.jpg' },
      { action: 'ticket', purpose: 'appealPhoto', name: 'file.png' },
    ]);
    expect(paths).toEqual([expect.stringMatching(/^appeals\/\d{6}\/ticket\d+\.jpg$/), expect.stringMatching(/^appeals\/\d{6}\/ticket\d+\.png$/)]);

    fireEvent.click(screen.getByText('环境卫生'));
    type(container, CONTENT);
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(cloudCalls('account.grantConsents').map((c) => c.data)).toEqual([{ action: 'grantConsents', accepted: ['appealProgress'] }]);
    expect(cloudCalls('appeal.submit')[0].data.photos).toEqual(paths.map((p) => `cloud://test-env.7465-test-env-1300000000/${p}`));
  });
});
