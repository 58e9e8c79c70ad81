import { gridEntry, type GridEntry } from './gridEntry';

const ok = (code: string, source: 'scene' | 'q' | 'code'): GridEntry => ({ ok: true, code, source });
const malformed: GridEntry = { ok: false, reason: 'malformed' };
const missing: GridEntry = { ok: false, reason: 'missing' };

describe('gridEntry: router params → one grid code or a reason', () => {
  it.each<[string, Record<string, unknown> | null | undefined, GridEntry]>([
    // mini-program code (scene)
    ['scene as WeChat delivers it (URI-encoded)', { scene: 'g%3DGS-0101' }, ok('GS-0101', 'scene')],
    ['scene already decoded by the router', { scene: 'g=GS-0101' }, ok('GS-0101', 'scene')],
    ['scene with other keys around g', { scene: 'x%3D1%26g%3DQQ-0203%26v%3D2' }, ok('QQ-0203', 'scene')],
    ['scene code in lower case with spaces', { scene: 'g%3D%20gs-0101%20' }, ok('GS-0101', 'scene')],
    ['scene double-encoded (decoded once only)', { scene: 'g%253DGS-0101' }, malformed],
    ['scene with a bad % sequence', { scene: 'g%3DGS-01%E0%A4%A' }, malformed],
    ['scene without g', { scene: 'id%3DGS-0101' }, malformed],
    ['scene with empty g', { scene: 'g%3D' }, malformed],
    ['scene that is just a code', { scene: 'GS-0101' }, malformed],
    ['scene with characters a code never has', { scene: 'g%3DGS_01%2F01' }, malformed],
    ['scene with a code too long', { scene: 'g%3D' + 'A'.repeat(21) }, malformed],
    ['scene wins over q and code', { scene: 'g%3DGS-0101', q: 'x', code: 'FS-0001' }, ok('GS-0101', 'scene')],
    // ordinary QR (q)
    ['q as WeChat delivers it', { q: encodeURIComponent('https://grid.example.cn/g/FS-0302') }, ok('FS-0302', 'q')],
    ['q with a trailing slash and query', { q: encodeURIComponent('https://grid.example.cn/g/FS-0302/?from=sign') }, ok('FS-0302', 'q')],
    ['q under a path prefix', { q: encodeURIComponent('https://example.cn/gridlink/g/fs-0302') }, ok('FS-0302', 'q')],
    ['q over http', { q: encodeURIComponent('http://grid.example.cn/g/FS-0302#top') }, ok('FS-0302', 'q')],
    ['q double-encoded', { q: encodeURIComponent(encodeURIComponent('https://grid.example.cn/g/FS-0302')) }, malformed],
    ['q with a bad % sequence', { q: 'https%3A%2F%2Fx.cn%2Fg%2F%ZZ' }, malformed],
    ['q without /g/', { q: encodeURIComponent('https://grid.example.cn/grid/FS-0302') }, malformed],
    ['q with nothing after /g/', { q: encodeURIComponent('https://grid.example.cn/g/') }, malformed],
    ['q with more path after the code', { q: encodeURIComponent('https://grid.example.cn/g/FS-0302/extra') }, malformed],
    ['q that is not a link', { q: 'hello' }, malformed],
    ['q with javascript:', { q: encodeURIComponent('javascript:alert(1)//g/FS-0302') }, malformed],
    // H5 / in-app (code)
    ['code', { code: 'GS-0101' }, ok('GS-0101', 'code')],
    ['code lower case', { code: 'gs-0101' }, ok('GS-0101', 'code')],
    ['code URI-encoded', { code: 'GS%2D0101' }, ok('GS-0101', 'code')],
    ['code with an injection attempt', { code: '{"$ne":null}' }, malformed],
    ['code with a bad % sequence', { code: '%E0%A4%A' }, malformed],
    ['code too short', { code: 'G1' }, malformed],
    // nothing to go on
    ['no params', {}, missing],
    ['null params', null, missing],
    ['undefined params', undefined, missing],
    ['only unrelated keys', { from: 'share', scancode_time: '1732400000' }, missing],
    ['empty values', { scene: '', q: '  ', code: '' }, missing],
    ['non-string values', { scene: 42, q: { x: 1 }, code: ['GS-0101'] }, missing],
  ])('%s', (_, params, expected) => {
    expect(gridEntry(params)).toEqual(expected);
  });

  it('never throws, whatever it is given', () => {
    const junk = ['%', '%%', '%u0041', '\u0000', 'g=%', '=', '&&&', 'https://', '/g/', '💥', 'g%3D💥'];
    for (const v of junk) {
      for (const key of ['scene', 'q', 'code']) {
        expect(() => gridEntry({ [key]: v })).not.toThrow();
        expect(gridEntry({ [key]: v }).ok).toBe(false);
      }
    }
  });
});
