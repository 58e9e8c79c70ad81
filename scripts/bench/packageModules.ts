import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What a mini-program build's main package is made of, module by module. The figures come from
 * webpack-bundle-analyzer's JSON report (config/index.ts writes it when GRIDLINK_BUNDLE_REPORT
 * names a file): each emitted chunk with its modules and their minified bytes (`parsedSize`, the
 * bytes of the module's code as it stands in the emitted file). Modules webpack concatenated are
 * split where the report can split them, else counted as one.
 */

/** One node of the report: a chunk file, a folder or a module. */
type ReportNode = { label: string; path?: string; parsedSize?: number; groups?: ReportNode[] };

/** A module in a main-package chunk: where it comes from (an npm package or a source file), and its minified bytes. */
export type ModuleBytes = { module: string; chunk: string; bytes: number };

/** The subpackage roots of a built app.json (`packages/appeal`, …). */
export function subpackageRoots(dir: string): string[] {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  return (app.subPackages ?? []).map(({ root }) => root.replace(/\/$/, ''));
}

const inSubpackage = (file: string, roots: string[]) => roots.some((root) => file.startsWith(`${root}/`));

/** `./node_modules/@tarojs/runtime/dist/x.js` → `@tarojs/runtime`; `./types/grid.ts` → `types/grid.ts`. */
export function moduleOwner(path: string): string {
  const inner = path.split(' (concatenated)/').pop() ?? path;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(inner);
  if (pkg) return pkg[1];
  return inner.replace(/^\.\//, '').replace(/ \+ \d+ modules$/, '');
}

function leaves(node: ReportNode): ReportNode[] {
  return node.groups && node.groups.length > 0 ? node.groups.flatMap(leaves) : [node];
}

/** Every module of the report's main-package chunks (those outside the subpackage roots), largest first. */
export function mainPackageModules(reportFile: string, roots: string[]): ModuleBytes[] {
  const chunks = JSON.parse(readFileSync(reportFile, 'utf8')) as ReportNode[];
  return chunks
    .filter((chunk) => !inSubpackage(chunk.label, roots))
    .flatMap((chunk) => leaves(chunk).map((m) => ({ module: moduleOwner(m.path ?? m.label), chunk: chunk.label, bytes: m.parsedSize ?? 0 })))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Modules summed per owner (an npm package, or one source file), with the chunks they sit in; largest first. */
export function byOwner(modules: ModuleBytes[]): Array<{ module: string; chunks: string[]; bytes: number }> {
  const owners = new Map<string, { module: string; chunks: Set<string>; bytes: number }>();
  for (const m of modules) {
    const owner = owners.get(m.module) ?? { module: m.module, chunks: new Set<string>(), bytes: 0 };
    owner.chunks.add(m.chunk);
    owner.bytes += m.bytes;
    owners.set(m.module, owner);
  }
  return [...owners.values()].map((o) => ({ module: o.module, chunks: [...o.chunks].sort(), bytes: o.bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Bytes of each file of a build's main package (subpackage folders and source maps left out), by path. */
export function mainPackageFiles(dir: string, roots: string[] = subpackageRoots(dir)): Map<string, number> {
  const files = new Map<string, number>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.map')) continue;
    const file = relative(dir, join(entry.parentPath, entry.name));
    if (!inSubpackage(file, roots)) files.set(file, statSync(join(dir, file)).size);
  }
  return files;
}
