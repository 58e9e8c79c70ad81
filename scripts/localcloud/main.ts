import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { startLocalCloud } from './server';
import { isLoopback } from './tcb';

const ROOT = resolve(__dirname, '..', '..');

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: join(ROOT, '.data') },
      functions: { type: 'string', default: join(ROOT, 'dist', 'cloudfunctions') },
      'no-timers': { type: 'boolean', default: false },
    },
  });
  const cloud = await startLocalCloud({
    port: Number(values.port),
    host: values.host,
    dataDir: resolve(values.data!),
    functionsDir: resolve(values.functions!),
    h5Dir: join(ROOT, 'dist', 'h5'),
    demoFile: join(ROOT, 'demo', 'zoucheng.json'),
    timers: !values['no-timers'],
  });
  // One write, so whoever reads the first line (spawn.ts) has the whole banner.
  console.log(
    [
      `GridLink local cloud: ${cloud.url}`,
      `  try a grid: ${cloud.url}/g/GS-0101`,
      '  for development, tests and demos only: NOT a server for real residents (anyone who reaches it can act as anyone)',
      '  本地云仅供开发、测试和演示使用，不是给居民使用的服务器',
      ...(values.host === 'localhost' || isLoopback(values.host)
        ? []
        : [`  listening on ${values.host}: the app and /api/fn are open to the network; /api/dev/* and /admin still answer only on this machine`]),
    ].join('\n'),
  );
  const stop = () => cloud.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
