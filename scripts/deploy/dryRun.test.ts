/**
 * `npm run deploy -- --dry-run` as CI runs it: only the appid and env id, no secrets, the build
 * `npm test` already made (`--no-build`). The plan names every function folder, trigger,
 * collection, index and rule the repository defines (read here from the files themselves), and
 * miniprogram-ci's offline compile and code-quality check pass. A missing env id is an error
 * naming it and where to find it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** An empty dotenv file, so the worktree's own .env is not read. */
const EMPTY_DOTENV = join(mkdtempSync(join(tmpdir(), 'gridlink-dotenv-')), '.env');
writeFileSync(EMPTY_DOTENV, '');
const run = (env: Record<string, string>, flags = ['--dry-run', '--no-build'], dotenv = EMPTY_DOTENV) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deploy/index.ts', ...flags, '--dotenv', dotenv], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } as unknown as NodeJS.ProcessEnv,
  });
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

describe('the dry run', () => {
  let out = '';
  let status: number | null = null;
  beforeAll(() => {
    const result = run({ TARO_APP_ID: 'wx0123456789abcdef', TARO_APP_CLOUD_ENV: 'gridlink-ci-0001' });
    out = result.stdout;
    status = result.status;
  }, 600_000);

  it('passes the offline compile and the quality check, exiting 0', () => {
    expect(out).toMatch(/离线编译（miniprogram-ci getCompiledResult）：\d+ 个文件/);
    expect(out).not.toContain('代码质量 ✗');
    expect(out).toContain('试运行通过');
    expect(status).toBe(0);
  });

  it('lists every function folder with its size, and every timer trigger', () => {
    const folders = readdirSync(join(ROOT, 'cloudfunctions')).filter((d) => existsSync(join(ROOT, 'cloudfunctions', d, 'config.json')));
    expect(folders.length).toBeGreaterThan(10);
    for (const name of folders) {
      expect(out).toMatch(new RegExp(`^  ${name}  \\d+ KB  超时 \\d+ 秒`, 'm'));
      for (const t of json(`cloudfunctions/${name}/config.json`).triggers ?? []) expect(out).toContain(`定时触发器 ${t.name} ${t.config}`);
    }
  });

  it('lists every collection with its rule, and every index with its keys', () => {
    const rules = json('cloudfunctions/database/rules.json');
    const indexes: Record<string, Array<{ name: string; keys: Record<string, number>; unique?: boolean }>> = json('cloudfunctions/database/indexes.json');
    for (const name of rules.collections) expect(out).toContain(`  ${name}  安全规则 ${JSON.stringify(rules.rule)}`);
    for (const [collection, list] of Object.entries(indexes)) {
      expect(rules.collections).toContain(collection);
      for (const i of list) {
        expect(out).toContain(`索引 ${i.name}：${Object.entries(i.keys).map(([k, d]) => `${k} ${d}`).join(', ')}${i.unique ? '（唯一）' : ''}`);
      }
    }
  });

  it('says what the tools cannot do, and what a deploy still needs', () => {
    expect(out).toContain('云调用权限');
    expect(out).toMatch(/正式部署还需要在 \.env 填写：GRIDLINK_UPLOAD_KEY_PATH、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY/);
  });
});

it('without an env id it stops at once, naming the value and where to find it', () => {
  const result = run({ TARO_APP_ID: 'wx0123456789abcdef' });
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/缺少 TARO_APP_CLOUD_ENV：.*环境 ID/);
  expect(result.stdout).not.toContain('离线编译');
});

it('--no-build without --dry-run is refused before anything is read or built (dist/ may be of another env)', () => {
  const result = run({ TARO_APP_ID: 'wx0123456789abcdef', TARO_APP_CLOUD_ENV: 'gridlink-ci-0001' }, ['--no-build']);
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/--no-build 只能与 --dry-run 一起使用/);
  expect(result.stdout).not.toMatch(/环境 gridlink-ci-0001|缺少/);
});

it('a --dotenv file that does not exist is an error naming it', () => {
  const result = run({ TARO_APP_ID: 'wx0123456789abcdef', TARO_APP_CLOUD_ENV: 'gridlink-ci-0001' }, ['--dry-run', '--no-build'], 'no-such.env');
  expect(result.status).toBe(1);
  expect(result.stderr + result.stdout).toMatch(/--dotenv 指定的文件 .*no-such\.env 不存在/);
  expect(result.stdout).not.toContain('离线编译');
});
