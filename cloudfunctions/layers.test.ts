/**
 * Imports point one way (DESIGN §3 Layers): types ← domain ← store ← kit ← services ← handlers,
 * and the app sees only types. Every module reference of every source file is read with the
 * TypeScript parser (import and export statements, type-only ones told apart, `require()` and
 * `import()`), resolved as the compiler resolves it (relative paths and the tsconfig `baseUrl`
 * alike), and each one that crosses a layer the wrong way fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { functionNames } from '../scripts/functions';

const ROOT = resolve(__dirname, '..');

type Layer = 'types' | 'domain' | 'store' | 'kit' | 'services' | 'function' | 'app' | 'other';
/** `to` as written; `target` the repository path it resolves to, or null for a library. */
type Import = { from: string; to: string; typeOnly: boolean; target?: string | null };

const COMPILER = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT).options;

/** The repository path a module reference resolves to (without extension), or null when it is a library. */
function resolved(from: string, to: string): string | null {
  const hit = ts.resolveModuleName(to, join(ROOT, from), COMPILER, ts.sys).resolvedModule;
  if (to.startsWith('.') || !hit) return to.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(from), to)) : null;
  if (hit.isExternalLibraryImport || hit.resolvedFileName.includes('/node_modules/')) return null;
  return relative(ROOT, hit.resolvedFileName).replace(/(\.d)?\.(tsx?|jsx?|json)$/, '').replace(/\/index$/, '');
}

/** Which layer a repository path sits in; a function folder is `function` (its name kept apart). */
function layerOf(path: string): Layer {
  const [top, second] = path.split('/');
  if (top === 'types') return 'types';
  if (top === 'src') return 'app';
  if (top !== 'cloudfunctions') return 'other';
  if (second === 'domain' || second === 'store' || second === 'kit' || second === 'services') return second;
  return functionNames().includes(second) ? 'function' : 'other';
}

/** The layers each layer may import from (besides libraries); a function may also import its own folder. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  types: ['types'],
  domain: ['types', 'domain'],
  store: ['types', 'domain', 'store'],
  kit: ['types', 'domain', 'store', 'kit'],
  services: ['types', 'domain', 'store', 'kit', 'services'],
  function: ['types', 'domain', 'store', 'kit', 'services'],
  app: ['types', 'app'],
  other: ['types', 'domain', 'store', 'kit', 'services', 'function', 'app', 'other'],
};

/** The one module that talks to the platform at run time (STYLE: one door to the platform). */
const PLATFORM_MODULE = 'cloudfunctions/kit/platform.ts';

/** Why an import is wrong, or null when it is fine. */
export function violation({ from, to, typeOnly, target: given }: Import): string | null {
  const layer = layerOf(from);
  const target = given === undefined ? resolved(from, to) : given;
  if (target === null) {
    const sdk = to === 'wx-server-sdk' || to.startsWith('wx-server-sdk/');
    if (sdk && layer === 'domain') return 'domain/ is pure: it never names wx-server-sdk';
    if (sdk && !typeOnly && from !== PLATFORM_MODULE && layer !== 'other') return `only ${PLATFORM_MODULE} may load wx-server-sdk`;
    if (layer === 'domain' && /^(node:)?(fs|net|http|https|child_process)$/.test(to)) return 'domain/ is pure: no I/O modules';
    return null;
  }
  const targetLayer = layerOf(target);
  if (target.startsWith('..')) return 'imports from outside the repository';
  if (layer === 'function' && targetLayer === 'function') {
    return target.split('/')[1] === from.split('/')[1] ? null : 'a function never imports another function’s folder: shared code lives in services/';
  }
  if (layer !== 'other' && layer !== 'app' && /^(config|src|scripts|tests)\//.test(target)) return `the functions never import ${target.split('/')[0]}/`;
  if (!MAY_IMPORT[layer].includes(targetLayer)) return `${layer} may not import ${targetLayer} (${target})`;
  return null;
}

/** Every module a file names: import/export statements, `import x = require()`, `require()` and `import()` anywhere. */
function importsOf(path: string): Import[] {
  return importsOfSource(path, ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true));
}

function importsOfSource(path: string, source: ts.SourceFile): Import[] {
  const found: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (specifier && ts.isStringLiteralLike(specifier)) found.push({ from: path, to: specifier.text, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, !!node.importClause?.isTypeOnly);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('layers', () => {
  const files = ['types', 'cloudfunctions', 'src'].flatMap(sources);

  it('reads every source file of types/, cloudfunctions/ and src/', () => {
    expect(files).toEqual(expect.arrayContaining(['types/grid.ts', 'cloudfunctions/domain/appeal.ts', 'cloudfunctions/kit/platform.ts', 'src/app.tsx']));
  });

  it.each([
    ['require()', "const { action } = require('../kit/action');", '../kit/action'],
    ['a dynamic import()', "export const later = () => import('../kit/action');", '../kit/action'],
    ['import = require()', "import action = require('../kit/action');", '../kit/action'],
    ['an import type node', "export type P = import('../kit/ports').Ports;", '../kit/ports'],
  ])('reads a module named by %s', (_, code, to) => {
    const file = 'cloudfunctions/domain/probe.ts';
    const found = importsOfSource(file, ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true));
    expect(found.map((i) => [i.to, violation(i)])).toEqual([[to, expect.stringContaining('domain may not import kit')]]);
  });

  it('no import crosses a layer the wrong way', () => {
    const wrong = files.flatMap(importsOf).flatMap((i) => {
      const why = violation(i);
      return why ? [`${i.from} → ${i.to}: ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it.each<[string, Import]>([
    ['domain importing the store', { from: 'cloudfunctions/domain/appeal.ts', to: '../store/appeals', typeOnly: false }],
    ['domain importing kit', { from: 'cloudfunctions/domain/appeal.ts', to: '../kit/refusal', typeOnly: false }],
    ['domain naming the SDK, even for a type', { from: 'cloudfunctions/domain/sla.ts', to: 'wx-server-sdk/index', typeOnly: true }],
    ['store importing kit', { from: 'cloudfunctions/store/appeals.ts', to: '../kit/action', typeOnly: false }],
    ['kit importing a handler', { from: 'cloudfunctions/kit/action.ts', to: '../appeal/context', typeOnly: false }],
    ['a function importing another function', { from: 'cloudfunctions/timers/sweep.ts', to: '../appeal/context', typeOnly: false }],
    ['a function importing the Taro build config', { from: 'cloudfunctions/grid/signs.ts', to: '../../config/index', typeOnly: false }],
    ['a store loading the SDK at run time', { from: 'cloudfunctions/store/grids.ts', to: 'wx-server-sdk', typeOnly: false }],
    ['the app importing the functions', { from: 'src/pages/grid/index.tsx', to: '../../../cloudfunctions/domain/appeal', typeOnly: false }],
    ['types importing the domain', { from: 'types/appeal.ts', to: '../cloudfunctions/domain/appeal', typeOnly: true }],
    ['domain importing the store through the tsconfig baseUrl', { from: 'cloudfunctions/domain/sla.ts', to: 'cloudfunctions/store/appeals', typeOnly: false }],
    ['a function importing the Taro config through the baseUrl', { from: 'cloudfunctions/grid/signs.ts', to: 'config/index', typeOnly: false }],
  ])('refuses %s', (_, crossing) => {
    expect(violation(crossing)).not.toBeNull();
  });

  it.each<[string, Import]>([
    ['store naming the SDK’s types', { from: 'cloudfunctions/store/grids.ts', to: 'wx-server-sdk/index', typeOnly: true }],
    ['the platform module loading the SDK', { from: PLATFORM_MODULE, to: 'wx-server-sdk', typeOnly: false }],
    ['a handler using services', { from: 'cloudfunctions/timers/sweep.ts', to: '../services/tell', typeOnly: false }],
    ['a handler using its own folder', { from: 'cloudfunctions/appeal/work.ts', to: './context', typeOnly: false }],
    ['the app using types', { from: 'src/pages/grid/index.tsx', to: '../../../types/grid', typeOnly: false }],
  ])('allows %s', (_, fine) => {
    expect(violation(fine)).toBeNull();
  });
});
