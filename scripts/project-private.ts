import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './functions';

// The appid is per developer and per deployment, so it lives in .env, never in the committed
// project.config.json; DevTools lays project.private.config.json over the committed file.
const envFile = join(ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
const appid = process.env.TARO_APP_ID?.trim();
if (appid) {
  writeFileSync(join(ROOT, 'project.private.config.json'), `${JSON.stringify({ appid }, null, 2)}\n`);
  console.log(`project.private.config.json: appid ${appid}`);
} else {
  console.log('no TARO_APP_ID in .env: WeChat DevTools opens the project with the tourist appid');
}
