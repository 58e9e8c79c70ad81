import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../functions';
import { folderBytes, kb, ratio, run, table } from './measure';

const TARO = join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');

// The smallest Taro React app: one page, one View. Built with the same Taro and config shape,
// it is the floor the GridLink package is compared with.
const BARE_APP: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bare-taro', private: true, dependencies: { react: '*', '@tarojs/taro': '*' } }),
  'babel.config.js': "module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };",
  'config/index.ts': `import { defineConfig } from '@tarojs/cli';
export default defineConfig<'webpack5'>({ projectName: 'bare', sourceRoot: 'src', outputRoot: 'dist/weapp', framework: 'react', compiler: 'webpack5', designWidth: 750, deviceRatio: { 750: 1 }, plugins: [] });`,
  'src/app.config.ts': "export default defineAppConfig({ pages: ['pages/index/index'] });",
  'src/app.ts': "import { PropsWithChildren } from 'react';\nexport default function App({ children }: PropsWithChildren) { return children; }",
  'src/pages/index/index.config.ts': 'export default definePageConfig({});',
  'src/pages/index/index.tsx': "import { View } from '@tarojs/components';\nexport default function Index() { return <View>hello</View>; }",
  'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true } }),
};

function buildBareApp(): string {
  const dir = join(ROOT, '.bench', 'bare-taro');
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(BARE_APP)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  run(process.execPath, [TARO, 'build', '--type', 'weapp'], dir, { NODE_ENV: 'production' });
  return join(dir, 'dist', 'weapp');
}

/** The main package: everything built but the subpackage folders app.json names. */
function mainPackageBytes(dir: string): { main: number; subpackages: Array<{ root: string; bytes: number }> } {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const subpackages = (app.subPackages ?? []).map(({ root }) => ({ root, bytes: folderBytes(join(dir, root)) }));
  return { main: folderBytes(dir) - subpackages.reduce((sum, p) => sum + p.bytes, 0), subpackages };
}

export function benchPackageSize() {
  console.log('\n## Mini-program main package (weapp, source maps excluded; subpackages load on demand)');
  run(process.execPath, [TARO, 'build', '--type', 'weapp'], ROOT, { NODE_ENV: 'production' });
  const { main: gridlink, subpackages } = mainPackageBytes(join(ROOT, 'dist', 'weapp'));
  const bare = folderBytes(buildBareApp());
  table([
    { app: 'GridLink', size: kb(gridlink), 'vs bare': ratio(gridlink, bare), 'of 2 MB cap': `${((gridlink / (2048 * 1024)) * 100).toFixed(1)}%` },
    { app: 'bare Taro React', size: kb(bare), 'vs bare': ratio(bare, bare), 'of 2 MB cap': `${((bare / (2048 * 1024)) * 100).toFixed(1)}%` },
    ...subpackages.map((p) => ({ app: `subpackage ${p.root}`, size: kb(p.bytes), 'vs bare': '—', 'of 2 MB cap': `${((p.bytes / (2048 * 1024)) * 100).toFixed(1)}%` })),
  ]);
}
