import { statSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS_OUT, ROOT, functionNames } from '../functions';
import { sdkEnvironment } from '../localcloud/sdkEnv';
import { kb, median, ratio, run, table } from './measure';

const RUNS = 7;
// The variables the local cloud sets: without them the SDK probes the network at load.
const SDK_ENV = sdkEnvironment('http://127.0.0.1:9/admin');

/** Milliseconds to `require` a module in a fresh Node process, median of several. */
function coldRequireMs(target: string): number {
  const probe = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times = Array.from({ length: RUNS }, () => Number(run(process.execPath, ['-e', probe], ROOT, SDK_ENV)));
  return median(times);
}

export function benchColdStart() {
  console.log(`\n## Cloud function bundles: size and cold require (median of ${RUNS} fresh processes)`);
  const bare = coldRequireMs(require.resolve('wx-server-sdk', { paths: [ROOT] }));
  const rows = functionNames().map((name) => {
    const file = join(FUNCTIONS_OUT, name, 'index.js');
    const ms = coldRequireMs(file);
    return { function: name, bundle: kb(statSync(file).size), 'cold require': `${ms.toFixed(0)} ms`, 'vs bare wx-server-sdk': ratio(ms, bare) };
  });
  table([...rows, { function: '(bare wx-server-sdk)', bundle: '—', 'cold require': `${bare.toFixed(0)} ms`, 'vs bare wx-server-sdk': '1.00×' }]);
}
