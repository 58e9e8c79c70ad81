import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { chiefMe, meFixture } from '../../../../tests/jest/appealFixtures';
import { cloudCalls, fileTicket, ok, programCloud, type Handler } from '../../../../tests/jest/cloud';
import type { Me } from '../../../../types/appeal';
import type { ImportReport } from '../../../../types/registry';
import RegistryImportPage from './index';

const chooseMessageFile = Taro.chooseMessageFile as unknown as jest.Mock;

const report = (overrides: Partial<ImportReport> = {}): ImportReport => ({
  importId: null,
  dryRun: true,
  rows: 3,
  created: 1,
  updated: 1,
  unchanged: 1,
  moved: 0,
  communitiesCreated: ['新城社区'],
  sheet: '网格台账',
  headerRow: 1,
  grids: [
    { row: 2, code: 'GS-0301', name: '新城社区第一网格', change: 'created' },
    { row: 3, code: 'GS-0101', name: '平阳社区第一网格', change: 'updated' },
    { row: 4, code: 'GS-0102', name: '平阳社区第二网格', change: 'unchanged' },
  ],
  ...overrides,
});

function open(me: Me, importSheet: Handler) {
  programCloud({ 'account.me': () => ok(me), 'registry.import': importSheet, 'file.ticket': fileTicket });
  return render(<RegistryImportPage />);
}

const pick = (name = '钢山街道网格台账.xlsx', size = 48_000) =>
  chooseMessageFile.mockResolvedValueOnce({ tempFiles: [{ path: `wxfile://tmp/${name}`, name, size }] });

describe('导入网格台账', () => {
  it.each<[string, Me]>([
    ['a resident', meFixture()],
    ['a grid chief', chiefMe()],
    ['community staff', chiefMe({ role: 'community' })],
  ])('tells %s only street staff import', async (_, me) => {
    open(me, () => ok(report()));
    expect(await screen.findByText('只有街道工作人员可以导入网格台账')).toBeTruthy();
  });

  it('checks the picked sheet first, shows what would change, and imports only on confirm', async () => {
    open(chiefMe({ role: 'street' }), (data) => ok(report(data.dryRun ? {} : { dryRun: false, importId: 'import-1' })));
    pick();
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));

    expect(await screen.findByText('检查通过：共 3 行')).toBeTruthy();
    expect(chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    expect(cloudCalls('file.ticket').map((c) => c.data)).toEqual([{ action: 'ticket', purpose: 'registrySheet', name: 'file.xlsx' }]);
    expect(Taro.cloud.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/钢山街道网格台账.xlsx', cloudPath: expect.stringMatching(/^imports\/\d{6}\/ticket\d+\.xlsx$/) }));
    const [check] = cloudCalls('registry.import');
    expect(check.data).toEqual({ action: 'import', fileID: expect.stringContaining('/imports/'), dryRun: true });
    expect(screen.getByText('将新建社区：新城社区')).toBeTruthy();
    expect(screen.getByText('读取：工作表「网格台账」，第 1 行为表头')).toBeTruthy();
    expect(screen.getByText('GS-0301')).toBeTruthy();
    expect(screen.queryByText('GS-0102')).toBeNull();

    fireEvent.click(screen.getByText('确认导入'));
    expect(await screen.findByText('导入完成')).toBeTruthy();
    expect(cloudCalls('registry.import').map((c) => c.data.dryRun)).toEqual([true, false]);
    expect(cloudCalls('registry.import')[1].data.fileID).toBe(check.data.fileID);
    expect(screen.getByText('新网格已编码，请把编码填回台账')).toBeTruthy();

    fireEvent.click(screen.getByText('复制新网格编码'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '行号\t网格编码\t网格名称\n2\tGS-0301\t新城社区第一网格' });
  });

  it('says which sheet and header row were read, below title rows', async () => {
    open(chiefMe({ role: 'street' }), () => ok(report({ sheet: '钢山街道台账', headerRow: 3 })));
    pick();
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));
    expect(await screen.findByText('读取：工作表「钢山街道台账」，第 3 行为表头')).toBeTruthy();
  });

  it('says a CSV was read', async () => {
    open(chiefMe({ role: 'street' }), () => ok(report({ sheet: null, headerRow: 2 })));
    pick('台账.csv');
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));
    expect(await screen.findByText('读取：CSV 表格，第 2 行为表头')).toBeTruthy();
  });

  it('shows grids the sheet moves to another community in the dry run, and again once imported', async () => {
    const moves = report({
      updated: 2,
      moved: 2,
      grids: [
        { row: 3, code: 'GS-0101', name: '平阳社区第一网格', change: 'updated', move: { from: { id: 'GS01', name: '平阳社区' }, to: { id: 'GS02', name: '北关社区' } } },
        { row: 4, code: 'GS-0301', name: '平阳社区第四网格', change: 'updated', move: { from: { id: 'GS03', name: '平阳社区\u200B' }, to: { id: 'GS01', name: '平阳社区' } } },
      ],
    });
    open(chiefMe({ role: 'street' }), (data) => ok(data.dryRun ? moves : { ...moves, dryRun: false, importId: 'import-2' }));
    pick();
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));
    expect(await screen.findByText('有 2 个网格将换到其他社区，请核对')).toBeTruthy();
    expect(screen.getByText('平阳社区第一网格：平阳社区 → 北关社区')).toBeTruthy();
    expect(screen.getByText('平阳社区第四网格：平阳社区\u200B（GS03） → 平阳社区（GS01）')).toBeTruthy();

    fireEvent.click(screen.getByText('确认导入'));
    expect(await screen.findByText('2 个网格已换到其他社区')).toBeTruthy();
  });

  it('lists every bad row the cloud found, and offers no import', async () => {
    open(chiefMe({ role: 'street' }), () => ({
      ok: false,
      code: 'INVALID_INPUT',
      message: '表格有 2 处问题，本次没有导入任何网格。第 3 行「户数」：户数应为不小于 0 的整数',
      problems: [
        { row: 3, column: '户数', message: '户数应为不小于 0 的整数' },
        { row: 7, column: '网格类型', message: '网格类型「工厂」不认识' },
      ],
    }));
    pick();
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));
    expect(await screen.findByText('表格有 2 处问题，本次没有导入任何网格')).toBeTruthy();
    expect(screen.getByText('第 3 行 · 户数')).toBeTruthy();
    expect(screen.getByText('网格类型「工厂」不认识')).toBeTruthy();
    expect(screen.queryByText('确认导入')).toBeNull();
    expect(cloudCalls('registry.import')).toHaveLength(1);
  });

  it('says a sheet matching the registry needs no import', async () => {
    open(chiefMe({ role: 'street' }), () => ok(report({ created: 0, updated: 0, unchanged: 3, communitiesCreated: [], grids: [] })));
    pick();
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));
    expect(await screen.findByText('检查通过：共 3 行，与现有台账一致，无需导入')).toBeTruthy();
    expect(screen.queryByText('确认导入')).toBeNull();
  });

  it('refuses a file over 10 MB before uploading it', async () => {
    open(chiefMe({ role: 'street' }), () => ok(report()));
    pick('全市台账.xlsx', 11 * 1024 * 1024);
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));
    expect(await screen.findByText('表格文件超过 10 MB，请拆分后分批导入')).toBeTruthy();
    await waitFor(() => expect(Taro.cloud.uploadFile).not.toHaveBeenCalled());
    expect(cloudCalls('file.ticket')).toEqual([]);
    expect(cloudCalls('registry.import')).toEqual([]);
  });

  it('does nothing when the person cancels the file choice', async () => {
    open(chiefMe({ role: 'street' }), () => ok(report()));
    fireEvent.click(await screen.findByText('选择台账文件（.xlsx / .csv）'));
    await waitFor(() => expect(chooseMessageFile).toHaveBeenCalled());
    expect(cloudCalls('registry.import')).toEqual([]);
    expect(screen.getByText('选择台账文件（.xlsx / .csv）')).toBeTruthy();
  });
});
