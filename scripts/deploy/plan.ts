import { isDeepStrictEqual } from 'node:util';
import { SETUP_TOKEN_VARIABLE } from '../../types/setup';
import { waitUntilActive, type CloudState, type CollectionState, type FunctionState, type Waiting } from './cloudState';
import type { CollectionSpec, FunctionSpec, IndexSpec } from './definitions';
import type { Manager } from './tools';

/**
 * The changes that bring the environment to what the repository defines, in the order they
 * must happen: collections, indexes and rules first (a function's first call may need them),
 * then functions (create, code, configuration, trigger). Each step is one thing a person can
 * read in the report; nothing that already matches gets a step, so a second run plans none.
 */
export type Step = { what: string; run: (manager: Manager) => Promise<unknown> };

/** Why the deploy cannot go on until the operator acts (found before anything is changed). */
export type Blocker = string;

/** The setup function's name: the deployment's one door for settings. */
export const SETUP_FUNCTION = 'setup';

/** The mark a deployed function's description carries: which build it runs. */
export const codeMark = (spec: FunctionSpec) => `GridLink ${spec.fingerprint.slice(0, 16)}`;

const sameIndex = (a: IndexSpec, b: IndexSpec) => a.unique === b.unique && isDeepStrictEqual(a.keys, b.keys);
const indexRequest = (i: IndexSpec) => ({ IndexName: i.name, MgoKeySchema: { MgoIsUnique: i.unique, MgoIndexKeys: i.keys.map((k) => ({ Name: k.field, Direction: k.direction })) } });
const describeIndex = (i: IndexSpec) => `${i.name}（${i.keys.map((k) => `${k.field} ${k.direction}`).join(', ')}${i.unique ? '，唯一' : ''}）`;

/** Steps for one collection: create it, drop indexes defined differently, create missing ones, set its rule. */
function collectionSteps(spec: CollectionSpec, state: CollectionState | undefined, envId: string, notes: string[]): Step[] {
  const steps: Step[] = [];
  if (!state) steps.push({ what: `创建集合 ${spec.name}`, run: (m) => m.database.createCollectionIfNotExists(spec.name) });
  const existing = state?.indexes ?? [];
  const differing = spec.indexes.filter((i) => existing.some((e) => e.name === i.name && !sameIndex(e, i)));
  const missing = spec.indexes.filter((i) => !existing.some((e) => e.name === i.name));
  for (const extra of existing.filter((e) => !spec.indexes.some((i) => i.name === e.name))) notes.push(`集合 ${spec.name} 在云端另有索引 ${describeIndex(extra)}，仓库里没有：保留，未改动`);
  if (differing.length) {
    steps.push({
      what: `集合 ${spec.name}：删除定义已变的索引 ${differing.map((i) => i.name).join('、')}（随后按新定义重建）`,
      run: (m) => m.database.updateCollection(spec.name, { DropIndexes: differing.map((i) => ({ IndexName: i.name })) }),
    });
  }
  const create = [...differing, ...missing];
  if (create.length) {
    steps.push({ what: `集合 ${spec.name}：创建索引 ${create.map(describeIndex).join('、')}`, run: (m) => m.database.updateCollection(spec.name, { CreateIndexes: create.map(indexRequest) }) });
  }
  if (!state?.rule || state.rule.aclTag !== 'CUSTOM' || !isDeepStrictEqual(state.rule.rule, spec.rule)) {
    steps.push({
      what: `集合 ${spec.name}：安全规则设为 ${JSON.stringify(spec.rule)}`,
      run: (m) => m.tcb.call({ Action: 'ModifySafeRule', Param: { EnvId: envId, CollectionName: spec.name, AclTag: 'CUSTOM', Rule: JSON.stringify(spec.rule) } }),
    });
  }
  return steps;
}

/** The configuration a function should have (what `updateFunctionConfig` and `createFunction` take). */
function functionConfig(spec: FunctionSpec, setupToken: string) {
  return {
    name: spec.name,
    timeout: spec.timeout,
    memorySize: spec.memorySize,
    installDependency: true,
    description: codeMark(spec),
    ...(spec.name === SETUP_FUNCTION ? { envVariables: { [SETUP_TOKEN_VARIABLE]: setupToken } } : {}),
  };
}

/** Node runtimes from this one on run the bundles (built for node16). */
const OLDEST_RUNTIME = 16;
const runtimeMajor = (runtime: string) => Number(/^Nodejs(\d+)/.exec(runtime)?.[1] ?? 0);

function functionSteps(spec: FunctionSpec, state: FunctionState | undefined, setupToken: string, waiting: Waiting, blockers: Blocker[], notes: string[]): Step[] {
  const config = functionConfig(spec, setupToken);
  const { description, ...unmarked } = config;
  if (!state || state.status === 'CreateFailed') {
    // The build mark is written only once the function is Active, so a failed creation is never taken for a deployed build.
    return [
      {
        what: `${state ? '重新' : ''}创建云函数 ${spec.name}（${state ? '上次创建失败（CreateFailed），' : ''}${spec.runtime}，${spec.timeout} 秒，${spec.memorySize} MB，云端安装依赖${spec.triggers.length ? `，定时触发器 ${spec.triggers.map((t) => `${t.name} ${t.config}`).join('、')}` : ''}）`,
        run: async (m) => {
          await m.functions.createFunction({ func: { ...unmarked, runtime: spec.runtime, handler: 'index.main', triggers: spec.triggers }, functionRootPath: spec.builtRoot, force: false });
          await waitUntilActive(m, spec.name, waiting);
          await m.functions.updateFunctionConfig({ name: spec.name, description });
          await waitUntilActive(m, spec.name, waiting);
        },
      },
    ];
  }
  if (runtimeMajor(state.runtime) < OLDEST_RUNTIME) {
    blockers.push(`云函数 ${spec.name} 的运行时是 ${state.runtime}，太旧且无法修改（miniprogram-ci 或旧版开发者工具创建的函数是 Nodejs8.9）：在云开发控制台 → 云函数 删除 ${spec.name}，再运行 npm run deploy 重新创建`);
    return [];
  }
  if (state.runtime !== spec.runtime) notes.push(`云函数 ${spec.name} 的运行时是 ${state.runtime}（运行时创建后不能改，它可以运行本代码，保留）`);
  const steps: Step[] = [];
  // A function that is not Active (UpdateFailed, or left updating) may not run the build its mark names: upload again.
  const codeChanged = state.status !== 'Active' || state.description !== codeMark(spec);
  if (codeChanged) {
    steps.push({
      what: `更新云函数 ${spec.name} 的代码（${(spec.bytes / 1024).toFixed(0)} KB，云端安装依赖${state.status !== 'Active' ? `；云端状态 ${state.status}` : ''}）`,
      run: async (m) => {
        await m.functions.updateFunctionCode({ func: { name: spec.name, installDependency: true, handler: 'index.main', isWaitInstall: true }, functionRootPath: spec.builtRoot });
        await waitUntilActive(m, spec.name, waiting);
      },
    });
  }
  const wantedEnv = config.envVariables ?? {};
  const envDiffers = Object.entries(wantedEnv).some(([k, v]) => state.env[k] !== v);
  if (codeChanged || envDiffers || state.timeout !== spec.timeout || state.memorySize !== spec.memorySize || !state.installDependency) {
    const changes = [
      state.timeout !== spec.timeout && `超时 ${state.timeout}→${spec.timeout} 秒`,
      state.memorySize !== spec.memorySize && `内存 ${state.memorySize}→${spec.memorySize} MB`,
      !state.installDependency && '云端安装依赖',
      envDiffers && `环境变量 ${Object.keys(wantedEnv).join('、')}`,
      codeChanged && '代码标记',
    ].filter(Boolean);
    steps.push({
      what: `更新云函数 ${spec.name} 的配置（${changes.join('，')}）`,
      run: async (m) => {
        await m.functions.updateFunctionConfig(config);
        await waitUntilActive(m, spec.name, waiting);
      },
    });
  }
  for (const old of state.triggers.filter((t) => !spec.triggers.some((s) => isDeepStrictEqual(s, t)))) {
    steps.push({ what: `删除云函数 ${spec.name} 的定时触发器 ${old.name}（${old.config}）`, run: (m) => m.functions.deleteFunctionTrigger(spec.name, old.name) });
  }
  const missingTriggers = spec.triggers.filter((s) => !state.triggers.some((t) => isDeepStrictEqual(s, t)));
  if (missingTriggers.length) {
    steps.push({ what: `创建云函数 ${spec.name} 的定时触发器 ${missingTriggers.map((t) => `${t.name}（${t.config}）`).join('、')}`, run: (m) => m.functions.createFunctionTriggers(spec.name, missingTriggers) });
  }
  return steps;
}

/** The steps from `state` to the repository's definitions, what blocks the deploy, and notes on what is left as it is. */
export function planChanges(opts: { functions: FunctionSpec[]; collections: CollectionSpec[]; state: CloudState; envId: string; setupToken: string; waiting: Waiting }): { steps: Step[]; blockers: Blocker[]; notes: string[] } {
  const blockers: Blocker[] = [];
  const notes: string[] = [];
  const steps = [
    ...opts.collections.flatMap((c) => collectionSteps(c, opts.state.collections.get(c.name), opts.envId, notes)),
    ...opts.functions.flatMap((f) => functionSteps(f, opts.state.functions.get(f.name), opts.setupToken, opts.waiting, blockers, notes)),
  ];
  return { steps, blockers, notes };
}
