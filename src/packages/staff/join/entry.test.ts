import { inviteEntry } from './entry';

describe('how the join page was opened', () => {
  it.each<[string, Record<string, string | undefined>, ReturnType<typeof inviteEntry>]>([
    ['a scanned mini-program code', { scene: 'i%3DABCD2345' }, { ok: true, code: 'ABCD2345' }],
    ['a scene WeChat already decoded', { scene: 'i=ABCD2345' }, { ok: true, code: 'ABCD2345' }],
    ['a scene with another key first', { scene: 'v%3D2%26i%3Dabcd2345' }, { ok: true, code: 'ABCD2345' }],
    ['an ordinary QR link', { q: encodeURIComponent('https://grid.zoucheng.example.cn/i/ABCD2345') }, { ok: true, code: 'ABCD2345' }],
    ['a share card', { code: 'ABCD2345' }, { ok: true, code: 'ABCD2345' }],
    ['a typed code in lower case with spaces', { code: ' abcd2345 ' }, { ok: true, code: 'ABCD2345' }],
    ['a scene for a grid, not an invite', { scene: 'g%3DGS-0101' }, { ok: false, reason: 'malformed' }],
    ['a link to a grid sign', { q: encodeURIComponent('https://grid.zoucheng.example.cn/g/GS-0101') }, { ok: false, reason: 'malformed' }],
    ['look-alike characters', { code: 'ABC0O1IL' }, { ok: false, reason: 'malformed' }],
    ['a bad % sequence', { scene: 'i%3DAB%E0%A4%A' }, { ok: false, reason: 'malformed' }],
    ['nothing', {}, { ok: false, reason: 'missing' }],
  ])('%s', (_, params, expected) => {
    expect(inviteEntry(params)).toEqual(expected);
  });
});
