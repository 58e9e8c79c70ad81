import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { GridSearchHit } from '../../../types/grid';
import SearchPage from './index';

const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;
const hit: GridSearchHit = { code: 'GS-0101', name: '府前社区第一网格', community: '府前社区', street: '钢山街道' };

function search(keyword: string) {
  fireEvent.change(screen.getByPlaceholderText('输入网格、社区或街道名称'), { target: { value: keyword } });
  fireEvent.click(screen.getByText('搜索'));
}

describe('the search page', () => {
  it('finds grids by name and opens the one tapped', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: [hit] }, errMsg: 'ok' });
    render(<SearchPage />);
    search(' 府前 ');
    fireEvent.click(await screen.findByText('府前社区第一网格'));
    expect(callFunction).toHaveBeenCalledWith({ name: 'grid', data: { action: 'search', keyword: '府前' } });
    expect(screen.getByText('钢山街道 · 府前社区')).toBeTruthy();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/grid/index?code=GS-0101' });
  });

  it('says so when nothing matches', async () => {
    callFunction.mockResolvedValue({ result: { ok: true, data: [] }, errMsg: 'ok' });
    render(<SearchPage />);
    search('火星');
    expect(await screen.findByText('没有找到与“火星”相关的网格')).toBeTruthy();
  });

  it('asks for a keyword instead of calling with an empty one', async () => {
    render(<SearchPage />);
    search('   ');
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '请输入要查找的网格、社区或街道名称', icon: 'none' }),
    );
    expect(callFunction).not.toHaveBeenCalled();
  });
});
