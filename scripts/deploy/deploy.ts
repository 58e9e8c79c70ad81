import { createHmac } from 'node:crypto';
import type { AppliedSettings } from '../../types/setup';
import { pacer, readCloudState, waitUntilActive, CALLS_PER_SECOND, REAL_WAITING, type Waiting } from './cloudState';
import type { CollectionSpec, FunctionSpec } from './definitions';
import type { DeployInputs } from './inputs';
import { planChanges, SETUP_FUNCTION, type Step } from './plan';
import type { Ci, CiProject, Manager } from './tools';

/**
 * `npm run deploy` after the build and the input checks: preflight (the env id is one the API
 * key manages), read the environment, plan, stop on a blocker before changing anything, then
 * apply the steps in order, write the settings through the setup function, and upload the
 * mini-program when its build differs from the one last uploaded. A failure stops the run; the
 * report says what was done and what was not, and a re-run reads the environment again and
 * finishes the job.
 */
export type AppRelease = { version: string; desc: string; fingerprint: string; project: CiProject };
export type DeployReport = { done: string[]; failed: { what: string; error: string } | null; notDone: string[]; blockers: string[]; notes: string[] };

/** The token the setup function accepts, derived from the API key so a re-run sets the same one (and no one without the key knows it). */
export const setupToken = (secretKey: string, envId: string) => createHmac('sha256', secretKey).update(`gridlink-setup:${envId}`).digest('hex').slice(0, 40);

type Envelope<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** Calls the setup function; its refusal or a failed invocation is an Error with WeChat's or GridLink's words. */
async function callSetup<T>(manager: Manager, event: Record<string, unknown>): Promise<T> {
  const reply = await manager.functions.invokeFunction(SETUP_FUNCTION, event);
  if (reply.InvokeResult !== 0) throw new Error(`调用 ${SETUP_FUNCTION} 失败：${reply.ErrMsg || reply.RetMsg}`);
  const envelope = JSON.parse(reply.RetMsg) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${SETUP_FUNCTION}.${String(event.action)}：${envelope.code} ${envelope.message}`);
  return envelope.data;
}

export type DeployOptions = {
  manager: Manager;
  ci: Ci;
  inputs: DeployInputs & { secretKey: string };
  functions: FunctionSpec[];
  collections: CollectionSpec[];
  app: AppRelease;
  log: (line: string) => void;
  /** Calls a second to the rate-limited actions (0 in tests). */
  callsPerSecond?: number;
  /** How functions are waited for until Active (no pause in tests). */
  waiting?: Waiting;
};

/** Checks that the API key manages the env id; throws saying what to fix. Changes nothing. */
export async function preflight(manager: Manager, envId: string): Promise<void> {
  let envs: string[];
  try {
    envs = (await manager.env.listEnvs()).EnvList.map((e) => e.EnvId ?? '');
  } catch (error) {
    throw new Error(`用 TENCENTCLOUD_SECRETID/SECRETKEY 列出云开发环境失败（${(error as Error).message}）：检查密钥是否正确、子账号是否有 TCB 权限`);
  }
  if (!envs.includes(envId)) {
    throw new Error(`这组 API 密钥管理的环境里没有 ${envId}（能管理的：${envs.join('、') || '无'}）：检查 TARO_APP_CLOUD_ENV，或用小程序管理员微信登录腾讯云控制台创建密钥`);
  }
}

function settingsStep(manager: Manager, token: string, documents: Record<string, Record<string, unknown>>, waiting: Waiting, log: (line: string) => void): Step {
  return {
    what: `写入部署设置 ${Object.keys(documents).join('、') || '（无）'}（经 ${SETUP_FUNCTION} 函数，只改不同的）`,
    run: async () => {
      await waitUntilActive(manager, SETUP_FUNCTION, waiting);
      if (!Object.keys(documents).length) return;
      const applied = await callSetup<AppliedSettings>(manager, { action: 'apply', token, documents });
      log(applied.changed.length ? `  已写入：${applied.changed.join('、')}；未变：${applied.unchanged.join('、') || '无'}` : '  设置均未变，没有写入');
    },
  };
}

function appStep(manager: Manager, ci: Ci, token: string, app: AppRelease, log: (line: string) => void): Step {
  return {
    what: `上传小程序 版本 ${app.version}（${app.desc}）`,
    run: async () => {
      const { documents } = await callSetup<{ documents: Record<string, { app?: { version: string; fingerprint: string } }> }>(manager, { action: 'read', token, ids: ['deployment'] });
      const last = documents.deployment?.app;
      if (last?.version === app.version && last.fingerprint === app.fingerprint) {
        log(`  版本 ${app.version} 的这份构建已上传过，未再上传`);
        return;
      }
      const result = await ci.upload({ project: app.project, version: app.version, desc: app.desc, robot: 1, setting: { es6: false, es7: false, minify: true } });
      log(`  已上传：${(result.subPackageInfo ?? []).map((p) => `${p.name} ${(p.size / 1024).toFixed(0)} KB`).join('，')}`);
      await callSetup<AppliedSettings>(manager, { action: 'apply', token, documents: { deployment: { app: { version: app.version, fingerprint: app.fingerprint } } } });
    },
  };
}

/** Runs the deploy; never throws past preflight: the report carries a failure. */
export async function deploy(opts: DeployOptions): Promise<DeployReport> {
  const { manager, inputs, log } = opts;
  await preflight(manager, inputs.envId);
  const pace = pacer(opts.callsPerSecond ?? CALLS_PER_SECOND);
  const state = await readCloudState(manager, { envId: inputs.envId, appid: inputs.appid, functions: opts.functions, collections: opts.collections, pace });
  const token = setupToken(inputs.secretKey, inputs.envId);
  const waiting = opts.waiting ?? REAL_WAITING;
  const plan = planChanges({ functions: opts.functions, collections: opts.collections, state, envId: inputs.envId, setupToken: token, waiting });
  const report: DeployReport = { done: [], failed: null, notDone: [], blockers: plan.blockers, notes: plan.notes };
  if (plan.blockers.length) return report;
  const steps = [...plan.steps, settingsStep(manager, token, inputs.settings, waiting, log), appStep(manager, opts.ci, token, opts.app, log)];
  log(plan.steps.length ? `需要更改 ${plan.steps.length} 处：` : '云函数、集合、索引和安全规则都已与仓库一致，无需更改。');
  for (const [i, step] of steps.entries()) {
    log(`→ ${step.what}`);
    try {
      await pace();
      await step.run(manager);
      report.done.push(step.what);
    } catch (error) {
      report.failed = { what: step.what, error: (error as Error).message };
      report.notDone = steps.slice(i + 1).map((s) => s.what);
      break;
    }
  }
  return report;
}
