import { PAGES } from '../../types/routes';
import { answers, demoCloud, ok, people } from './cloud';
import { openPage, openUrl } from './harness';

/** The grid page as a resident who scanned a grid's sign opens it in WeChat. */
const residentCloud = demoCloud(people.resident);

describe('the grid page, compiled for WeChat', () => {
  it('shows the demo grid, its code and its chief, from one grid.resolve for the scanned code', async () => {
    const page = await openPage(PAGES.grid, { query: { code: 'GS-0101' }, cloud: answers(residentCloud) });
    await page.waitForText('府前社区第一网格');
    expect(page.text()).toContain('网格码 GS-0101');
    expect(page.text()).toMatch(/张桂兰\s*网格长\s*138\*\*\*\*5678/);
    expect(page.cloudCalls.filter((c) => c.name === 'grid')).toEqual([{ name: 'grid', data: { action: 'resolve', code: 'GS-0101' } }]);
  });

  it('reads the code a mini-program code carries in its scene', async () => {
    const page = await openPage(PAGES.grid, { query: { scene: encodeURIComponent('g=gs-0101') }, cloud: answers(residentCloud) });
    await page.waitForText('府前社区第一网格');
    expect(page.cloudCalls.find((c) => c.name === 'grid')?.data).toEqual({ action: 'resolve', code: 'GS-0101' });
  });

  it('says an unknown code is unknown and offers the search, which a tap opens', async () => {
    const notFound = { ok: false as const, code: 'NOT_FOUND' as const, message: '没有找到网格码 GS-9999 对应的网格' };
    const cloud = answers(residentCloud, { grid: { resolve: () => notFound, successor: () => notFound } });
    const page = await openPage(PAGES.grid, { query: { code: 'GS-9999' }, cloud });
    await page.waitForText('没有找到网格码 GS-9999 对应的网格');
    expect(page.text()).toContain('您可以按名称查找所在的网格');
    await page.tap('按名称查找网格');
    expect(page.callsTo('navigateTo')).toEqual([[expect.objectContaining({ url: `/${PAGES.search}` })]]);
    const search = await openUrl((page.callsTo('navigateTo')[0][0] as { url: string }).url, { cloud });
    expect(search.text()).toContain('用我的位置查找');
  });

  it('on 拨打, asks grid.callStaff for the number and dials exactly what it returned', async () => {
    const cloud = answers(residentCloud, { grid: { callStaff: () => ok({ name: '张桂兰', phone: '13800005678' }) } });
    const page = await openPage(PAGES.grid, { query: { code: 'GS-0101' }, cloud });
    await page.tap('拨打'); // the chief's card comes first
    await page.waitFor(() => page.callsTo('makePhoneCall').length > 0, 'the dialer');
    expect(page.cloudCalls.filter((c) => c.data.action === 'callStaff')).toEqual([
      { name: 'grid', data: { action: 'callStaff', code: 'GS-0101', staffId: 'st-chief-0101' } },
    ]);
    expect(page.callsTo('makePhoneCall')).toEqual([[expect.objectContaining({ phoneNumber: '13800005678' })]]);
  });

  it('shares a card titled with the grid that opens this grid', async () => {
    const page = await openPage(PAGES.grid, { query: { code: 'GS-0101' }, cloud: answers(residentCloud) });
    await page.waitForText('府前社区第一网格');
    expect(page.callsTo('showShareMenu')).toEqual([[expect.objectContaining({ withShareTicket: true })]]);
    expect(page.instance.onShareAppMessage({ from: 'menu' })).toEqual({ title: '府前社区第一网格 · 网格通', path: `/${PAGES.grid}?code=GS-0101` });
  });
});
