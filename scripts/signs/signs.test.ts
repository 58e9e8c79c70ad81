/**
 * `npm run signs`: a street's signs as a print-ready PDF, read back as a person would read the
 * paper (MuPDF renders each page, jsQR scans its code, the text layer proves the Chinese is
 * embedded), against a local cloud from the demo data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gridLink } from '../../types/links';
import { okData, streetOf, type Body } from '../../tests/support/appealKit';
import { openCloudDb } from '../../tests/support/cloudDb';
import { demo, LocalCloud } from '../../tests/support/localCloud';
import { readPdf } from '../../tests/support/printed';
import { parseSignsArgs, SignsError } from './args';
import { phoneForPrint } from './html';

const ROOT = resolve(__dirname, '..', '..');
const RESULTS = join(ROOT, 'test-results');
const PRINT_MS = 90_000;

let cloud: LocalCloud;
let out: string;
beforeAll(async () => {
  cloud = await LocalCloud.start();
  out = mkdtempSync(join(tmpdir(), 'gridlink-signs-'));
  mkdirSync(RESULTS, { recursive: true });
});
afterAll(async () => {
  await cloud.stop();
  rmSync(out, { recursive: true, force: true });
});

/** The script as a person runs it: `npm run signs -- <args>`. */
function signs(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'index.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: PRINT_MS });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const street = (id: string) => demo.streets.find((s) => s._id === id)!;

describe('printing a street’s signs', () => {
  it(
    'one page per active grid of GS, each scanning to its own grid’s link, with its name, code, chief and the brand printed',
    async () => {
      okData((await cloud.call<Body>('grid', { action: 'retire', code: 'GS-0303' }, streetOf('GS-0303'))).body);
      const file = join(out, 'GS.pdf');
      const run = signs('--street', 'GS', '--out', file, '--cloud', cloud.url);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('钢山街道');

      const pages = readPdf(file, join(RESULTS, 'signs-GS-page1.png'));
      const grids = demo.grids.filter((g) => g.streetId === 'GS' && g.code !== 'GS-0303').sort((a, b) => a.code.localeCompare(b.code));
      expect(pages).toHaveLength(grids.length);
      pages.forEach((page, i) => {
        const grid = grids[i];
        const chief = demo.staff.find((s) => s._id === grid.chiefId)!;
        expect(page.qr).toBe(gridLink(grid.code));
        expect(page.qrSizeCm).toBeGreaterThanOrEqual(6);
        for (const text of [grid.name, grid.code, street('GS').brand, chief.name, phoneForPrint(chief.phone), grid.station!.name, '扫码反映问题']) {
          expect(page.text).toContain(text);
        }
      });
    },
    PRINT_MS,
  );

  it(
    'with --qr mini-program each page carries the grid’s mini-program code (scene g=<code>), on a local cloud of its own',
    () => {
      const file = join(out, 'QQ-mini.pdf');
      const data = mkdtempSync(join(tmpdir(), 'gridlink-signs-cloud-'));
      try {
        const run = signs('--street', 'QQ', '--qr', 'mini-program', '--out', file, '--data', data);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
      } finally {
        rmSync(data, { recursive: true, force: true });
      }
      const pages = readPdf(file, join(RESULTS, 'signs-QQ-mini-page1.png'));
      const codes = demo.grids.filter((g) => g.streetId === 'QQ').map((g) => g.code).sort();
      expect(pages.map((p) => p.qr)).toEqual(codes.map((code) => `scene=g%3D${code}&page=pages/grid/index`));
      pages.forEach((page, i) => expect(page.text).toContain(codes[i]));
      expect(pages.every((p) => p.text.includes(street('QQ').brand))).toBe(true);
    },
    PRINT_MS,
  );
});

describe('names stored with direction and control characters', () => {
  /** What a printed page must not carry: control characters, direction marks, overrides and isolates, the replacement character. */
  const UNPRINTABLE = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFD]/;

  it(
    'print as they read (as records saved before every input was cleaned might hold them), none of those characters on the page',
    async () => {
      const db = openCloudDb(cloud.url);
      const grid = demo.grids.find((g) => g.code === 'FS-0101')!;
      await db.collection('grids').where({ _id: grid._id }).update({
        data: { name: '\u202E凫山测试网格\u0000', station: { name: '第一\u2067服务站\u2069', address: '东关路\u202E1号', hours: '8:30\u0008-18:00' } },
      });
      await db.collection('staff').where({ _id: grid.chiefId }).update({ data: { name: '\u202E王\u0001强' } });
      const file = join(out, 'FS01-planted.pdf');
      const run = signs('--street', 'FS', '--as', `demo-community-${grid.communityId}`, '--out', file, '--cloud', cloud.url);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const page = readPdf(file, join(RESULTS, 'signs-FS01-planted-page1.png')).find((p) => p.qr === gridLink('FS-0101'))!;
      for (const text of ['凫山测试网格', '王强', '第一服务站', '东关路1号', '8:30-18:00']) expect(page.text).toContain(text);
      expect(page.text).not.toMatch(UNPRINTABLE);
    },
    PRINT_MS,
  );
});

describe('refusals', () => {
  beforeAll(async () => {
    const db = openCloudDb(cloud.url);
    await db.collection('streets').add({ data: { _id: 'XS', name: '新设街道', brand: '新气象', categories: [] } });
    await db.collection('staff').add({
      data: { _id: 'street-XS', openid: 'demo-street-XS', name: '新主任', title: '主任', phone: '13800000000', avatar: null, roles: [{ role: 'street', streetId: 'XS' }] },
    });
  });

  it.each([
    ['an unknown street', ['--street', 'ZZ'], '没有找到街道 ZZ'],
    ['a street without active grids', ['--street', 'XS'], '新设街道没有在用的网格'],
    ['someone who is not the street’s staff', ['--street', 'GS', '--as', 'demo-resident-1'], '只有钢山街道或其社区的工作人员可以打印网格码牌'],
  ])('%s: a Chinese reason, a failed exit and no PDF', (_, args, reason) => {
    const file = join(out, `refused-${args[1]}.pdf`);
    const run = signs(...args, '--out', file, '--cloud', cloud.url);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(reason);
    expect(existsSync(file)).toBe(false);
  });

  it('no --out is refused before any work', () => {
    const run = signs('--street', 'GS', '--cloud', cloud.url);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('请用 --out 指定要生成的 PDF 文件');
  });
});

describe('command line', () => {
  it('defaults to the link QR as the street’s demo staff on the project’s own data', () => {
    expect(parseSignsArgs(['--street', 'GS', '--out', 'signs.pdf'])).toEqual({
      street: 'GS',
      out: resolve('signs.pdf'),
      qr: 'link',
      as: 'demo-street-GS',
      cloud: null,
      data: join(ROOT, '.data'),
    });
  });

  it('takes mini-program codes, another identity and a running cloud', () => {
    expect(parseSignsArgs(['--street', 'QQ', '--out', 'a.pdf', '--qr', 'mini-program', '--as', 'demo-community-QQ01', '--cloud', 'http://127.0.0.1:8787/'])).toMatchObject({
      qr: 'miniProgram',
      as: 'demo-community-QQ01',
      cloud: 'http://127.0.0.1:8787',
    });
  });

  it.each([
    ['no street', ['--out', 'a.pdf'], '--street'],
    ['an unknown kind of code', ['--street', 'GS', '--out', 'a.pdf', '--qr', 'svg'], '--qr 只能是'],
    ['an unknown option', ['--street', 'GS', '--out', 'a.pdf', '--colour'], '参数有误'],
  ])('%s is refused in Chinese', (_, args, reason) => {
    expect(() => parseSignsArgs(args)).toThrow(SignsError);
    expect(() => parseSignsArgs(args)).toThrow(reason);
  });
});
