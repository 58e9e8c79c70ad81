import { PAGES } from '../../types/routes';
import { answers, demoCloud, people } from './cloud';
import { openPage, SET_DATA_LIMIT_BYTES, setDataFault, verifyOpenedPages } from './harness';

const gridPage = () => ({ query: { code: 'GS-0101' }, cloud: answers(demoCloud(people.resident)) });

describe('the harness fails a page, loudly', () => {
  it('when the page calls a wx API outside the list', async () => {
    // The grid page calls showShareMenu; left out of the list, it is what any unlisted API is.
    await openPage(PAGES.grid, { ...gridPage(), without: ['showShareMenu'] });
    await expect(verifyOpenedPages()).rejects.toThrow('pages/grid/index: called wx.showShareMenu, which is not in tests/weapp/wxApis.ts');
  });

  it('when the page calls a cloud function the test gave no answer for', async () => {
    await openPage(PAGES.grid, { query: { code: 'GS-0101' }, cloud: {} });
    await expect(verifyOpenedPages()).rejects.toThrow('called the cloud function grid.resolve, which this test has no stub for');
  });

  it('when an error goes uncaught', async () => {
    await openPage(PAGES.grid, gridPage());
    setTimeout(() => {
      throw new Error('定时器里出错');
    });
    await expect(verifyOpenedPages()).rejects.toThrow('uncaught: 定时器里出错');
  });

  it('when the page logs an error', async () => {
    await openPage(PAGES.grid, gridPage());
    console.error('渲染失败');
    await expect(verifyOpenedPages()).rejects.toThrow('console.error: 渲染失败');
  });
});

describe('a setData payload', () => {
  it.each([
    ['plain data', { 'root.cn': [{ sid: '_A', v: '网格', nn: '9', n: 1, on: true, none: null }] }, null],
    ['undefined', { 'root.cn': [{ v: undefined }] }, 'holds undefined at .root.cn[0].v'],
    ['a function', { handler: () => 1 }, 'holds function at .handler'],
    ['a Date', { at: new Date(0) }, 'holds a Date at .at'],
    ['NaN', { n: Number.NaN }, 'holds NaN at .n'],
    ['a Map', { m: new Map() }, 'holds a Map at .m'],
  ])('with %s', (_, data, fault) => {
    expect(setDataFault(data)).toBe(fault === null ? null : `${fault}, which a JSON round trip does not keep`);
  });

  it('with a cycle', () => {
    const data: Record<string, unknown> = {};
    data.self = data;
    expect(setDataFault(data)).toMatch(/^holds a cycle at \.self/);
  });

  it('over WeChat’s 1 MB, and not at it', () => {
    const at = 'x'.repeat(SET_DATA_LIMIT_BYTES - '{"v":""}'.length);
    expect(setDataFault({ v: at })).toBeNull();
    expect(setDataFault({ v: `${at}x` })).toBe(`is ${SET_DATA_LIMIT_BYTES + 1} bytes, over WeChat's 1 MB`);
  });
});
