import { PAGES } from '../../types/routes';
import { detailFixture } from '../jest/appealFixtures';
import { answers, demoCloud, ok, people } from './cloud';
import { openPage, openUrl } from './harness';

const CONTENT = '3 号楼楼道里堆满了杂物，影响通行。';

describe('the appeal form (反映问题), compiled for WeChat', () => {
  it('offers the grid’s categories and submits the typed fields with a request id to appeal.submit', async () => {
    const cloud = answers(demoCloud(people.resident), { appeal: { submit: () => ok(detailFixture({ id: 'ap-new' })) } });
    const page = await openPage(PAGES.newAppeal, { query: { code: 'GS-0101' }, cloud });
    await page.waitForText('反映到');
    for (const name of ['环境卫生', '设施报修', '其他']) expect(page.text()).toContain(name);

    await page.tap('设施报修');
    await page.type(CONTENT); // the description, the form's textarea
    await page.waitForText(`${CONTENT.length}/500`);
    await page.type('138 1234 5678', 1); // 联系电话, the form's input
    await page.tap('提交');
    await page.waitFor(() => page.callsTo('redirectTo').length > 0, 'the way to the new appeal');

    // WeChat opens the subscribe dialog only inside the tap: asked before the submit went out.
    expect(page.callsTo('requestSubscribeMessage')).toEqual([[expect.objectContaining({ tmplIds: ['tmpl-appeal-progress'] })]]);
    const submits = page.cloudCalls.filter((c) => c.data.action === 'submit');
    expect(submits).toEqual([
      {
        name: 'appeal',
        data: {
          action: 'submit',
          gridCode: 'GS-0101',
          category: 'repair',
          content: CONTENT,
          photos: [],
          location: null,
          contactPhone: '13812345678',
          anonymous: false,
          requestId: expect.stringMatching(/^[0-9a-z]+-[0-9a-z]{16}$/),
        },
      },
    ]);
    expect(page.callsTo('redirectTo')).toEqual([[expect.objectContaining({ url: `/${PAGES.appealDetail}?id=ap-new` })]]);
  });
});

describe('the chief’s inbox (诉求工作台), compiled for WeChat', () => {
  it('lists the appeals in scope; a tap opens one, where 受理 accepts it', async () => {
    const submitted = detailFixture({ id: 'ap-1', can: ['accept', 'reply', 'transfer'] });
    const accepted = detailFixture({ id: 'ap-1', status: 'accepted', statusLabel: '办理中', can: ['reply', 'resolve'] });
    const cloud = answers(demoCloud(people.chief), {
      appeal: { detail: () => ok(submitted), accept: () => ok(accepted) },
    });
    const inbox = await openPage(PAGES.inbox, { cloud });
    await inbox.waitForText('第 1 条：楼道里堆满了杂物');
    expect(inbox.text()).toContain('张桂兰 · 网格长');
    expect(inbox.text()).toContain('第 2 条：楼道里堆满了杂物');
    expect(inbox.cloudCalls.filter((c) => c.name === 'appeal')).toEqual([{ name: 'appeal', data: { action: 'inbox' } }]);

    await inbox.tap('第 1 条：楼道里堆满了杂物');
    const [[{ url }]] = inbox.callsTo('navigateTo') as Array<[{ url: string }]>;
    expect(url).toBe(`/${PAGES.appealDetail}?id=ap-1`);

    const detail = await openUrl(url, { cloud });
    const stack = (globalThis as unknown as { getCurrentPages: () => Array<{ route: string }> }).getCurrentPages();
    expect(stack.map((p) => p.route)).toEqual([PAGES.inbox, PAGES.appealDetail]);
    await detail.tap('受理', { within: 'staff-actions__bar' });
    await detail.waitForText('办理中');
    expect(detail.cloudCalls.filter((c) => c.data.action === 'accept')).toEqual([{ name: 'appeal', data: { action: 'accept', id: 'ap-1' } }]);
    expect(detail.text()).toMatch(/回复\s*办结$/);
  });
});
