import { join } from 'node:path';
import { ROOT } from '../functions';
import { platformCalls, privacyReport, privacyUses } from './privacy';

/** `npm run deploy:privacy`: the 用户隐私保护指引 entries from what src/ calls; exits 1 when one has no purpose written. */
try {
  console.log(privacyReport(privacyUses(platformCalls(ROOT, join(ROOT, 'src')))));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
