import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { TEMPLATE_KEYS, type TemplateKey } from '../../types/appeal';
import { deploymentSettingsProblems, templateIdProblem } from '../../cloudfunctions/domain/deploymentSettings';
import { ROOT } from '../functions';

/**
 * The deployment's inputs, from `.env` (or the environment): each value with where the operator
 * finds it, which `.env.example` repeats. A dry run needs the appid and env id only; a deploy
 * needs every value marked `deploy`.
 */
type Variable = { name: string; where: string; needed: 'always' | 'deploy' | 'optional'; check?: (value: string) => string | null };

const templateVariable = (key: TemplateKey) => `GRIDLINK_TEMPLATE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** What each subscribe template is for, as the operator picks it in WeChat's library. */
const TEMPLATE_PURPOSE: Record<TemplateKey, string> = {
  appealNew: '新诉求提醒（网格长收到新的反映）',
  appealProgress: '诉求进度通知（居民收到受理、回复、办结）',
  groupQrExpiry: '群二维码到期提醒',
};

export const VARIABLES: Variable[] = [
  { name: 'TARO_APP_ID', needed: 'always', where: '小程序管理后台 mp.weixin.qq.com → 开发管理 → 开发设置 → 开发者ID → AppID(小程序ID)', check: (v) => (/^wx[0-9a-f]{16}$/.test(v) ? null : '应为 wx 开头的 18 位 AppID') },
  { name: 'TARO_APP_CLOUD_ENV', needed: 'always', where: '微信开发者工具 → 云开发 → 设置 → 环境设置 → 环境 ID（或腾讯云 CloudBase 控制台的环境列表）', check: (v) => (/^[A-Za-z][A-Za-z0-9-]{3,63}$/.test(v) ? null : '应为环境 ID，如 gridlink-7gxxxxxx') },
  { name: 'GRIDLINK_UPLOAD_KEY_PATH', needed: 'deploy', where: '小程序管理后台 → 开发管理 → 开发设置 → 小程序代码上传 → 生成上传密钥（下载 private.<appid>.key；并把本机出口 IP 加入白名单或关闭白名单）', check: uploadKeyProblem },
  { name: 'TENCENTCLOUD_SECRETID', needed: 'deploy', where: '用小程序管理员微信登录 cloud.tencent.com（微信公众平台账号登录）→ 访问管理 → API 密钥管理（建议子账号，授予 QcloudTCBFullAccess）', check: (v) => (/^AKID[A-Za-z0-9]{8,}$/.test(v) ? null : '应为 AKID 开头的 SecretId') },
  { name: 'TENCENTCLOUD_SECRETKEY', needed: 'deploy', where: '同上，与 SecretId 一起生成（只显示一次）', check: (v) => (v.length >= 16 ? null : 'SecretKey 太短') },
  ...TEMPLATE_KEYS.map((key): Variable => ({ name: templateVariable(key), needed: 'deploy', where: `小程序管理后台 → 功能 → 订阅消息 → 我的模板 → ${TEMPLATE_PURPOSE[key]} 的模板 ID`, check: templateIdProblem })),
  { name: 'GRIDLINK_SETTINGS_FILE', needed: 'optional', where: '可选：JSON 文件，按 _id 给出 sla、sla:<街道>、assessment、assessment:<街道> 文档（格式见 README 的时限与考核两节）', check: (v) => (existsSync(resolved(v)) ? null : `文件 ${resolved(v)} 不存在`) },
];

/** Why the upload key file cannot sign an upload (missing, or not a private key), or null. */
function uploadKeyProblem(value: string): string | null {
  const path = resolved(value);
  if (!existsSync(path)) return `文件 ${path} 不存在`;
  try {
    createPrivateKey(readFileSync(path));
    return null;
  } catch (error) {
    return `文件 ${path} 不是可用的私钥（${(error as Error).message}）：应为下载的 private.<appid>.key 原文件`;
  }
}

function resolved(path: string): string {
  return isAbsolute(path) ? path : join(ROOT, path);
}

export type DeployInputs = {
  appid: string;
  envId: string;
  uploadKeyPath: string | null;
  secretId: string | null;
  secretKey: string | null;
  /** The settings documents the setup function writes, by `_id`. */
  settings: Record<string, Record<string, unknown>>;
};

/**
 * Reads a dotenv file into `process.env` (values already set win): `file` when given (it must
 * exist: throws naming it), else `.env` at the repository root when there is one.
 */
export function loadDotEnv(file?: string): void {
  if (file !== undefined && !existsSync(resolved(file))) throw new Error(`--dotenv 指定的文件 ${resolved(file)} 不存在`);
  const path = resolved(file ?? '.env');
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * The inputs from `env`, or every problem: a value a run needs that is missing or malformed is
 * one line naming the variable and where to find it. `missingForDeploy` lists (for a dry run)
 * what a deploy would still need.
 */
export function readInputs(env: Record<string, string | undefined>, dryRun: boolean): { inputs: DeployInputs | null; problems: string[]; missingForDeploy: string[] } {
  const problems: string[] = [];
  const missingForDeploy: string[] = [];
  const value = (v: Variable) => env[v.name]?.trim() ?? '';
  for (const v of VARIABLES) {
    const given = value(v);
    const needed = v.needed === 'always' || (v.needed === 'deploy' && !dryRun);
    if (!given) {
      if (needed) problems.push(`缺少 ${v.name}：${v.where}`);
      else if (v.needed === 'deploy') missingForDeploy.push(v.name);
      continue;
    }
    const wrong = v.check?.(given);
    if (wrong) problems.push(`${v.name} 不正确（${wrong}）：${v.where}`);
  }
  const settings = settingsFrom(env, problems);
  if (problems.length) return { inputs: null, problems, missingForDeploy };
  const get = (name: string) => env[name]?.trim() || null;
  return {
    inputs: {
      appid: get('TARO_APP_ID')!,
      envId: get('TARO_APP_CLOUD_ENV')!,
      uploadKeyPath: get('GRIDLINK_UPLOAD_KEY_PATH') && resolved(get('GRIDLINK_UPLOAD_KEY_PATH')!),
      secretId: get('TENCENTCLOUD_SECRETID'),
      secretKey: get('TENCENTCLOUD_SECRETKEY'),
      settings,
    },
    problems,
    missingForDeploy,
  };
}

/** The template ids given and the documents of the settings file, checked as the setup function checks them. */
function settingsFrom(env: Record<string, string | undefined>, problems: string[]): Record<string, Record<string, unknown>> {
  const settings: Record<string, Record<string, unknown>> = {};
  const templates = Object.fromEntries(TEMPLATE_KEYS.flatMap((key) => (env[templateVariable(key)]?.trim() ? [[key, env[templateVariable(key)]!.trim()]] : [])));
  if (Object.keys(templates).length) settings.templates = templates;
  const file = env.GRIDLINK_SETTINGS_FILE?.trim();
  if (file && existsSync(resolved(file))) {
    try {
      Object.assign(settings, JSON.parse(readFileSync(resolved(file), 'utf8')));
    } catch (error) {
      problems.push(`GRIDLINK_SETTINGS_FILE ${file} 不是有效的 JSON：${(error as Error).message}`);
    }
  }
  if (settings.templates && settings.templates !== templates) problems.push('模板 ID 只从 GRIDLINK_TEMPLATE_* 读取，设置文件里不要写 templates');
  if (settings.deployment) problems.push('设置文件里不要写 deployment：它由部署命令记录');
  // The template ids were checked as their GRIDLINK_TEMPLATE_* variables (a templates document in the file is refused above).
  const fromFile = Object.fromEntries(Object.entries(settings).filter(([id]) => id !== 'templates'));
  problems.push(...deploymentSettingsProblems(fromFile).map((p) => `设置：${p}`));
  return settings;
}
