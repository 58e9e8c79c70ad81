/** The privacy-guide entries come from what the code calls, comments and strings aside. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformCalls, privacyReport, privacyUses } from './privacy';

function source(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gridlink-privacy-'));
  mkdirSync(join(root, 'src'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'src', name), text);
  return root;
}

it('finds each privacy interface the code calls, with where, and only those', () => {
  const root = source({
    'a.ts': "import Taro from '@tarojs/taro';\n// Taro.chooseMessageFile is not called here\nconst s = 'Taro.setClipboardData';\nexport const where = () => Taro.getLocation({ type: 'gcj02' });\n",
    'b.tsx': "export const B = () => <Button openType='getPhoneNumber' onClick={() => wx.chooseMedia({})} />;\n",
  });
  const uses = privacyUses(platformCalls(root, join(root, 'src')));
  expect(uses.map((u) => [u.entry.privacyKey, u.calls.map((c) => c.at)])).toEqual([
    ['Location', ['src/a.ts:4']],
    ['PhoneNumber', ['src/b.tsx:1']],
    ['Album', ['src/b.tsx:1']],
  ]);
  expect(() => privacyReport(uses)).toThrow(/手机号（src\/b.tsx:1）/);
});

it("GridLink's own report covers location, chosen location, photos, files and clipboard, each with its purpose", () => {
  const root = join(__dirname, '..', '..');
  const report = privacyReport(privacyUses(platformCalls(root, join(root, 'src'))));
  for (const label of ['位置信息（Location）', '选择的位置信息（ChooseLocation）', '选中的照片或视频信息（Album）', '选中的文件（MessageFile）', '剪切板（Clipboard）']) expect(report).toContain(label);
  expect(report).toMatch(/剪切板（Clipboard）\n  用途：.+\n  代码调用：setClipboardData（src\//);
});
