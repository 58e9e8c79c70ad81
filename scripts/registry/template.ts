import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../functions';
import { registryCsv, registryWorkbook } from './workbook';

/** Writes the registry templates street offices fill in: `npm run registry:template`. */
async function main() {
  const xlsx = join(ROOT, 'templates', 'grid-registry-template.xlsx');
  const csv = join(ROOT, 'templates', 'grid-registry-template.csv');
  writeFileSync(xlsx, await registryWorkbook([]));
  writeFileSync(csv, registryCsv([]));
  console.log(`registry templates written:\n  ${xlsx}\n  ${csv}`);
}

void main();
