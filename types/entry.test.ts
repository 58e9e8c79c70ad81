import { entryOf, readLink, type Entry } from './entry';
import { gridLink, inviteLink } from './links';

const grid = (code: string): Entry => ({ ok: true, code });
const malformed: Entry = { ok: false, reason: 'malformed' };
const missing: Entry = { ok: false, reason: 'missing' };
const SIGN = 'https://grid.zoucheng.example.cn';

/** The ways a printed link reaches GridLink mangled, each with what it must read as. */
const MANGLED_LINKS: Array<[string, string, Entry]> = [
  ['as printed', `${SIGN}/g/GS-0101`, grid('GS-0101')],
  ['over http', 'http://grid.zoucheng.example.cn/g/GS-0101', grid('GS-0101')],
  ['scheme in capitals', 'HTTPS://GRID.ZOUCHENG.EXAMPLE.CN/g/GS-0101', grid('GS-0101')],
  ['a trailing slash', `${SIGN}/g/GS-0101/`, grid('GS-0101')],
  ['a double slash before g', `${SIGN}//g/GS-0101`, grid('GS-0101')],
  ['a double slash before the code', `${SIGN}/g//GS-0101`, grid('GS-0101')],
  ['a query string after the code', `${SIGN}/g/GS-0101?from=sign&v=2`, grid('GS-0101')],
  ['a query string after a trailing slash', `${SIGN}/g/GS-0101/?from=sign`, grid('GS-0101')],
  ['a fragment after the code', `${SIGN}/g/GS-0101#top`, grid('GS-0101')],
  ['a lower-case code', `${SIGN}/g/gs-0101`, grid('GS-0101')],
  ['a full-width code', `${SIGN}/g/ＧＳ－０１０１`, grid('GS-0101')],
  ['a full-width code percent-encoded (as a browser sends it)', `${SIGN}/g/${encodeURIComponent('ＧＳ－０１０１')}`, grid('GS-0101')],
  ['a code with an en dash', `${SIGN}/g/GS–0101`, grid('GS-0101')],
  ['the code percent-encoded', `${SIGN}/g/GS%2D0101`, grid('GS-0101')],
  ['the code encoded twice', `${SIGN}/g/${encodeURIComponent(encodeURIComponent('ＧＳ－０１０１'))}`, grid('GS-0101')],
  ['the whole link encoded twice', encodeURIComponent(encodeURIComponent(`${SIGN}/g/GS-0101`)), grid('GS-0101')],
  ['a path prefix in front (a deployment under a folder)', 'https://example.cn/gridlink/g/GS-0101', grid('GS-0101')],
  ['only the path (the local cloud reads its request)', '/g/GS-0101', grid('GS-0101')],
  ['a zero-width space pasted after the code', `${SIGN}/g/GS-0101\u200B`, grid('GS-0101')],
  ['percent-garbage instead of a code', `${SIGN}/g/%ZZ`, malformed],
  ['percent-garbage after a code', `${SIGN}/g/GS-0101%E0%A4%A`, malformed],
  ['an extra path segment after the code', `${SIGN}/g/GS-0101/extra`, malformed],
  ['two codes', `${SIGN}/g/GS-0101/GS-0102`, malformed],
  ['characters a code never has', `${SIGN}/g/GS_01<b>`, malformed],
  ['a code too long', `${SIGN}/g/${'A'.repeat(21)}`, malformed],
  ['an operator where the code belongs', `${SIGN}/g/${encodeURIComponent('{"$ne":null}')}`, malformed],
  ['nothing after /g/', `${SIGN}/g/`, missing],
];

describe('readLink: one parser for the ordinary-QR links', () => {
  it.each(MANGLED_LINKS)('a grid link with %s', (_, link, entry) => {
    expect(readLink(link)).toEqual({ kind: 'grid', entry });
  });

  it.each([
    ['as issued', inviteLink('ABCD2345'), { ok: true, code: 'ABCD2345' }],
    ['in lower case with a trailing slash', `${SIGN}/i/abcd2345/`, { ok: true, code: 'ABCD2345' }],
    ['full-width', `${SIGN}/i/ＡＢＣＤ２３４５`, { ok: true, code: 'ABCD2345' }],
    ['with look-alike characters', `${SIGN}/i/ABC0O1IL`, malformed],
    ['with percent-garbage', `${SIGN}/i/%ZZ`, malformed],
  ])('an invite link %s', (_, link, entry) => {
    expect(readLink(link)).toEqual({ kind: 'invite', entry });
  });

  it('reads back every link GridLink prints', () => {
    expect(readLink(gridLink('GS-0101'))).toEqual({ kind: 'grid', entry: grid('GS-0101') });
  });

  it.each([
    ['a link elsewhere on the domain', `${SIGN}/grid/GS-0101`],
    ['a code in the query string only', `${SIGN}/other?next=/g/GS-0101`],
    ['a javascript: link', 'javascript:alert(1)//g/GS-0101'],
    ['not a link', 'hello'],
  ])('is not a GridLink link: %s', (_, link) => {
    expect(readLink(link)).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    for (const junk of ['%', '%%', '%u0041', '\u0000', '/g/%', '//', 'https://', '/g/💥', '\uD800', `/g/${'%25'.repeat(50)}`]) {
      expect(() => readLink(junk)).not.toThrow();
    }
  });
});

describe('entryOf: the grid page opened by scene, q or code', () => {
  it.each<[string, Record<string, unknown> | null | undefined, Entry]>([
    ['scene as WeChat delivers it (URI-encoded)', { scene: 'g%3DGS-0101' }, grid('GS-0101')],
    ['scene already decoded by the router', { scene: 'g=GS-0101' }, grid('GS-0101')],
    ['scene with other keys around g', { scene: 'x%3D1%26g%3DQQ-0203%26v%3D2' }, grid('QQ-0203')],
    ['scene code in lower case with spaces', { scene: 'g%3D%20gs-0101%20' }, grid('GS-0101')],
    ['scene encoded twice', { scene: 'g%253DGS-0101' }, grid('GS-0101')],
    ['scene with a bad % sequence', { scene: 'g%3DGS-01%E0%A4%A' }, malformed],
    ['scene without g', { scene: 'id%3DGS-0101' }, malformed],
    ['scene with empty g', { scene: 'g%3D' }, malformed],
    ['scene that is just a code', { scene: 'GS-0101' }, malformed],
    ['scene with characters a code never has', { scene: 'g%3DGS_01%2F01' }, malformed],
    ['scene wins over q and code', { scene: 'g%3DGS-0101', q: 'x', code: 'FS-0001' }, grid('GS-0101')],
    ['q as WeChat delivers it', { q: encodeURIComponent(`${SIGN}/g/FS-0302`) }, grid('FS-0302')],
    ['q with a trailing slash (the redirect gets it as is)', { q: encodeURIComponent(`${SIGN}/g/FS-0302/`) }, grid('FS-0302')],
    ['q with percent-garbage', { q: encodeURIComponent(`${SIGN}/g/%ZZ`) }, malformed],
    ['q with a bad % sequence in the link itself', { q: 'https%3A%2F%2Fx.cn%2Fg%2F%ZZ' }, malformed],
    ['q with nothing after /g/', { q: encodeURIComponent(`${SIGN}/g/`) }, malformed],
    ['q that is an invite link', { q: encodeURIComponent(inviteLink('ABCD2345')) }, malformed],
    ['q that is not a link', { q: 'hello' }, malformed],
    ['code', { code: 'GS-0101' }, grid('GS-0101')],
    ['code full-width', { code: 'ＧＳ－０１０１' }, grid('GS-0101')],
    ['code URI-encoded', { code: 'GS%2D0101' }, grid('GS-0101')],
    ['code with an injection attempt', { code: '{"$ne":null}' }, malformed],
    ['code with a bad % sequence', { code: '%E0%A4%A' }, malformed],
    ['code too short', { code: 'G1' }, malformed],
    ['no params', {}, missing],
    ['null params', null, missing],
    ['undefined params', undefined, missing],
    ['only unrelated keys', { from: 'share', scancode_time: '1732400000' }, missing],
    ['empty values', { scene: '', q: '  ', code: '' }, missing],
    ['non-string values', { scene: 42, q: { x: 1 }, code: ['GS-0101'] }, missing],
  ])('%s', (_, params, expected) => {
    expect(entryOf('grid', params)).toEqual(expected);
  });

  it('never throws, whatever it is given', () => {
    for (const v of ['%', '%%', '%u0041', '\u0000', 'g=%', '=', '&&&', 'https://', '/g/', '💥', 'g%3D💥']) {
      for (const key of ['scene', 'q', 'code']) {
        expect(() => entryOf('grid', { [key]: v })).not.toThrow();
        expect(entryOf('grid', { [key]: v }).ok).toBe(false);
      }
    }
  });
});

describe('entryOf: the join page opened by scene, q or code', () => {
  it.each<[string, Record<string, string | undefined>, Entry]>([
    ['a scanned mini-program code', { scene: 'i%3DABCD2345' }, { ok: true, code: 'ABCD2345' }],
    ['a scene WeChat already decoded', { scene: 'i=ABCD2345' }, { ok: true, code: 'ABCD2345' }],
    ['a scene with another key first', { scene: 'v%3D2%26i%3Dabcd2345' }, { ok: true, code: 'ABCD2345' }],
    ['an ordinary QR link', { q: encodeURIComponent(inviteLink('ABCD2345')) }, { ok: true, code: 'ABCD2345' }],
    ['an ordinary QR link with a trailing slash', { q: encodeURIComponent(`${inviteLink('ABCD2345')}/`) }, { ok: true, code: 'ABCD2345' }],
    ['a share card', { code: 'ABCD2345' }, { ok: true, code: 'ABCD2345' }],
    ['a typed code in lower case with spaces', { code: ' abcd2345 ' }, { ok: true, code: 'ABCD2345' }],
    ['a full-width typed code', { code: 'ａｂｃｄ２３４５' }, { ok: true, code: 'ABCD2345' }],
    ['a scene for a grid, not an invite', { scene: 'g%3DGS-0101' }, malformed],
    ['a link to a grid sign', { q: encodeURIComponent(gridLink('GS-0101')) }, malformed],
    ['look-alike characters', { code: 'ABC0O1IL' }, malformed],
    ['a bad % sequence', { scene: 'i%3DAB%E0%A4%A' }, malformed],
    ['nothing', {}, missing],
  ])('%s', (_, params, expected) => {
    expect(entryOf('invite', params)).toEqual(expected);
  });
});
