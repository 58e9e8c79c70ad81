import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sdkEndpoint, sdkEnvironment } from './sdkEnv';

describe('the SDK is only ever pointed at loopback', () => {
  it.each(['http://127.0.0.1:8787/admin', 'http://localhost:9/admin/c/abc', 'http://[::1]:8787/admin'])('accepts %s', (url) => {
    expect(JSON.parse(sdkEnvironment(url).TCB_CONTEXT_CNFG)).toEqual({ URL: url });
  });

  it.each([
    'https://tcb-api.tencentcloudapi.com/admin',
    'http://10.0.0.5:8787/admin',
    'http://127.0.0.1.example.com/admin',
    'http://192.168.1.2/admin',
  ])('refuses %s, for the whole environment and for a per-call endpoint alike', (url) => {
    expect(() => sdkEnvironment(url)).toThrow(/non-loopback/);
    expect(() => sdkEndpoint(url)).toThrow(/non-loopback/);
  });
});

describe('one place sets the SDK up', () => {
  it('no other source sets the SDK’s credentials (the deploy only reads a city’s keys), or an endpoint not checked by sdkEndpoint', () => {
    const root = resolve(__dirname, '..', '..');
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.(ts|tsx|js|mjs)$/.test(e.name) ? [`${dir}/${e.name}`] : [],
      );
    const setters = ['scripts', 'tests', 'cloudfunctions']
      .flatMap(walk)
      .filter((file) => {
        const text = readFileSync(join(root, file), 'utf8');
        // The deploy reads a city's real keys from .env for the management API (scripts/deploy): it may
        // name them, but never points wx-server-sdk anywhere.
        const deploy = file.startsWith('scripts/deploy/');
        return /TCB_CONTEXT_CNFG\s*[:=](?!\s*sdkEndpoint\()/.test(text) || (!deploy && /TENCENTCLOUD_SECRET(ID|KEY)\s*[:=]/.test(text));
      });
    expect(setters).toEqual(['scripts/localcloud/sdkEnv.ts']);
  });
});
