import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as z from 'zod/mini';
import { FUNCTIONS_OUT, FUNCTIONS_SRC, functionNames } from '../functions';

/**
 * What the repository says the cloud should hold: each function's settings from its own
 * `cloudfunctions/<name>/config.json`, and the collections, indexes and rules of
 * `cloudfunctions/database/`. Read once, checked whole: a problem is an Error naming the file.
 */

/** CloudBase's current Node runtime (the management API's default); the bundles target node16. */
export const RUNTIME = 'Nodejs20.19';
/** Used when a config.json gives none: seconds and MB. CloudBase allows timeouts of 1–60 s. */
export const DEFAULT_TIMEOUT_SECONDS = 20;
export const DEFAULT_MEMORY_MB = 256;

/** CloudBase's limits: seconds and MB. */
const TIMEOUT_RANGE = { min: 1, max: 60 };
const MEMORY_SIZES = [128, 256, 512, 1024, 2048] as const;
const TIMEOUT_ERROR = `timeout 应为 ${TIMEOUT_RANGE.min}–${TIMEOUT_RANGE.max} 之间的整数（秒）`;

/** A strict object: a key it does not know (a misspelling such as `timout`) is an error naming it and the known ones. */
const strict = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知的键 ${issue.keys.join('、')}（可用：${Object.keys(shape).join('、')}）` : undefined) });

const Trigger = strict({ name: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/)), type: z.literal('timer'), config: z.string().check(z.regex(/^\S+( \S+){6}$/, { error: '定时触发器 config 应为 7 段的 cron 表达式（秒 分 时 日 月 星期 年）' })) });
const FunctionConfig = strict({
  permissions: z.optional(strict({ openapi: z.optional(z.array(z.string())) })),
  triggers: z.optional(z.array(Trigger).check(z.maxLength(1, { error: '一个云函数最多一个定时触发器' }))),
  timeout: z.optional(z.int({ error: TIMEOUT_ERROR }).check(z.gte(TIMEOUT_RANGE.min, { error: TIMEOUT_ERROR }), z.lte(TIMEOUT_RANGE.max, { error: TIMEOUT_ERROR }))),
  memorySize: z.optional(z.union(MEMORY_SIZES.map((mb) => z.literal(mb)), { error: `memorySize 只能是 ${MEMORY_SIZES.join('、')}（MB）` })),
});

export type TimerTrigger = z.infer<typeof Trigger>;

/** One deployable function as the repository defines it; `fingerprint` and `bytes` are of its built folder. */
export type FunctionSpec = {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  /** Whether timeout and memory came from config.json (false: the defaults above). */
  configured: { timeout: boolean; memorySize: boolean };
  triggers: TimerTrigger[];
  openapi: string[];
  fingerprint: string;
  bytes: number;
  /** The folder holding the built `<name>/` (index.js, package.json) that is uploaded: dist/cloudfunctions. */
  builtRoot: string;
};

/** Direction as CloudBase's index API spells it. */
export type Direction = '1' | '-1' | '2dsphere';
export type IndexSpec = { name: string; keys: Array<{ field: string; direction: Direction }>; unique: boolean };
export type CollectionSpec = { name: string; indexes: IndexSpec[]; rule: Record<string, unknown> };

export type Definitions = { functions: FunctionSpec[]; collections: CollectionSpec[] };

const parsedJson = (path: string) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${relative(process.cwd(), path)} 不是有效的 JSON：${(error as Error).message}`);
  }
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

/** sha256 over the folder's files (relative path and bytes, in path order) and their total size in bytes. */
export function folderFingerprint(dir: string): { fingerprint: string; bytes: number } {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of filesUnder(dir)) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
    bytes += statSync(file).size;
  }
  return { fingerprint: hash.digest('hex'), bytes };
}

/** Each function folder's config.json, checked, with its built folder's fingerprint (build first). */
export function functionSpecs(names = functionNames(), builtDir = FUNCTIONS_OUT, sourceDir = FUNCTIONS_SRC): FunctionSpec[] {
  return names.map((name) => {
    const file = join(sourceDir, name, 'config.json');
    const parsed = z.safeParse(FunctionConfig, parsedJson(file));
    if (!parsed.success) throw new Error(`cloudfunctions/${name}/config.json：${parsed.error.issues.map((i) => [i.path.join('.'), i.message].filter(Boolean).join(' ')).join('；')}`);
    const config = parsed.data;
    let built: { fingerprint: string; bytes: number };
    try {
      built = folderFingerprint(join(builtDir, name));
    } catch {
      throw new Error(`没有 ${name} 的构建结果（dist/cloudfunctions/${name}）：先运行 npm run build`);
    }
    return {
      name,
      runtime: RUNTIME,
      timeout: config.timeout ?? DEFAULT_TIMEOUT_SECONDS,
      memorySize: config.memorySize ?? DEFAULT_MEMORY_MB,
      configured: { timeout: config.timeout !== undefined, memorySize: config.memorySize !== undefined },
      triggers: config.triggers ?? [],
      openapi: config.permissions?.openapi ?? [],
      ...built,
      builtRoot: builtDir,
    };
  });
}

const IndexFile = z.record(
  z.string(),
  z.array(z.object({ name: z.string().check(z.minLength(1)), keys: z.record(z.string(), z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')])), unique: z.optional(z.boolean()) })),
);
const RuleFile = z.object({ collections: z.array(z.string()), rule: z.record(z.string(), z.unknown()) });

/**
 * Every collection of `rules.json` with its rule and its indexes from `indexes.json`. A
 * collection with indexes but no rule, or an index name used twice in one collection, is an error.
 */
export function collectionSpecs(databaseDir = join(FUNCTIONS_SRC, 'database')): CollectionSpec[] {
  const indexes = z.parse(IndexFile, parsedJson(join(databaseDir, 'indexes.json')));
  const rules = z.parse(RuleFile, parsedJson(join(databaseDir, 'rules.json')));
  const unruled = Object.keys(indexes).filter((name) => !rules.collections.includes(name));
  if (unruled.length) throw new Error(`cloudfunctions/database/indexes.json 的集合 ${unruled.join('、')} 不在 rules.json 的 collections 里：每个集合都要有安全规则`);
  return rules.collections.map((name) => {
    const own = indexes[name] ?? [];
    const names = own.map((i) => i.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new Error(`cloudfunctions/database/indexes.json：集合 ${name} 的索引名 ${twice} 出现了两次`);
    return {
      name,
      rule: rules.rule,
      indexes: own.map((i) => ({ name: i.name, unique: i.unique ?? false, keys: Object.entries(i.keys).map(([field, d]) => ({ field, direction: String(d) as Direction })) })),
    };
  });
}
