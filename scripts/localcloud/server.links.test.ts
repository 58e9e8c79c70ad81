import * as http from 'node:http';
import { entryOf } from '../../types/entry';
import { LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

/** GET of a path exactly as given (no client-side normalisation), answering status and Location. */
function get(path: string): Promise<{ status: number; location: string }> {
  const { hostname, port } = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The page a redirect lands on and its parameters, as the H5 hash router hands them over. */
function landing(location: string): { page: string; params: Record<string, string> } {
  const [page, query = ''] = location.replace(/^\/#\//, '').split('?');
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

const fullWidth = encodeURIComponent('ＧＳ－０１０１');

describe('the local cloud’s ordinary-QR links: one parser with the pages', () => {
  it.each([
    ['as printed', '/g/GS-0101'],
    ['a trailing slash', '/g/GS-0101/'],
    ['a double slash in front', '//g/GS-0101'],
    ['a double slash before the code', '/g//GS-0101'],
    ['a query string after the code', '/g/GS-0101?from=sign'],
    ['a query string after a trailing slash', '/g/GS-0101/?from=sign'],
    ['a lower-case code', '/g/gs-0101'],
    ['a full-width code', `/g/${fullWidth}`],
    ['a code encoded twice', `/g/${encodeURIComponent(fullWidth)}`],
    ['an upper-case G', '/G/GS-0101'],
  ])('%s lands on the grid page with its code', async (_, path) => {
    const { status, location } = await get(path);
    expect(status).toBe(302);
    expect(landing(location)).toEqual({ page: 'pages/grid/index', params: { code: 'GS-0101' } });
  });

  it.each([
    ['percent-garbage', '/g/%ZZ'],
    ['a bad UTF-8 sequence', '/g/GS-01%E0%A4%A'],
    ['an extra path segment', '/g/GS-0101/extra'],
    ['characters a code never has', '/g/GS_01%3Cb%3E'],
    ['nothing after /g/', '/g/'],
  ])('%s lands on the grid page with the link as it came, which the page calls malformed', async (_, path) => {
    const { status, location } = await get(path);
    expect(status).toBe(302);
    const { page, params } = landing(location);
    expect(page).toBe('pages/grid/index');
    expect(params.q).toBe(`${cloud.url}${path}`);
    expect(entryOf('grid', params)).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each([
    ['as issued', '/i/ABCD2345', { code: 'ABCD2345' }],
    ['in lower case with a trailing slash', '/i/abcd2345/', { code: 'ABCD2345' }],
    ['full-width', `/i/${encodeURIComponent('ＡＢＣＤ２３４５')}`, { code: 'ABCD2345' }],
  ])('an invite link %s lands on the join page with its code', async (_, path, params) => {
    const { status, location } = await get(path);
    expect(status).toBe(302);
    expect(landing(location)).toEqual({ page: 'packages/staff/join/index', params });
  });

  it('an invite link with percent-garbage lands on the join page, which calls it malformed', async () => {
    const { location } = await get('/i/%ZZ');
    const { page, params } = landing(location);
    expect(page).toBe('packages/staff/join/index');
    expect(entryOf('invite', params)).toEqual({ ok: false, reason: 'malformed' });
  });
});
