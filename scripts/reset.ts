import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './functions';

// Wipes the local cloud's database, files, outbox and moved clock; the next `npm start` loads the demo again.
const data = join(ROOT, '.data');
rmSync(data, { recursive: true, force: true });
console.log(`removed ${data}`);
