/**
 * The line a stopped run prints: a dry run never says 部署失败, and miniprogram-ci's compile error
 * shows the file and code it names.
 */
import { failureLine } from './failure';

/** As miniprogram-ci's CustomError carries a compile error: message, code and the file. */
const compileError = Object.assign(new Error('unexpected character `<`'), { code: 10095, path: 'pages/index/index.wxml' });

it('a compile error in a dry run names the file and the code, as a failed dry run', () => {
  expect(failureLine(compileError, true)).toBe('试运行失败：unexpected character `<`（文件 pages/index/index.wxml，错误码 10095）');
});

it('a plain error in a deploy is a failed deploy with its message', () => {
  expect(failureLine(new Error('网络不通'), false)).toBe('部署失败：网络不通');
});
