import type { IFunctionInfo } from '@cloudbase/manager-node/types/function/types';
import type { CollectionSpec, Direction, FunctionSpec, IndexSpec, TimerTrigger } from './definitions';
import type { Manager } from './tools';

/**
 * What the cloud environment holds now, read with the management API before anything changes:
 * the functions the repository defines (missing ones absent), and each collection's indexes
 * and security rule (a missing collection absent).
 */
export type FunctionState = {
  /** GetFunction's `Status`: Active, Creating, Updating, CreateFailed, UpdateFailed… */
  status: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  description: string;
  env: Record<string, string>;
  triggers: TimerTrigger[];
};
export type RuleState = { aclTag: string; rule: unknown };
export type CollectionState = { indexes: IndexSpec[]; rule: RuleState | null };
export type CloudState = { functions: Map<string, FunctionState>; collections: Map<string, CollectionState> };

/** CloudBase's API allows 20 calls a second for each of these actions; the deploy stays under it. */
export const CALLS_PER_SECOND = 15;

/** Waits so that calls made through it are at most `perSecond` a second (0: no wait, for tests). */
export function pacer(perSecond: number): () => Promise<void> {
  let next = 0;
  return async () => {
    if (perSecond <= 0) return;
    const wait = next - Date.now();
    next = Math.max(next, Date.now()) + 1000 / perSecond;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}

/** Seven cron fields of digits, `*`, `/`, `,`, `-`, `?` and names (JAN, MON…). */
const CRON = /^[\w*/,?-]+( [\w*/,?-]+){6}$/;

/**
 * A timer's cron as GetFunction reports it. BatchCreateTrigger sends it as `TriggerDesc`; whether
 * the detail gives it back in `Config`, in `TriggerDesc`, or as `{"cron": …}` is not documented for
 * CloudBase (UNVERIFIED), so each is read; unreadable gives '' (which differs, so the trigger is
 * replaced rather than trusted).
 */
function cronOf(trigger: { Config?: string; TriggerDesc?: string }): string {
  for (const text of [trigger.Config, trigger.TriggerDesc]) {
    if (!text) continue;
    if (CRON.test(text.trim())) return text.trim();
    try {
      const cron = (JSON.parse(text) as { cron?: unknown }).cron;
      if (typeof cron === 'string' && CRON.test(cron.trim())) return cron.trim();
    } catch {
      // not JSON: try the next field
    }
  }
  return '';
}

const functionStateOf = (info: IFunctionInfo): FunctionState => ({
  status: info.Status,
  runtime: info.Runtime,
  timeout: info.Timeout,
  memorySize: info.MemorySize,
  installDependency: info.InstallDependency === 'TRUE',
  description: info.Description ?? '',
  env: Object.fromEntries((info.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
  triggers: (info.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => ({ name: t.TriggerName || t.Name, type: 'timer' as const, config: cronOf(t) })),
});

/** Statuses a function passes through on its way to Active or to a failure. */
const IN_PROGRESS = ['Creating', 'Updating', 'Publishing'];

/** How often and how many times `waitUntilActive` reads a function's status (milliseconds; 0 in tests). */
export type Waiting = { pollMs: number; maxPolls: number };
/** Five minutes, polled every two seconds, as the management API's own wait does. */
export const REAL_WAITING: Waiting = { pollMs: 2000, maxPolls: 150 };

/**
 * Reads `name`'s status until it leaves Creating/Updating. Resolves when it is `Active`; throws,
 * naming the status and CloudBase's reasons, when it is anything else (UpdateFailed,
 * CreateFailed…) or still in progress after `maxPolls` reads.
 */
export async function waitUntilActive(manager: Manager, name: string, waiting: Waiting): Promise<void> {
  for (let poll = 0; poll < waiting.maxPolls; poll++) {
    const info = await manager.functions.getFunctionDetail(name);
    if (info.Status === 'Active') return;
    if (!IN_PROGRESS.includes(info.Status)) {
      const reasons = [info.StatusDesc, ...(info.StatusReasons ?? []).map((r) => `[${r.ErrorCode}] ${r.ErrorMessage}`)].filter(Boolean).join('；');
      throw new Error(`云函数 ${name} 的状态是 ${info.Status}${reasons ? `（${reasons}）` : ''}，不是 Active：在云开发控制台 → 云函数 → ${name} 查看原因，修正后重新运行 npm run deploy（会重新上传它的代码）`);
    }
    await new Promise((resolve) => setTimeout(resolve, waiting.pollMs));
  }
  throw new Error(`云函数 ${name} 在 ${(waiting.pollMs * waiting.maxPolls) / 1000} 秒后仍在创建或更新中：稍后重新运行 npm run deploy`);
}

/** Index names CloudBase makes itself: never the repository's to change. */
const BUILT_IN_INDEX = '_id_';

function parsedRule(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads the state of the functions and collections the repository defines (one list call each, then one call per existing one). */
export async function readCloudState(manager: Manager, opts: { envId: string; appid: string; functions: FunctionSpec[]; collections: CollectionSpec[]; pace: () => Promise<void> }): Promise<CloudState> {
  const { envId, appid, pace } = opts;
  const listed = new Set((await manager.functions.listFunctions(100, 0)).map((f) => f.FunctionName));
  const functions = new Map<string, FunctionState>();
  for (const spec of opts.functions) {
    if (!listed.has(spec.name)) continue;
    await pace();
    functions.set(spec.name, functionStateOf(await manager.functions.getFunctionDetail(spec.name)));
  }
  const existing = new Set((await manager.database.listCollections({ MgoLimit: 1000, MgoOffset: 0 })).Collections.map((c) => c.CollectionName));
  const collections = new Map<string, CollectionState>();
  for (const spec of opts.collections) {
    if (!existing.has(spec.name)) continue;
    await pace();
    const described = await manager.database.describeCollection(spec.name);
    await pace();
    const rule = (await manager.tcb.call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: spec.name, WxAppId: appid } })) as { AclTag?: string; Rule?: string };
    collections.set(spec.name, {
      indexes: (described.Indexes ?? [])
        .filter((i) => i.Name !== BUILT_IN_INDEX)
        .map((i) => ({ name: i.Name, unique: Boolean(i.Unique), keys: (i.Keys ?? []).map((k) => ({ field: k.Name ?? '', direction: String(k.Direction) as Direction })) })),
      rule: rule.AclTag ? { aclTag: rule.AclTag, rule: parsedRule(rule.Rule) } : null,
    });
  }
  return { functions, collections };
}
