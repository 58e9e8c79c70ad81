import { build, context, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS_OUT, FUNCTIONS_SRC, ROOT, functionNames } from './functions';

const SDK = 'wx-server-sdk';
const sdkVersion: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies[SDK];

// CloudBase's Node runtimes start at 16; the SDK stays external because the platform installs
// it from each folder's package.json, which is why that file lists nothing else.
const options = (name: string): BuildOptions => ({
  entryPoints: [join(FUNCTIONS_SRC, name, 'index.ts')],
  outfile: join(FUNCTIONS_OUT, name, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  external: [SDK],
  logLevel: 'warning',
});

function writeManifest(name: string) {
  const dir = join(FUNCTIONS_OUT, name);
  mkdirSync(dir, { recursive: true });
  const manifest = { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { [SDK]: sdkVersion } };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(join(FUNCTIONS_SRC, name, 'config.json'), join(dir, 'config.json'));
}

async function main() {
  const watch = process.argv.includes('--watch');
  const names = functionNames();
  if (!watch) rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  for (const name of names) {
    writeManifest(name);
    if (watch) await (await context(options(name))).watch();
    else await build(options(name));
  }
  console.log(`cloud functions ${watch ? 'watching' : 'built'}: ${names.join(', ')} → ${FUNCTIONS_OUT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
