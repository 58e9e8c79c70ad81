import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../functions';
import { folderBytes, kb, ratio, run, table } from './measure';
import { byOwner, mainPackageFiles, mainPackageModules, subpackageRoots } from './packageModules';

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

const TOP_MODULES = 20;
const sum = (files: Map<string, number>) => [...files.values()].reduce((a, b) => a + b, 0);
const ofCap = (bytes: number) => `${((bytes / (2048 * 1024)) * 100).toFixed(1)}%`;

/** The main package file by file beside the bare app's: where the difference lies. */
function fileRows(gridlink: Map<string, number>, bare: Map<string, number>) {
  const files = [...new Set([...gridlink.keys(), ...bare.keys()])];
  const rows = files.map((file) => ({ file, gridlink: gridlink.get(file) ?? 0, bare: bare.get(file) ?? 0 }));
  return rows
    .sort((a, b) => b.gridlink - b.bare - (a.gridlink - a.bare))
    .map((r) => ({ file: r.file, GridLink: kb(r.gridlink), bare: kb(r.bare), difference: kb(r.gridlink - r.bare) }));
}

export function benchPackageSize() {
  console.log('\n## Mini-program main package (weapp, source maps excluded; subpackages load on demand)');
  const report = join(ROOT, '.bench', 'weapp-modules.json');
  run(process.execPath, [TARO, 'build', '--type', 'weapp'], ROOT, { NODE_ENV: 'production', GRIDLINK_BUNDLE_REPORT: report });
  const dist = join(ROOT, 'dist', 'weapp');
  const roots = subpackageRoots(dist);
  const files = mainPackageFiles(dist, roots);
  const gridlink = sum(files);
  const bareFiles = mainPackageFiles(buildBareApp());
  const bare = sum(bareFiles);
  table([
    { app: 'GridLink', size: kb(gridlink), 'vs bare': ratio(gridlink, bare), 'of 2 MB cap': ofCap(gridlink) },
    { app: 'bare Taro React', size: kb(bare), 'vs bare': ratio(bare, bare), 'of 2 MB cap': ofCap(bare) },
    ...roots.map((root) => {
      const bytes = folderBytes(join(dist, root));
      return { app: `subpackage ${root}`, size: kb(bytes), 'vs bare': '—', 'of 2 MB cap': ofCap(bytes) };
    }),
  ]);
  console.log('\nThe main package file by file, beside the bare app:');
  table(fileRows(files, bareFiles));
  console.log(`\nThe ${TOP_MODULES} largest modules of the main package's scripts (minified bytes, per npm package or source file):`);
  table(byOwner(mainPackageModules(report, roots)).slice(0, TOP_MODULES).map((m) => ({ module: m.module, chunks: m.chunks.join(' '), size: kb(m.bytes) })));
}
