/**
 * `npm run deploy` against recording stand-ins of the management API and miniprogram-ci (typed by
 * the real packages): the right calls in the right order on an empty environment, no change on a
 * second run, only what differs changed, a failure half-way reported as done / not done and
 * finished by a re-run, and nothing changed when preflight or a blocker says no.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionNames } from '../functions';
import { collectionSpecs, functionSpecs } from './definitions';
import { deploy, setupToken, type DeployOptions } from './deploy';
import { codeMark } from './plan';
import { StandInCloud, type Call } from './testing/standIns';
import type { CiProject } from './tools';

const ENV = 'gridlink-prod-1a2b';

/** Built folders stand-in: one small index.js and package.json per function, so the specs need no real build. */
function builtFolders(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-built-'));
  for (const name of functionNames()) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'index.js'), `exports.main = async () => ${JSON.stringify(`${name} ${code}`)};`);
    writeFileSync(join(dir, name, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
  }
  return dir;
}

const functions = functionSpecs(functionNames(), builtFolders('v1'));
const collections = collectionSpecs();
const settings = { templates: { appealNew: 'tmpl_new_0123456789', appealProgress: 'tmpl_progress_0123456789', groupQrExpiry: 'tmpl_qr_0123456789' } };

function options(cloud: StandInCloud, overrides: Partial<DeployOptions> = {}): DeployOptions {
  return {
    manager: cloud.manager(),
    ci: cloud.ci(),
    inputs: { appid: 'wx0123456789abcdef', envId: ENV, uploadKeyPath: '/keys/private.key', secretId: 'AKIDexample0000', secretKey: 'secret-key-of-the-city-0000', settings },
    functions,
    collections,
    app: { version: '1.0.0', desc: 'first release', fingerprint: 'app-build-1', project: {} as CiProject },
    log: () => undefined,
    callsPerSecond: 0,
    waiting: { pollMs: 0, maxPolls: 3 },
    ...overrides,
  };
}

const methods = (calls: Call[]) => calls.map((c) => c.method);
const firstIndex = (calls: Call[], match: (c: Call) => boolean) => calls.findIndex(match);

describe('an empty environment', () => {
  const cloud = new StandInCloud(ENV);
  let report: Awaited<ReturnType<typeof deploy>>;
  beforeAll(async () => {
    report = await deploy(options(cloud));
  });

  it('finishes with nothing failed', () => {
    expect(report.failed).toBeNull();
    expect(report.blockers).toEqual([]);
  });

  it('checks the env id first, reads the environment, and changes nothing before it has read it all', () => {
    const calls = methods(cloud.calls);
    expect(calls.slice(0, 3)).toEqual(['listEnvs', 'listFunctions', 'listCollections']);
    const firstChange = firstIndex(cloud.calls, (c) => StandInCloud.CHANGES.includes(c.method));
    expect(firstChange).toBe(3);
  });

  it('creates every collection, then its indexes (unique ones unique), then its rule', () => {
    for (const c of collections) {
      const created = firstIndex(cloud.calls, (x) => x.method === 'createCollectionIfNotExists' && x.args[0] === c.name);
      const rule = firstIndex(cloud.calls, (x) => x.method === 'tcb.ModifySafeRule' && (x.args[0] as { CollectionName: string }).CollectionName === c.name);
      expect(created).toBeGreaterThan(-1);
      expect(rule).toBeGreaterThan(created);
      const stored = cloud.collections.get(c.name)!;
      expect(stored.rule).toEqual({ AclTag: 'CUSTOM', Rule: JSON.stringify(c.rule) });
      expect(stored.indexes.map((i) => [i.Name, i.Unique, i.Keys.map((k) => `${k.Name}:${k.Direction}`)])).toEqual(
        c.indexes.map((i) => [i.name, i.unique, i.keys.map((k) => `${k.field}:${k.direction}`)]),
      );
    }
    expect(cloud.collections.get('grids')!.indexes.find((i) => i.Name === 'code_unique')).toMatchObject({ Unique: true, Keys: [{ Name: 'code', Direction: '1' }] });
  });

  it('creates every function after the database, on the current runtime, with its own timeout, memory and trigger', () => {
    const lastRule = cloud.calls.map((c) => c.method).lastIndexOf('tcb.ModifySafeRule');
    expect(firstIndex(cloud.calls, (c) => c.method === 'createFunction')).toBeGreaterThan(lastRule);
    expect([...cloud.functions.keys()].sort()).toEqual(functionNames());
    const info = (name: string) => cloud.functions.get(name)!.info;
    for (const name of ['registry', 'assessment']) expect(info(name)).toMatchObject({ Runtime: 'Nodejs20.19', Timeout: 60, MemorySize: 256, InstallDependency: 'TRUE' });
    expect(info('grid')).toMatchObject({ Runtime: 'Nodejs20.19', Timeout: 20, InstallDependency: 'TRUE' });
    expect(info('timers').Triggers.map((t) => [t.TriggerName, t.Type, t.TriggerDesc])).toEqual([['sweep', 'timer', '{"cron":"0 * * * * * *"}']]);
    expect(info('setup').Environment!.Variables.map((v) => v.Key)).toEqual(['GRIDLINK_SETUP_TOKEN']);
    expect(info('grid').Environment!.Variables).toEqual([]);
  });

  it('uploads each function from the built folder its fingerprint was taken of', () => {
    const roots = cloud.calls.filter((c) => c.method === 'createFunction').map((c) => (c.args[0] as { functionRootPath: string }).functionRootPath);
    expect(roots).toHaveLength(functionNames().length);
    expect(new Set(roots)).toEqual(new Set([functions[0].builtRoot]));
  });

  it('writes the settings through the setup function, then uploads the app and records it', () => {
    expect(cloud.settings.get('templates')).toEqual(settings.templates);
    expect(cloud.uploads).toEqual([{ version: '1.0.0', desc: 'first release' }]);
    expect(cloud.settings.get('deployment')).toEqual({ app: { version: '1.0.0', fingerprint: 'app-build-1' } });
    expect(methods(cloud.calls).slice(-6)).toEqual(['invokeFunction', 'setup.apply:changed', 'invokeFunction', 'ci.upload', 'invokeFunction', 'setup.apply:changed']);
  });

  it('a second run with everything in place changes nothing', async () => {
    cloud.calls = [];
    const again = await deploy(options(cloud));
    expect(again.failed).toBeNull();
    expect(cloud.changes()).toEqual([]);
    expect(cloud.uploads).toHaveLength(1);
  });

  it('a new build changes only the code of the functions whose build changed, and uploads the new app', async () => {
    cloud.calls = [];
    const rebuilt = functionSpecs(functionNames(), builtFolders('v1')).map((f) => (f.name === 'grid' ? { ...f, fingerprint: 'f'.repeat(64) } : f));
    await deploy(options(cloud, { functions: rebuilt, app: { version: '1.0.1', desc: 'fix', fingerprint: 'app-build-2', project: {} as CiProject } }));
    expect(methods(cloud.changes())).toEqual(['updateFunctionCode', 'updateFunctionConfig', 'ci.upload', 'setup.apply:changed']);
    expect(cloud.changes()[0].args[0]).toMatchObject({ func: { name: 'grid', isWaitInstall: true } });
    expect(cloud.functions.get('grid')!.info.Status).toBe('Active');
    expect(cloud.functions.get('grid')!.info.Description).toBe(codeMark(rebuilt.find((f) => f.name === 'grid')!));
  });
});

describe('an environment that differs in places', () => {
  it('drops and recreates an index defined differently, replaces a changed trigger, corrects timeout, memory, rules and the setup token, and leaves an unknown index', async () => {
    const cloud = new StandInCloud(ENV);
    await deploy(options(cloud));
    const grids = cloud.collections.get('grids')!;
    grids.indexes.find((i) => i.Name === 'code_unique')!.Unique = false;
    grids.indexes.push({ Name: 'made_by_hand', Keys: [{ Name: 'name', Direction: '1' }], Unique: false });
    cloud.collections.get('appeals')!.rule = { AclTag: 'READONLY' };
    cloud.collections.get('staff')!.rule = { AclTag: 'CUSTOM', Rule: JSON.stringify({ read: true, write: true }) };
    cloud.functions.get('timers')!.info.Triggers[0].TriggerDesc = '0 */5 * * * * *';
    cloud.functions.get('registry')!.info.Timeout = 3;
    cloud.functions.get('grid')!.info.MemorySize = 128;
    cloud.calls = [];
    const rotated = { ...options(cloud).inputs, secretKey: 'a-new-secret-key-of-the-city-1111' };
    const report = await deploy(options(cloud, { inputs: rotated }));
    expect(report.failed).toBeNull();
    expect(cloud.changes().map((c) => [c.method, c.args[0]])).toEqual([
      ['updateCollection', 'grids'],
      ['updateCollection', 'grids'],
      ['tcb.ModifySafeRule', expect.objectContaining({ CollectionName: 'staff', AclTag: 'CUSTOM', Rule: JSON.stringify(collections.find((c) => c.name === 'staff')!.rule) })],
      ['tcb.ModifySafeRule', expect.objectContaining({ CollectionName: 'appeals', AclTag: 'CUSTOM' })],
      ['updateFunctionConfig', expect.objectContaining({ name: 'grid', memorySize: 256 })],
      ['updateFunctionConfig', expect.objectContaining({ name: 'registry', timeout: 60 })],
      ['updateFunctionConfig', expect.objectContaining({ name: 'setup', envVariables: { GRIDLINK_SETUP_TOKEN: setupToken(rotated.secretKey, ENV) } })],
      ['deleteFunctionTrigger', 'timers'],
      ['createFunctionTriggers', 'timers'],
    ]);
    expect(cloud.collections.get('staff')!.rule.Rule).toBe(JSON.stringify(collections.find((c) => c.name === 'staff')!.rule));
    expect(cloud.functions.get('grid')!.info.MemorySize).toBe(256);
    expect(cloud.functions.get('setup')!.info.Environment!.Variables).toEqual([{ Key: 'GRIDLINK_SETUP_TOKEN', Value: setupToken(rotated.secretKey, ENV) }]);
    expect(cloud.changes()[0].args[1]).toEqual({ DropIndexes: [{ IndexName: 'code_unique' }] });
    expect(grids.indexes.find((i) => i.Name === 'code_unique')!.Unique).toBe(true);
    expect(grids.indexes.some((i) => i.Name === 'made_by_hand')).toBe(true);
    expect(report.notes.join('\n')).toContain('made_by_hand');
    expect(cloud.functions.get('timers')!.info.Triggers.map((t) => t.TriggerDesc)).toEqual(['{"cron":"0 * * * * * *"}']);
  });

  it('a function on a runtime that cannot run the code blocks the deploy before anything changes', async () => {
    const cloud = new StandInCloud(ENV);
    await deploy(options(cloud));
    cloud.functions.get('notice')!.info.Runtime = 'Nodejs8.9';
    cloud.collections.delete('audit');
    cloud.calls = [];
    const report = await deploy(options(cloud));
    expect(report.blockers.join('\n')).toMatch(/notice.*Nodejs8\.9.*删除/);
    expect(cloud.changes()).toEqual([]);
  });

  it('an env id the API key does not manage stops the deploy after one call, saying what to check', async () => {
    const cloud = new StandInCloud('someone-elses-env');
    await expect(deploy(options(cloud))).rejects.toThrow(/没有 gridlink-prod-1a2b.*TARO_APP_CLOUD_ENV/);
    expect(methods(cloud.calls)).toEqual(['listEnvs']);
  });
});

describe("a function's status", () => {
  const rebuiltGrid = () => functionSpecs(functionNames(), builtFolders('v1')).map((f) => (f.name === 'grid' ? { ...f, fingerprint: 'e'.repeat(64) } : f));
  const gridChanges = (cloud: StandInCloud) => cloud.changes().filter((c) => JSON.stringify(c.args[0]).includes('"grid"') || c.args[0] === 'grid').map((c) => c.method);

  it('a code update ending in UpdateFailed stops before the configuration, keeps the old build mark, and a re-run uploads the code again', async () => {
    const cloud = new StandInCloud(ENV);
    await deploy(options(cloud));
    const oldMark = cloud.functions.get('grid')!.info.Description;
    cloud.codeOutcome.set('grid', 'UpdateFailed');
    cloud.calls = [];
    const rebuilt = rebuiltGrid();
    const failed = await deploy(options(cloud, { functions: rebuilt }));
    expect(failed.failed).toMatchObject({ what: expect.stringContaining('更新云函数 grid 的代码'), error: expect.stringMatching(/grid 的状态是 UpdateFailed/) });
    expect(methods(cloud.changes())).toEqual(['updateFunctionCode']);
    expect(cloud.functions.get('grid')!.info.Description).toBe(oldMark);
    expect(cloud.uploads).toHaveLength(1);

    cloud.calls = [];
    const again = await deploy(options(cloud, { functions: rebuilt }));
    expect(again.failed).toBeNull();
    expect(gridChanges(cloud)).toEqual(['updateFunctionCode', 'updateFunctionConfig']);
    expect(cloud.functions.get('grid')!.info).toMatchObject({ Status: 'Active', Description: codeMark(rebuilt.find((f) => f.name === 'grid')!) });
  });

  it('a function carrying the build mark but not Active gets its code again', async () => {
    const cloud = new StandInCloud(ENV);
    await deploy(options(cloud));
    cloud.functions.get('grid')!.info.Status = 'UpdateFailed';
    cloud.calls = [];
    const report = await deploy(options(cloud));
    expect(report.failed).toBeNull();
    expect(cloud.changes().map((c) => [c.method, JSON.stringify(c.args[0])])).toEqual([
      ['updateFunctionCode', expect.stringContaining('"name":"grid"')],
      ['updateFunctionConfig', expect.stringContaining('"name":"grid"')],
    ]);
    expect(cloud.functions.get('grid')!.info.Status).toBe('Active');
  });

  it('a creation ending in CreateFailed leaves no build mark, and a re-run creates the function again', async () => {
    const cloud = new StandInCloud(ENV);
    cloud.codeOutcome.set('grid', 'CreateFailed');
    const first = await deploy(options(cloud));
    expect(first.failed).toMatchObject({ what: expect.stringContaining('创建云函数 grid') });
    expect(cloud.functions.get('grid')!.info.Description).toBeUndefined();

    cloud.calls = [];
    const second = await deploy(options(cloud));
    expect(second.failed).toBeNull();
    expect(second.done.some((d) => d.includes('重新创建云函数 grid'))).toBe(true);
    expect(cloud.functions.get('grid')!.info).toMatchObject({ Status: 'Active', Description: codeMark(functions.find((f) => f.name === 'grid')!) });
  });
});

describe('a failure half-way', () => {
  it('reports what was done and what was not, and a re-run finishes without redoing what was done', async () => {
    const cloud = new StandInCloud(ENV);
    cloud.failOnce = (c) => c.method === 'createFunction' && (c.args[0] as { func: { name: string } }).func.name === 'grid';
    const first = await deploy(options(cloud));
    expect(first.failed).toMatchObject({ what: expect.stringContaining('创建云函数 grid'), error: expect.stringContaining('network') });
    expect(first.done.some((d) => d.includes('创建集合 grids'))).toBe(true);
    expect(first.done.some((d) => d.includes('创建云函数 file'))).toBe(true);
    expect(first.notDone.some((d) => d.includes('创建云函数 timers'))).toBe(true);
    expect(first.notDone.some((d) => d.includes('上传小程序'))).toBe(true);
    expect(cloud.functions.has('grid')).toBe(false);
    expect(cloud.uploads).toEqual([]);

    cloud.calls = [];
    const second = await deploy(options(cloud));
    expect(second.failed).toBeNull();
    expect(methods(cloud.changes()).filter((m) => m === 'createCollectionIfNotExists')).toEqual([]);
    expect(cloud.changes().filter((c) => c.method === 'createFunction').map((c) => (c.args[0] as { func: { name: string } }).func.name)).toEqual(
      functionNames().filter((n) => n >= 'grid'),
    );
    expect([...cloud.functions.keys()].sort()).toEqual(functionNames());
    expect(cloud.uploads).toHaveLength(1);
  });
});
