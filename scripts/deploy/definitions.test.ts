/**
 * The repository's definitions as the deploy reads them: functions are uploaded from the built
 * dist/cloudfunctions (index.js and package.json, never the TypeScript sources).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../functions';
import { functionSpecs } from './definitions';

it('a function is deployed from its built folder in dist/cloudfunctions (run npm run build first)', () => {
  const [grid] = functionSpecs(['grid']);
  expect(grid.builtRoot).toBe(join(ROOT, 'dist', 'cloudfunctions'));
  for (const file of ['index.js', 'package.json']) expect(existsSync(join(grid.builtRoot, 'grid', file))).toBe(true);
});
