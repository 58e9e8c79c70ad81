/**
 * Functions read "now" in one place, the platform clock in `kit/platform.ts` (`ports.clock.now()`),
 * so the local cloud's moved clock (`POST /api/dev/clock`) reaches every handler and timer. Every
 * other source file under cloudfunctions/ is read with the TypeScript parser for a reading of real
 * time: `new Date()` with no argument, `Date.now()`, `dayjs()` with no argument. Parsing a stored
 * date (`new Date(record.createdAt)`) is fine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const PLATFORM_CLOCK = 'cloudfunctions/kit/platform.ts';

/** Each reading of real time in `source`: its line and text. */
function realTimeReadings(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const argless = (ts.isNewExpression(node) || ts.isCallExpression(node)) && !node.arguments?.length;
    const callee = ts.isNewExpression(node) || ts.isCallExpression(node) ? node.expression.getText(file) : '';
    const reads =
      (ts.isNewExpression(node) && argless && callee === 'Date') ||
      (ts.isCallExpression(node) && (callee === 'Date.now' || (argless && callee === 'dayjs')));
    if (reads) found.push(`line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${node.getText(file)}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });

describe('the time a function reads', () => {
  it.each([
    ['new Date()', 1],
    ['Date.now()', 1],
    ['dayjs()', 1],
    ['new Date(record.createdAt)', 0],
    ['dayjs(appeal.createdAt).tz("Asia/Shanghai")', 0],
    ['new Date(now.getTime() + 60_000)', 0],
    ['// new Date() in a comment', 0],
  ])('%s reads real time %i time(s)', (source, count) => {
    expect(realTimeReadings(source)).toHaveLength(count);
  });

  it('comes from the platform clock only: no other source under cloudfunctions/ reads real time', () => {
    const readings = sources('cloudfunctions')
      .filter((path) => path !== PLATFORM_CLOCK)
      .flatMap((path) => realTimeReadings(readFileSync(join(ROOT, path), 'utf8')).map((r) => `${path} ${r}`));
    expect(readings).toEqual([]);
  });

  it('the platform clock does read it (the scan looks at the right thing)', () => {
    expect(realTimeReadings(readFileSync(join(ROOT, PLATFORM_CLOCK), 'utf8'))).not.toEqual([]);
  });
});
