import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StreetSigns } from '../../types/signs';
import type { SignsOptions } from './args';
import { requestSigns, runningCloud, startCloud } from './cloud';
import { signsPdf } from './pdf';

/** Asks the grid function for the street's signs and writes them as a PDF to `options.out`. */
export async function makeSigns(options: SignsOptions): Promise<StreetSigns> {
  const cloud = options.cloud ? runningCloud(options.cloud) : await startCloud(options.data);
  try {
    const sheet = await requestSigns(cloud.url, options.as, { streetId: options.street, qr: options.qr });
    const pdf = await signsPdf(sheet);
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, pdf);
    return sheet;
  } finally {
    await cloud.stop();
  }
}
