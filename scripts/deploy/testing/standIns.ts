import type { IFunctionInfo } from '@cloudbase/manager-node/types/function/types';
import type { IFunctionInvokeRes } from '@cloudbase/manager-node/types/interfaces';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SETUP_TOKEN_VARIABLE } from '../../../types/setup';
import type { Ci, Manager } from '../tools';

/**
 * Recording stand-ins for CloudBase's management API and miniprogram-ci, typed by the real
 * packages (`Manager`, `Ci`): an environment held in memory that answers as the API does (the
 * fields the deploy reads), records every call in order, and fails a chosen call once.
 */
export type Call = { method: string; args: unknown[] };
/** `pending`: the status an Updating function settles to (read once more as Updating first, unless the caller waited). */
type Fn = { pending?: string; info: Partial<IFunctionInfo> & { Status: string; Triggers: Array<{ Name: string; TriggerName: string; Type: string; Config: string; TriggerDesc: string }> } };
type Index = { Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean };

export class StandInCloud {
  calls: Call[] = [];
  envs: string[];
  functions = new Map<string, Fn>();
  collections = new Map<string, { indexes: Index[]; rule: { AclTag: string; Rule?: string } }>();
  settings = new Map<string, Record<string, unknown>>();
  uploads: Array<{ version: string; desc?: string }> = [];
  /** The status the next code update of a function ends in (by name; default Active; CreateFailed applies to its creation), as a failed dependency install would. */
  codeOutcome = new Map<string, string>();
  /** A call matching this fails once (then the predicate is cleared), as a broken network would. */
  failOnce: ((call: Call) => boolean) | null = null;

  constructor(envId: string) {
    this.envs = [envId];
  }

  private record<T>(method: string, args: unknown[], answer: () => T): Promise<T> {
    const call = { method, args };
    this.calls.push(call);
    if (this.failOnce?.(call)) {
      this.failOnce = null;
      return Promise.reject(new Error(`stand-in: ${method} failed (network)`));
    }
    return Promise.resolve().then(answer);
  }

  /** Methods that change the environment (everything else only reads). */
  static readonly CHANGES = ['createFunction', 'updateFunctionCode', 'updateFunctionConfig', 'createFunctionTriggers', 'deleteFunctionTrigger', 'createCollectionIfNotExists', 'updateCollection', 'tcb.ModifySafeRule', 'ci.upload', 'setup.apply:changed'];

  changes(): Call[] {
    return this.calls.filter((c) => StandInCloud.CHANGES.includes(c.method));
  }

  private setup(event: Record<string, any>): unknown {
    const token = this.functions.get('setup')?.info.Environment?.Variables.find((v) => v.Key === SETUP_TOKEN_VARIABLE)?.Value;
    if (!token || event.token !== token) return { ok: false, code: 'FORBIDDEN', message: '只有部署命令可以修改部署设置' };
    if (event.action === 'read') return { ok: true, data: { documents: Object.fromEntries(event.ids.filter((id: string) => this.settings.has(id)).map((id: string) => [id, this.settings.get(id)])) } };
    const ids = Object.keys(event.documents);
    const changed = ids.filter((id) => !isDeepStrictEqual(this.settings.get(id), event.documents[id]));
    for (const id of changed) this.settings.set(id, event.documents[id]);
    if (changed.length) this.calls.push({ method: 'setup.apply:changed', args: [changed] });
    return { ok: true, data: { changed, unchanged: ids.filter((id) => !changed.includes(id)) } };
  }

  private applyConfig(fn: Fn, config: Record<string, any>) {
    if (config.timeout !== undefined) fn.info.Timeout = config.timeout;
    if (config.memorySize !== undefined) fn.info.MemorySize = config.memorySize;
    if (config.installDependency !== undefined) fn.info.InstallDependency = config.installDependency ? 'TRUE' : 'FALSE';
    if (config.description !== undefined) fn.info.Description = config.description;
    if (config.envVariables) fn.info.Environment = { Variables: Object.entries(config.envVariables).map(([Key, Value]) => ({ Key, Value: String(Value) })) };
  }

  /** The built folder the API would zip: `<root>/<name>/` with index.js and package.json (refused otherwise, as the real upload would ship something else). */
  private requireBuilt(root: string | undefined, name: string) {
    const missing = ['index.js', 'package.json'].filter((file) => !root || !existsSync(join(root, name, file)));
    if (missing.length) throw new Error(`stand-in: ${root}/${name} has no ${missing.join(', ')}: not a built function`);
  }

  /** Puts `fn` into Updating, to settle to `outcome` (now when the caller asked to wait, as the API's `isWaitInstall` does). */
  private update(fn: Fn, outcome: string, waited: boolean) {
    fn.info.Status = 'Updating';
    fn.pending = outcome;
    if (waited) this.settle(fn);
  }

  private settle(fn: Fn) {
    if (fn.info.Status !== 'Updating') return;
    fn.info.Status = fn.pending ?? 'Active';
    fn.pending = undefined;
  }

  /** The function `name`, refusing (as CloudBase does) an operation while it is updating. */
  private idle(name: string): Fn {
    const fn = this.functions.get(name)!;
    if (fn.info.Status === 'Updating') throw new Error(`stand-in: FailedOperation 云函数 ${name} 正在更新（Updating），不能进行此操作`);
    return fn;
  }

  private addTriggers(fn: Fn, triggers: Array<{ name: string; type: string; config: string }>) {
    // As BatchCreateTrigger sends it: the cron in TriggerDesc.
    fn.info.Triggers.push(...triggers.map((t) => ({ Name: t.name, TriggerName: t.name, Type: t.type, Config: '', TriggerDesc: JSON.stringify({ cron: t.config }) })));
  }

  manager(): Manager {
    const self = this;
    return {
      env: { listEnvs: () => self.record('listEnvs', [], () => ({ RequestId: 'r', EnvList: self.envs.map((EnvId) => ({ EnvId, PackageId: 'baseya', PackageName: '基础版', LogServices: [], CustomLogServices: [], Region: 'ap-shanghai' })) })) },
      functions: {
        listFunctions: (...args) => self.record('listFunctions', args, () => [...self.functions.keys()].map((FunctionName) => ({ FunctionName }))),
        getFunctionDetail: (name) =>
          self.record('getFunctionDetail', [name], () => {
            const fn = self.functions.get(name)!;
            const info = JSON.parse(JSON.stringify(fn.info)) as IFunctionInfo;
            self.settle(fn);
            return info;
          }),
        createFunction: (param) =>
          self.record('createFunction', [param], () => {
            self.requireBuilt(param.functionRootPath, param.func.name);
            if (self.functions.get(param.func.name) && self.functions.get(param.func.name)!.info.Status !== 'CreateFailed') throw new Error(`stand-in: ResourceInUse.Function ${param.func.name}`);
            // The API waits for the new function itself: it is Active on return.
            const fn: Fn = { info: { FunctionName: param.func.name, Status: 'Active', Runtime: param.func.runtime, Handler: param.func.handler, Triggers: [], Environment: { Variables: [] } } };
            self.applyConfig(fn, param.func);
            self.addTriggers(fn, param.func.triggers ?? []);
            self.functions.set(param.func.name, fn);
            if (self.codeOutcome.get(param.func.name) === 'CreateFailed') {
              self.codeOutcome.delete(param.func.name);
              fn.info.Status = 'CreateFailed';
              throw new Error(`stand-in: 云函数创建失败 ${param.func.name}`);
            }
            return { RequestId: 'r' };
          }),
        updateFunctionCode: (param) =>
          self.record('updateFunctionCode', [param], () => {
            self.requireBuilt(param.functionRootPath, param.func.name);
            const outcome = self.codeOutcome.get(param.func.name) ?? 'Active';
            self.codeOutcome.delete(param.func.name);
            self.update(self.idle(param.func.name), outcome, param.func.isWaitInstall === true);
            return { RequestId: 'r' };
          }),
        updateFunctionConfig: (config) =>
          self.record('updateFunctionConfig', [config], () => {
            const fn = self.idle(config.name);
            self.applyConfig(fn, config);
            self.update(fn, 'Active', false);
            return { RequestId: 'r' };
          }),
        createFunctionTriggers: (name, triggers = []) => self.record('createFunctionTriggers', [name, triggers], () => (self.addTriggers(self.idle(name), triggers), { RequestId: 'r' })),
        deleteFunctionTrigger: (name, triggerName) =>
          self.record('deleteFunctionTrigger', [name, triggerName], () => {
            const fn = self.idle(name);
            fn.info.Triggers = fn.info.Triggers.filter((t) => t.TriggerName !== triggerName);
            return { RequestId: 'r' };
          }),
        invokeFunction: (name, params) =>
          self.record('invokeFunction', [name, params], (): IFunctionInvokeRes => {
            const reply = name === 'setup' && self.functions.has('setup') ? (self.idle(name), self.setup(params ?? {})) : null;
            if (!reply) return { InvokeResult: 1, RetMsg: '', ErrMsg: `function ${name} not found`, RequestId: 'r', Log: '', MemUsage: 0, Duration: 0, BillDuration: 0, FunctionRequestId: 'f' };
            return { InvokeResult: 0, RetMsg: JSON.stringify(reply), ErrMsg: '', RequestId: 'r', Log: '', MemUsage: 0, Duration: 1, BillDuration: 1, FunctionRequestId: 'f' };
          }),
      },
      database: {
        listCollections: (options) =>
          self.record('listCollections', [options], () => ({
            RequestId: 'r',
            Collections: [...self.collections.keys()].map((name) => ({ TableName: name, CollectionName: name, Count: 0, Size: 0, IndexCount: 0, IndexSize: 0 })),
            Pager: { Offset: 0, Limit: 1000, Total: self.collections.size },
          })),
        describeCollection: (name) =>
          self.record('describeCollection', [name], () => ({
            RequestId: 'r',
            Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...self.collections.get(name)!.indexes].map((i) => ({ ...JSON.parse(JSON.stringify(i)), Size: 0, Accesses: { Ops: 0, Since: '' } })),
          })),
        createCollectionIfNotExists: (name) =>
          self.record('createCollectionIfNotExists', [name], () => {
            const existed = self.collections.has(name);
            if (!existed) self.collections.set(name, { indexes: [], rule: { AclTag: 'ADMINWRITE' } });
            return { RequestId: 'r', IsCreated: !existed, ExistsResult: { RequestId: 'r', Exists: existed } };
          }),
        updateCollection: (name, info) =>
          self.record('updateCollection', [name, info], () => {
            const c = self.collections.get(name)!;
            c.indexes = c.indexes.filter((i) => !(info.DropIndexes ?? []).some((d) => d.IndexName === i.Name));
            for (const i of info.CreateIndexes ?? []) c.indexes.push({ Name: i.IndexName, Unique: i.MgoKeySchema.MgoIsUnique, Keys: i.MgoKeySchema.MgoIndexKeys.map((k) => ({ ...k })) });
            return { RequestId: 'r' };
          }),
      },
      tcb: {
        call: ({ Action, Param }) =>
          self.record(`tcb.${Action}`, [Param], () => {
            const c = self.collections.get(Param.CollectionName)!;
            if (Action === 'ModifySafeRule') c.rule = { AclTag: Param.AclTag, Rule: Param.Rule };
            return { RequestId: 'r', ...c.rule };
          }),
      },
    };
  }

  ci(): Ci {
    const self = this;
    return {
      upload: (options) => self.record('ci.upload', [options], () => (self.uploads.push({ version: options.version, desc: options.desc }), { subPackageInfo: [{ name: '__FULL__', size: 900_000 }, { name: '__APP__', size: 400_000 }] })),
      getCompiledResult: () => Promise.reject(new Error('not used by the deploy')),
      checkCodeQuality: () => Promise.reject(new Error('not used by the deploy')),
    };
  }
}
