import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../functions';
import type { SignsOptions } from '../signs/args';
import { startCloud } from '../signs/cloud';
import { makeSigns } from '../signs/make';
import { table } from './measure';

const STREET = 'GS';

/** Seconds `npm run signs` takes for one street against a running local cloud, browser start included. */
export async function benchSigns() {
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.bench', 'signs-'));
  const cloud = await startCloud(join(dir, 'data')).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  try {
    const rows: Array<Record<string, string | number>> = [];
    const print = async (label: string, qr: SignsOptions['qr']) => {
      const started = performance.now();
      const sheet = await makeSigns({ street: STREET, out: join(dir, `${qr}.pdf`), qr, as: `demo-street-${STREET}`, cloud: cloud.url, data: dir });
      rows.push({ run: label, grids: sheet.signs.length, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) });
    };
    await print('link QR', 'link');
    await print('mini-program codes, made now', 'miniProgram');
    await print('mini-program codes, stored', 'miniProgram');
    console.log(`\n## Printable signs: one street (${STREET}) as an A4 PDF`);
    table(rows);
  } finally {
    await cloud.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
