import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../functions';
import { collectionSpecs, folderFingerprint, functionSpecs, type CollectionSpec, type FunctionSpec } from './definitions';
import { deploy, type DeployReport } from './deploy';
import { failureLine } from './failure';
import { loadDotEnv, readInputs, type DeployInputs } from './inputs';
import { realCi, realManager } from './tools';

/**
 * `npm run deploy [-- --dry-run] [--version 1.2.0] [--desc "…"] [--no-build] [--dotenv .env]`
 *
 * Dry run: needs TARO_APP_ID and TARO_APP_CLOUD_ENV only; builds, checks every input, compiles
 * the mini-program offline with miniprogram-ci (`getCompiledResult`, `checkCodeQuality`) and
 * prints the plan. Deploy: the same checks, then `deploy.ts`. Exits 1 on any failure.
 * `--no-build` reuses `dist/` (CI's dry run after `npm test` built it); only with `--dry-run`.
 */
const { values: args } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    version: { type: 'string' },
    desc: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    dotenv: { type: 'string' },
  },
});
const dryRun = args['dry-run'];
const say = (line = '') => console.log(line);

/** The miniprogram-ci project: the repository root, whose project.config.json points at dist/weapp. */
const PROJECT_IGNORES = ['node_modules/**/*', '.data/**/*', 'dist/h5/**/*', 'dist/cloudfunctions/**/*', 'src/**/*', 'tests/**/*', '.git/**/*'];

function git(...gitArgs: string[]): string {
  try {
    return execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** The version and description to upload: from the command line, else package.json's version and the last commit. */
function release(): { version: string; desc: string } {
  const version = args.version ?? JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const desc = args.desc ?? (git('log', '-1', '--format=%h %s').slice(0, 100) || `GridLink ${version}`);
  return { version, desc };
}

/** What the platform's tools cannot do, and what the operator does instead (printed on every run). */
function manualSteps(functions: FunctionSpec[]): string[] {
  const withOpenapi = functions.filter((f) => f.openapi.length);
  return [
    `云调用权限（config.json 的 permissions.openapi）没有公开接口可设置，只有微信开发者工具上传时生效：npm run build 后用开发者工具导入本仓库，对 ${withOpenapi.map((f) => `${f.name}（${f.openapi.join('、')}）`).join('，')} 各右键 dist/cloudfunctions/<函数> → 上传并部署：云端安装依赖（首次部署及这些权限改变时做一次）。`,
    '云存储权限：云开发控制台 → 存储 → 权限设置 → 所有用户可读，仅创建者可读写（见 cloudfunctions/database/README.md）。',
    '消息推送（内容安全异步检测结果 wxa_media_check）：云开发控制台 → 设置 → 全局设置 → 消息推送 → 添加 mediacheck 函数，事件 wxa_media_check。',
    '用户隐私保护指引：npm run deploy:privacy 打印应填写的各项，在小程序管理后台照填。',
    '提交审核与发布：小程序管理后台 → 版本管理 → 开发版本（本命令上传的版本）→ 提交审核；审核通过后发布。',
  ];
}

function printDefinitions(functions: FunctionSpec[], collections: CollectionSpec[], inputs: DeployInputs, app: { version: string; desc: string }) {
  say(`环境 ${inputs.envId}，小程序 ${inputs.appid}`);
  say('');
  say(`云函数（${functions.length} 个，运行时 ${functions[0]?.runtime}，云端安装依赖）：`);
  for (const f of functions) {
    const trigger = f.triggers.map((t) => `定时触发器 ${t.name} ${t.config}`).join('；') || '无触发器';
    say(`  ${f.name}  ${(f.bytes / 1024).toFixed(0)} KB  超时 ${f.timeout} 秒${f.configured.timeout ? '' : '（默认）'}  内存 ${f.memorySize} MB${f.configured.memorySize ? '' : '（默认）'}  ${trigger}${f.openapi.length ? `  云调用 ${f.openapi.join('、')}` : ''}`);
  }
  say('');
  say(`数据库集合（${collections.length} 个）：`);
  for (const c of collections) {
    say(`  ${c.name}  安全规则 ${JSON.stringify(c.rule)}`);
    for (const i of c.indexes) say(`    索引 ${i.name}：${i.keys.map((k) => `${k.field} ${k.direction}`).join(', ')}${i.unique ? '（唯一）' : ''}`);
  }
  say('');
  const settingIds = Object.keys(inputs.settings);
  say(`部署设置（经 setup 函数写入 settings 集合，只改不同的）：${settingIds.length ? settingIds.map((id) => `${id}（${Object.keys(inputs.settings[id]).join('、')}）`).join('；') : '无'}`);
  say(`小程序版本：${app.version}（${app.desc}）`);
}

function printReport(report: DeployReport): boolean {
  for (const note of report.notes) say(`注意：${note}`);
  if (report.blockers.length) {
    say('未做任何更改，需先处理：');
    for (const b of report.blockers) say(`  ✗ ${b}`);
    return false;
  }
  say('');
  say('已完成：');
  for (const d of report.done) say(`  ✓ ${d}`);
  if (report.failed) {
    say(`失败：✗ ${report.failed.what}：${report.failed.error}`);
    say('未完成（重新运行 npm run deploy 会从云端的实际状态继续）：');
    for (const n of report.notDone) say(`  ○ ${n}`);
    return false;
  }
  return true;
}

/** Compiles the mini-program offline and runs WeChat's code-quality check; true when both pass. */
async function offlineCheck(appid: string): Promise<boolean> {
  const ci = realCi();
  // Offline: a placeholder key (nothing is signed or sent) and the default project attributes
  // instead of the ones miniprogram-ci would fetch from WeChat for this appid.
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath: ROOT, privateKey: 'offline-dry-run', ignores: PROJECT_IGNORES });
  project.attr = async () => ci.DefaultProjectAttr;
  const { version } = release();
  const compiled = await ci.getCompiledResult({ project, version, setting: { es6: false, es7: false, minify: true } });
  const bytes = Object.values(compiled).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
  say(`离线编译（miniprogram-ci getCompiledResult）：${Object.keys(compiled).length} 个文件，${(bytes / 1024).toFixed(0)} KB`);
  const quality = await ci.checkCodeQuality(project);
  for (const item of quality) say(`  代码质量 ${item.success ? '✓' : '✗'} ${item.name}${item.success ? '' : `：${item.text}`}`);
  return quality.every((item) => item.success);
}

async function main(): Promise<boolean> {
  if (args['no-build'] && !dryRun) {
    // dist/ may have been built from another .env: its weapp would talk to another cloud environment.
    say('--no-build 只能与 --dry-run 一起使用：正式部署总是先构建，因为已有的 dist/ 可能是按另一个 .env（另一个云环境）构建的。去掉 --no-build 重新运行。');
    return false;
  }
  loadDotEnv(args.dotenv);
  const { inputs, problems, missingForDeploy } = readInputs(process.env, dryRun);
  if (!inputs) {
    say('输入有误（在 .env 中填写，说明见 .env.example）：');
    for (const p of problems) say(`  ✗ ${p}`);
    return false;
  }
  if (!args['no-build']) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const functions = functionSpecs();
  const collections = collectionSpecs();
  const app = release();
  printDefinitions(functions, collections, inputs, app);
  say('');
  say('工具做不到、需要人工完成的：');
  for (const step of manualSteps(functions)) say(`  · ${step}`);
  say('');
  if (dryRun) {
    if (missingForDeploy.length) say(`正式部署还需要在 .env 填写：${missingForDeploy.join('、')}`);
    const passed = await offlineCheck(inputs.appid);
    say(passed ? '试运行通过：以上是部署将使之成立的状态；正式部署只更改与云端不同的部分。' : '试运行失败：代码质量检查未通过');
    return passed;
  }
  const ci = realCi();
  const project = new ci.Project({ appid: inputs.appid, type: 'miniProgram', projectPath: ROOT, privateKeyPath: inputs.uploadKeyPath!, ignores: PROJECT_IGNORES });
  const report = await deploy({
    manager: realManager(inputs.envId, inputs.secretId!, inputs.secretKey!),
    ci,
    inputs: { ...inputs, secretKey: inputs.secretKey! },
    functions,
    collections,
    app: { ...app, fingerprint: folderFingerprint(join(ROOT, 'dist', 'weapp')).fingerprint, project },
    log: say,
  });
  return printReport(report);
}

// miniprogram-ci leaves handles open after compiling and uploading: exit explicitly.
main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(failureLine(error, dryRun));
    process.exit(1);
  },
);
