import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './functions';

// Three processes, one Ctrl-C: the functions rebuilt on change (the local cloud reloads a
// bundle when its file changes), the H5 app on Taro's dev server, and the local cloud itself
// unless one already answers at GRIDLINK_CLOUD_URL.
const cloudUrl = process.env.GRIDLINK_CLOUD_URL ?? 'http://127.0.0.1:8787';
const children: ChildProcess[] = [];

function run(name: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.log(`[dev] ${name} stopped (${code ?? 'signal'})`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

function shutdown(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}

async function cloudIsUp(): Promise<boolean> {
  try {
    return (await fetch(`${cloudUrl}/api/dev/identities`)).ok;
  } catch {
    return false;
  }
}

async function main() {
  run('functions', ['--import', 'tsx', join(ROOT, 'scripts', 'build-functions.ts'), '--watch']);
  if (await cloudIsUp()) console.log(`[dev] using the local cloud at ${cloudUrl}`);
  else run('local cloud', ['--import', 'tsx', join(ROOT, 'scripts', 'localcloud', 'main.ts'), '--port', new URL(cloudUrl).port || '80']);
  run('h5', [join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5', '--watch'], { NODE_ENV: 'development', GRIDLINK_CLOUD_URL: cloudUrl });
  console.log('[dev] the app: http://127.0.0.1:10086 (a grid: http://127.0.0.1:10086/g/GS-0101)');
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main();
