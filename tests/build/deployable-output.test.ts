import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Runs after `npm run build` (the test command builds first): what WeChat DevTools opens.
const ROOT = resolve(__dirname, '..', '..');
const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'));
const appRoot = join(ROOT, project.miniprogramRoot);
const functionsRoot = join(ROOT, project.cloudfunctionRoot);
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the mini-program build', () => {
  const app = JSON.parse(readFileSync(join(appRoot, 'app.json'), 'utf8'));

  it('lists its pages with the grid page first and loads components lazily', () => {
    expect(app.pages[0]).toBe('pages/grid/index');
    expect(app.lazyCodeLoading).toBe('requiredComponents');
  });

  it.each(['js', 'json', 'wxml', 'wxss'])('has a .%s file for every page', (ext) => {
    const pages: string[] = JSON.parse(readFileSync(join(appRoot, 'app.json'), 'utf8')).pages;
    for (const page of pages) expect(existsSync(join(appRoot, `${page}.${ext}`))).toBe(true);
  });

  it('keeps ECharts in the assessment subpackage, out of the main package', () => {
    const scripts = (dir: string): string[] =>
      readdirSync(join(appRoot, dir), { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? scripts(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : [],
      );
    // The attribute every echarts instance marks its element with survives minification.
    const withECharts = scripts('.').filter((file) => readFileSync(join(appRoot, file), 'utf8').includes('_echarts_instance_'));
    expect(withECharts).not.toEqual([]);
    for (const file of withECharts) expect(file).toMatch(/^packages\/assessment\//);
  });
});

describe('the cloud functions build', () => {
  const names = readdirSync(join(ROOT, 'cloudfunctions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'cloudfunctions', d.name, 'config.json')))
    .map((d) => d.name);

  it('builds at least the grid function', () => {
    expect(names).toContain('grid');
  });

  it.each(names)('%s is one folder with index.js, package.json and config.json', (name) => {
    const dir = join(functionsRoot, name);
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.main).toBe('index.js');
    expect(manifest.dependencies).toEqual({ 'wx-server-sdk': rootPackage.dependencies['wx-server-sdk'] });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toHaveProperty('permissions.openapi');
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(bundle).toMatch(/require\("wx-server-sdk"\)/);
    expect(bundle).not.toMatch(/require\("(zod|dayjs)/);
  });
});
