import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const FUNCTIONS_SRC = join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = join(ROOT, 'dist', 'cloudfunctions');

/** Deployable functions: folders of `cloudfunctions/` with an entry and a platform config. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((name) => existsSync(join(FUNCTIONS_SRC, name, 'index.ts')) && existsSync(join(FUNCTIONS_SRC, name, 'config.json')))
    .sort();
}
