import type CloudBase from '@cloudbase/manager-node';
import type * as MiniProgramCi from 'miniprogram-ci';

/**
 * The parts of CloudBase's management API (`@cloudbase/manager-node`) and of `miniprogram-ci`
 * the deploy uses, typed by the packages' own declarations, so the recording stand-ins in the
 * tests answer exactly what the real packages answer.
 */
export type Manager = {
  env: Pick<CloudBase['env'], 'listEnvs'>;
  functions: Pick<
    CloudBase['functions'],
    'listFunctions' | 'getFunctionDetail' | 'createFunction' | 'updateFunctionCode' | 'updateFunctionConfig' | 'createFunctionTriggers' | 'deleteFunctionTrigger' | 'invokeFunction'
  >;
  database: Pick<CloudBase['database'], 'listCollections' | 'describeCollection' | 'createCollectionIfNotExists' | 'updateCollection'>;
  /** `commonService('tcb')`: DescribeSafeRule / ModifySafeRule (no typed method exists for rules). */
  tcb: Pick<ReturnType<CloudBase['commonService']>, 'call'>;
};

export type Ci = Pick<typeof MiniProgramCi, 'upload' | 'getCompiledResult' | 'checkCodeQuality'>;
export type CiProject = InstanceType<typeof MiniProgramCi.Project>;

/** The management API for `envId` with the operator's API key (constructing it calls nothing). */
export function realManager(envId: string, secretId: string, secretKey: string): Manager {
  // Loaded here, not at the top: a dry run never needs it.
  const CloudBaseClass: typeof CloudBase = require('@cloudbase/manager-node');
  const app = new CloudBaseClass({ secretId, secretKey, envId });
  return { env: app.env, functions: app.functions, database: app.database, tcb: app.commonService('tcb') };
}

/** miniprogram-ci itself (loaded on use: it takes a few seconds to load). */
export function realCi(): typeof MiniProgramCi {
  return require('miniprogram-ci');
}
