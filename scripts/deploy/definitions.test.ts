/**
 * The repository's definitions as the deploy reads them: functions are uploaded from the built
 * dist/cloudfunctions (index.js and package.json, never the TypeScript sources); a config.json
 * with an unknown key or a value CloudBase does not allow is an error saying what is allowed.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../functions';
import { functionSpecs } from './definitions';

it('a function is deployed from its built folder in dist/cloudfunctions (run npm run build first)', () => {
  const [grid] = functionSpecs(['grid']);
  expect(grid.builtRoot).toBe(join(ROOT, 'dist', 'cloudfunctions'));
  for (const file of ['index.js', 'package.json']) expect(existsSync(join(grid.builtRoot, 'grid', file))).toBe(true);
});

/** One function `probe` with this config.json, and a built folder for it. */
function probeSpec(config: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-definitions-'));
  for (const part of ['src/probe', 'built/probe']) mkdirSync(join(dir, part), { recursive: true });
  writeFileSync(join(dir, 'src/probe/config.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'built/probe/index.js'), 'exports.main = async () => 1;');
  return () => functionSpecs(['probe'], join(dir, 'built'), join(dir, 'src'));
}

it('a config.json with a misspelled key is an error naming the key and the known ones', () => {
  expect(probeSpec({ timout: 60 })).toThrow(/cloudfunctions\/probe\/config\.json：未知的键 timout（可用：permissions、triggers、timeout、memorySize）/);
  expect(probeSpec({ triggers: [{ name: 'sweep', type: 'timer', cofig: '0 * * * * * *' }] })).toThrow(/未知的键 cofig/);
});

it('an out-of-range timeout or memory size names the allowed values', () => {
  expect(probeSpec({ timeout: 90 })).toThrow(/timeout 应为 1–60 之间的整数（秒）/);
  expect(probeSpec({ timeout: 0 })).toThrow(/timeout 应为 1–60 之间的整数（秒）/);
  expect(probeSpec({ memorySize: 300 })).toThrow(/memorySize 只能是 128、256、512、1024、2048（MB）/);
});

it('a valid config.json gives its timeout and memory', () => {
  expect(probeSpec({ timeout: 60, memorySize: 512 })()[0]).toMatchObject({ timeout: 60, memorySize: 512, configured: { timeout: true, memorySize: true } });
});
