import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { startLocalCloud } from './server';

const ROOT = resolve(__dirname, '..', '..');

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      data: { type: 'string', default: join(ROOT, '.data') },
      functions: { type: 'string', default: join(ROOT, 'dist', 'cloudfunctions') },
      'no-timers': { type: 'boolean', default: false },
    },
  });
  const cloud = await startLocalCloud({
    port: Number(values.port),
    dataDir: resolve(values.data!),
    functionsDir: resolve(values.functions!),
    h5Dir: join(ROOT, 'dist', 'h5'),
    demoFile: join(ROOT, 'demo', 'zoucheng.json'),
    timers: !values['no-timers'],
  });
  console.log(`GridLink local cloud: ${cloud.url}`);
  console.log(`  try a grid: ${cloud.url}/g/GS-0101`);
  const stop = () => cloud.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
