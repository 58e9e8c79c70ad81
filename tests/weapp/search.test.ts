import { PAGES } from '../../types/routes';
import { answers, demoCloud, ok, people } from './cloud';
import { openPage } from './harness';

/**
 * 用我的位置查找 as WeChat runs it: the privacy consent first (wx.requirePrivacyAuthorize), then
 * getLocation in GCJ-02, then grid.locate with that position; a refused consent asks nothing more.
 */
const inside = { code: 'GS-0101', name: '府前社区第一网格', community: '府前社区', street: '钢山街道' };
const cloud = answers(demoCloud(people.resident), { grid: { locate: () => ok({ inside, nearby: [] }) } });

describe('the search page finds the grid where the resident stands', () => {
  it('asks the privacy consent, then the position in GCJ-02, then the grid at that point', async () => {
    const page = await openPage(PAGES.search, { cloud });
    await page.tap('用我的位置查找');
    await page.waitForText('府前社区第一网格');
    const order = page.wxCalls.map((c) => c.api).filter((api) => api === 'requirePrivacyAuthorize' || api === 'getLocation');
    expect(order).toEqual(['requirePrivacyAuthorize', 'getLocation']);
    expect(page.callsTo('getLocation')).toEqual([[expect.objectContaining({ type: 'gcj02' })]]);
    // The point getLocation answered (tests/weapp/wxApis.ts), sent as it came.
    expect(page.cloudCalls.filter((c) => c.name === 'grid')).toEqual([{ name: 'grid', data: { action: 'locate', latitude: 35.4053, longitude: 116.9659 } }]);
  });

  it('asks nothing more when the resident refuses the privacy consent, and says how to go on', async () => {
    const refused = () => {
      throw new Error('requirePrivacyAuthorize:fail privacy permission is not authorized');
    };
    const page = await openPage(PAGES.search, { cloud, wx: { requirePrivacyAuthorize: refused } });
    await page.tap('用我的位置查找');
    await page.waitForText('没有获得位置授权');
    expect(page.callsTo('getLocation')).toEqual([]);
    expect(page.cloudCalls.filter((c) => c.name === 'grid')).toEqual([]);
  });
});
