/**
 * The line printed when a run stops on an error: 试运行失败 in a dry run (nothing was deployed),
 * 部署失败 otherwise, followed by the file (`path`) and error `code` miniprogram-ci attaches to a
 * compile error of the mini-program, when the error carries them.
 */
export function failureLine(error: unknown, dryRun: boolean): string {
  const { message, code, path } = (error ?? {}) as { message?: string; code?: unknown; path?: unknown };
  const where = [path ? `文件 ${String(path)}` : '', code !== undefined && code !== null ? `错误码 ${String(code)}` : ''].filter(Boolean).join('，');
  return `${dryRun ? '试运行失败' : '部署失败'}：${message ?? String(error)}${where ? `（${where}）` : ''}`;
}
