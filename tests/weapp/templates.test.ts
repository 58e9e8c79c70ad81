import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes, WEAPP } from './harness';

/** WeChat's own template compiler (wcc, from miniprogram-compiler) over all of dist/weapp. */
const { wxmlToJs } = require('miniprogram-compiler') as { wxmlToJs: (root: string) => string };

/** The compiled templates as WeChat's view layer loads them: path → template function. */
function compileAll(root: string): (path: string) => unknown {
  // eslint-disable-next-line no-new-func
  return new Function(wxmlToJs(root))() as (path: string) => unknown;
}

describe('the official template compiler', () => {
  it('compiles every WXML and WXS file of dist/weapp, with a template for every route', () => {
    const gwx = compileAll(WEAPP);
    for (const route of routes()) expect(typeof gwx(`${route}.wxml`)).toBe('function');
    expect(gwx('pages/none/index.wxml')).toBeUndefined();
  });

  it('rejects a broken WXML file, naming the file and the line', () => {
    const copy = mkdtempSync(join(tmpdir(), 'gridlink-weapp-'));
    try {
      cpSync(WEAPP, copy, { recursive: true });
      const file = join(copy, 'pages', 'search', 'index.wxml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n<view class="broken">\n`);
      expect(() => compileAll(copy)).toThrow(/pages\/search\/index\.wxml:\d+:\d+: end tag missing, near `view`/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
