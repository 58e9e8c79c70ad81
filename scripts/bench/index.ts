import { run } from './measure';
import { ROOT } from '../functions';
import { benchColdStart } from './coldStart';
import { benchPackageSize } from './packageSize';

// Prints figures, asserts nothing: timings belong here, never in tests.
run('npm', ['run', '--silent', 'build:functions'], ROOT);
benchPackageSize();
benchColdStart();
