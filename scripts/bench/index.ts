import { run } from './measure';
import { ROOT } from '../functions';
import { benchAppeals, benchSubmitAtScale } from './appeals';
import { benchAssessment } from './assessment';
import { benchColdStart } from './coldStart';
import { benchPackageSize } from './packageSize';
import { benchRegistry } from './registry';
import { benchSigns } from './signs';
import { benchSlaTimer } from './slaTimer';

// Prints figures, asserts nothing: timings belong here, never in tests.
run('npm', ['run', '--silent', 'build:functions'], ROOT);
benchPackageSize();
benchColdStart();
benchAppeals().then(benchSubmitAtScale).then(benchSlaTimer).then(benchSigns).then(benchRegistry).then(benchAssessment).catch((error) => {
  console.error(error);
  process.exit(1);
});
