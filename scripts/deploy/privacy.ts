import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * WeChat's 用户隐私保护指引 entries (mp.weixin.qq.com → 设置 → 服务内容声明 → 用户隐私保护指引) and
 * the interfaces and components each covers, from WeChat's table
 * (developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html). An
 * interface called without its entry declared fails with "api scope is not declared in the privacy
 * agreement" (errno 112). `privacyKey` is WeChat's key (the open platform's setPrivacySetting).
 */
export type PrivacyEntry = { privacyKey: string; label: string; apis: string[]; openTypes: string[] };

export const PRIVACY_ENTRIES: PrivacyEntry[] = [
  { privacyKey: 'UserInfo', label: '用户信息（微信昵称、头像）', apis: ['getUserProfile', 'getUserInfo'], openTypes: ['chooseAvatar'] },
  { privacyKey: 'Location', label: '位置信息', apis: ['getLocation', 'getFuzzyLocation', 'startLocationUpdate', 'startLocationUpdateBackground'], openTypes: [] },
  { privacyKey: 'ChooseLocation', label: '选择的位置信息', apis: ['chooseLocation', 'choosePoi'], openTypes: [] },
  { privacyKey: 'Address', label: '地址', apis: ['chooseAddress'], openTypes: [] },
  { privacyKey: 'PhoneNumber', label: '手机号', apis: [], openTypes: ['getPhoneNumber', 'getRealtimePhoneNumber'] },
  { privacyKey: 'Album', label: '选中的照片或视频信息', apis: ['chooseImage', 'chooseMedia', 'chooseVideo'], openTypes: [] },
  { privacyKey: 'MessageFile', label: '选中的文件', apis: ['chooseMessageFile'], openTypes: [] },
  { privacyKey: 'Record', label: '麦克风', apis: ['startRecord', 'joinVoIPChat', 'getRecorderManager'], openTypes: [] },
  { privacyKey: 'Camera', label: '摄像头', apis: ['createVKSession'], openTypes: [] },
  { privacyKey: 'AlbumWriteOnly', label: '相册（仅写入）权限', apis: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'], openTypes: [] },
  { privacyKey: 'Clipboard', label: '剪切板', apis: ['setClipboardData', 'getClipboardData'], openTypes: [] },
];

/** What GridLink uses each entry for, as written in the form; an entry the code needs without a line here is an error. */
export const GRIDLINK_PURPOSES: Record<string, string> = {
  Location: '用于查找您所在或附近的网格，以及工作人员扫码签到时核对是否在网格内',
  ChooseLocation: '用于反映问题时标注问题发生的位置',
  Album: '用于反映问题、办结回复、上报、签到和上传网格群二维码时附上照片',
  MessageFile: '用于街道工作人员从聊天中选择网格台账表格导入',
  Clipboard: '用于复制邀请码、企业微信入群链接和导入结果',
};

/**
 * Personal information the app takes as typed text, which no interface shows: the form has no
 * entry bound to it, but the guide's text should still say it (其他信息 in the form).
 */
export const TYPED_PERSONAL_INFO = ['联系电话：居民反映问题时自愿填写，仅该网格的工作人员可见；工作人员的电话由社区录入，居民点击拨打时才显示完整号码'];

/** Where the app calls a privacy interface: `file:line` (repository-relative) per interface or open-type. */
export type PrivacyUse = { entry: PrivacyEntry; calls: Array<{ api: string; at: string }> };

const SOURCE_FILE = /\.(tsx?|jsx?)$/;
const TEST_FILE = /\.test\.(tsx?|jsx?)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return SOURCE_FILE.test(d.name) && !TEST_FILE.test(d.name) ? [path] : [];
  });
}

/**
 * Every `Taro.<api>` / `wx.<api>` member the code names (calls and references alike, comments
 * and strings not), and every JSX `openType="…"` / `open-type="…"`, with where it is: read with
 * the TypeScript parser, so a word in a comment never counts.
 */
export function platformCalls(root: string, dir: string): Array<{ api: string; at: string }> {
  const found: Array<{ api: string; at: string }> = [];
  for (const path of sourceFiles(dir)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const at = (node: ts.Node) => `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && /^(Taro|wx)$/.test(node.expression.text)) {
        found.push({ api: node.name.text, at: at(node) });
      }
      if (ts.isJsxAttribute(node) && /^(openType|open-type)$/.test(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
        found.push({ api: `open-type=${node.initializer.text}`, at: at(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The entries the calls need, in the table's order, each with the calls that need it. */
export function privacyUses(calls: Array<{ api: string; at: string }>): PrivacyUse[] {
  return PRIVACY_ENTRIES.map((entry) => ({
    entry,
    calls: calls.filter(({ api }) => entry.apis.includes(api) || entry.openTypes.some((t) => api === `open-type=${t}`)),
  })).filter((use) => use.calls.length > 0);
}

/**
 * The form as the operator fills it: one block per entry, with its purpose and the calls that
 * need it. Throws naming the entries the code needs that have no purpose in `GRIDLINK_PURPOSES`.
 */
export function privacyReport(uses: PrivacyUse[]): string {
  const unexplained = uses.filter(({ entry }) => !GRIDLINK_PURPOSES[entry.privacyKey]);
  if (unexplained.length) {
    throw new Error(`代码调用了这些隐私接口，但 GRIDLINK_PURPOSES 没有写用途：${unexplained.map(({ entry, calls }) => `${entry.label}（${calls[0].at}）`).join('、')}`);
  }
  const lines = ['用户隐私保护指引（小程序管理后台 → 设置 → 服务内容声明 → 用户隐私保护指引 → 修改）', '按下列各项勾选并照抄用途：', ''];
  for (const { entry, calls } of uses) {
    lines.push(`■ ${entry.label}（${entry.privacyKey}）`, `  用途：${GRIDLINK_PURPOSES[entry.privacyKey]}`);
    const apis = [...new Set(calls.map((c) => c.api))];
    lines.push(`  代码调用：${apis.map((api) => `${api}（${calls.filter((c) => c.api === api).map((c) => c.at).join('、')}）`).join('；')}`, '');
  }
  if (uses.length === 0) lines.push('（代码未调用任何隐私接口）', '');
  lines.push('另请在指引的补充说明中写明（没有接口对应的个人信息）：', ...TYPED_PERSONAL_INFO.map((line) => `  · ${line}`));
  return lines.join('\n');
}
