/**
 * Every string field of every input schema in `types/`, walked from the schemas themselves: text
 * that is empty to the eye is refused (or, where the field may be left empty, stored as ''), and
 * no control or direction-override character gets through any of them.
 */
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import * as appeal from './appeal';
import * as grid from './grid';
import * as groupChat from './groupChat';
import * as notice from './notice';
import * as registry from './registry';
import * as signs from './signs';
import * as staff from './staff';

// As the functions' `action()` sets it: schemas carry their own Chinese, the locale the generic rest.
z.config(zhCN());

type Schema = z.ZodMiniType;
type Path = Array<string | number>;

const ID = 'a1b2c3';
const GRID = 'GS-0101';
const FILE = 'cloud://env-1/appeals/a.jpg';
const LOCATION = { latitude: 35.4, longitude: 116.97, name: '平阳社区党群服务站', address: '钢山街道平阳路 1 号' };
const GROUP = { cloudID: 'cloud-id-0001', data: { opengid: 'opengid-0001' } };
const PERSON = { name: '王小雨', title: '网格员', phone: '13900001111' };

/** A valid input for each input schema (one per option of a union), with every optional field given. */
const SAMPLES: Record<string, unknown[]> = {
  'appeal.Location': [LOCATION],
  'appeal.SubmitAppealInput': [
    { gridCode: GRID, category: 'env', content: '楼道里堆满了杂物', photos: [FILE], location: LOCATION, contactPhone: '13900000001', anonymous: false, requestId: 'req-0001-abcd' },
  ],
  'appeal.ListMineInput': [{ status: 'submitted', cursor: 'k1' }],
  'appeal.InboxInput': [{ status: 'submitted', cursor: 'k1' }],
  'appeal.AppealRef': [{ id: ID }],
  'appeal.ReplyInput': [{ id: ID, text: '已安排人员处理', photos: [FILE] }],
  'appeal.TransferInput': [{ id: ID, toGridCode: 'GS-0102', reason: '不属于本网格' }],
  'appeal.EscalateInput': [{ id: ID, reason: '需要社区协调' }],
  'appeal.ResolveInput': [{ id: ID, note: '已清理完毕', photos: [FILE] }],
  'appeal.SendBackInput': [{ id: ID, reason: '不是本级的事' }],
  'appeal.RateInput': [{ id: ID, score: 5, comment: '处理得很及时' }],
  'appeal.ModerateInput': [{ id: ID, release: true, reason: '内容属实' }],
  'appeal.BlockInput': [{ id: ID, reason: '恶意重复反映' }],
  'appeal.GrantConsentsInput': [{ accepted: ['appealNew'] }],
  'appeal.SuperviseInput': [{ id: ID, card: 'red', note: '请今天内办结', until: '2026-03-08T10:00:00+08:00' }],
  'appeal.RequestExtensionInput': [{ id: ID, reason: '需要物业配合施工', until: '2026-03-10T12:00:00Z' }],
  'appeal.DecideExtensionInput': [{ id: ID, grant: true, note: '同意延期' }],
  'appeal.BoardInput': [{ cursor: 'k1' }],
  'appeal.ReportInput': [{ gridCode: GRID, category: 'env', content: '巡查发现路灯损坏', photos: [FILE], location: LOCATION, requestId: 'req-0002-abcd' }],
  'appeal.LedgerInput': [{ gridCode: GRID, source: 'staff', status: 'accepted', overdue: true, month: '2026-11', cursor: 'k1' }],
  'grid.ResolveGridInput': [{ code: GRID }],
  'grid.SearchGridsInput': [{ keyword: '平阳', cursor: GRID }],
  'grid.LocateGridInput': [{ latitude: 35.4, longitude: 116.97 }],
  'grid.CallStaffInput': [{ code: GRID, staffId: 'staff-1' }],
  'grid.RetireGridInput': [{ code: GRID, mergedInto: 'GS-0102' }],
  'groupChat.SetGroupChatInput': [
    { code: GRID, kind: 'qr', fileID: FILE, generatedOn: '2026-03-01', expiresAt: '2026-03-08T00:00:00Z' },
    { code: GRID, kind: 'wecom', url: 'https://work.weixin.qq.com/gm/abc' },
  ],
  'groupChat.GridRef': [{ code: GRID }],
  'groupChat.GroupOpenData': [GROUP.data],
  'groupChat.OpenGroup': [GROUP],
  'groupChat.GroupEnterInput': [{ code: GRID, group: GROUP }],
  'groupChat.GroupProposalRef': [{ code: GRID, proposalId: '0123456789abcdef' }],
  'notice.NoticeScope': [{ kind: 'grid', id: ID }],
  'notice.PublishNoticeInput': [{ scope: { kind: 'grid', id: ID }, title: '周末义诊通知', body: '本周六上午9点义诊。\n请互相转告。', images: [FILE], pinned: false, requestId: 'req-0001-abcd' }],
  'notice.ListNoticesInput': [{ gridCode: GRID, cursor: 'k1' }],
  'notice.NoticeRef': [{ id: ID }],
  'registry.ImportRegistryInput': [{ fileID: 'cloud://env-1/imports/a.xlsx', dryRun: true }],
  'signs.StreetSignsInput': [{ streetId: 'GS', qr: 'link' }],
  'staff.InviteStaffInput': [
    { role: 'chief', gridCode: GRID, ...PERSON },
    { role: 'worker', gridCode: GRID, ...PERSON },
    { role: 'community', communityId: 'GS01', ...PERSON },
  ],
  'staff.RedeemInviteInput': [{ code: 'ABCD2345' }],
  'staff.UnbindStaffInput': [
    { staffId: 'staff-1', role: 'chief', gridCode: GRID },
    { staffId: 'staff-1', role: 'worker', gridCode: GRID },
    { staffId: 'staff-1', role: 'community', communityId: 'GS01' },
  ],
  'staff.TeamInput': [
    { kind: 'grid', gridCode: GRID },
    { kind: 'community', communityId: 'GS01' },
  ],
};

/**
 * Opaque tokens the platform makes, passed on as they came: a CloudID is opened again by WeChat
 * (`cloud.getOpenData`), never shown or stored as text.
 */
const OPAQUE = new Set(['groupChat.OpenGroup.cloudID', 'groupChat.GroupEnterInput.group.cloudID']);

const MODULES = { appeal, grid, groupChat, notice, registry, signs, staff };

const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;

/** The schemas a function's input is parsed with: every exported object or union schema. */
const INPUTS = Object.entries(MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isSchema(value) && ['object', 'union'].includes(defOf(value).type))
    .map(([name, schema]) => ({ name: `${module}.${name}`, schema: schema as Schema })),
);

const usedOptions = new Set<Schema>();

/** Whether a schema holds a string anywhere inside. */
function holdsString(schema: Schema): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return true;
    case 'object':
      return Object.values(def.shape as Record<string, Schema>).some(holdsString);
    case 'union':
      return (def.options as Schema[]).some(holdsString);
    case 'array':
      return holdsString(def.element);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return holdsString(def.innerType);
    default:
      return false;
  }
}

/** The path of every string field of `schema` that `value` fills (a union: the option it parses as). */
function stringPaths(schema: Schema, value: unknown, path: Path = []): Path[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return [path];
    case 'object':
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([key, field]) => {
        const given = (value as Record<string, unknown>)[key];
        if (given === undefined || given === null) {
          if (holdsString(field)) throw new Error(`the sample leaves out ${[...path, key].join('.')}: give every field`);
          return [];
        }
        return stringPaths(field, given, [...path, key]);
      });
    case 'union': {
      const option = (def.options as Schema[]).find((o) => z.safeParse(o, value).success);
      if (!option) throw new Error(`the sample at ${path.join('.') || '(top)'} parses as no option`);
      usedOptions.add(option);
      return stringPaths(option, value, path);
    }
    case 'array':
      return (value as unknown[]).length ? stringPaths(def.element, (value as unknown[])[0], [...path, 0]) : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return stringPaths(def.innerType, value, path);
    default:
      return [];
  }
}

const at = (value: any, path: Path): unknown => path.reduce((v, key) => v?.[key], value);

function withAt(value: unknown, path: Path, text: string): unknown {
  const copy = structuredClone(value) as any;
  const parent = path.slice(0, -1).reduce((v, key) => v[key], copy);
  parent[path[path.length - 1]] = text;
  return copy;
}

type Field = { input: string; field: string; schema: Schema; sample: unknown; path: Path };

const FIELDS: Field[] = INPUTS.flatMap(({ name, schema }) =>
  (SAMPLES[name] ?? []).flatMap((sample) =>
    stringPaths(schema, sample)
      .map((path) => ({ input: name, field: `${name}.${path.filter((p) => typeof p === 'string').join('.')}`, schema, sample, path }))
      .filter((f) => !OPAQUE.has(f.field)),
  ),
);

/** Text that shows nothing, as it is pasted, typed or planted. */
const EMPTY_TO_THE_EYE: Array<[string, string]> = [
  ['five zero-width spaces', '\u200B'.repeat(5)],
  ['direction overrides, isolates and marks', '\u202E\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C'],
  ['NUL and other control characters', '\u0000\u0001\u0007\u001B\u007F\u0085\u009F'],
  ['a BOM, soft hyphens and word joiners', '\uFEFF\u00AD\u00AD\u2060\u2060'],
  ['Hangul fillers and blank braille', '\u3164\uFFA0\u115F\u2800\u2800'],
  ['variation selectors', '\uFE0F'.repeat(5)],
  ['tag characters', '\u{E0041}\u{E0042}\u{E0043}\u{E0044}\u{E0045}'],
  ['spaces and line breaks between invisible characters', '\u3000\u200B\n\u200C\t\u200D\r\n\u00A0'],
  ['interlinear annotation marks', '\uFFF9\uFFFA\uFFFB\uFFF9\uFFFB'],
  ['Egyptian hieroglyph format controls', '\u{13430}\u{13431}\u{13436}\u{13437}\u{13438}'],
  ['private-use characters', '\uE000\uE001\uF8FF\uE123\uE456'],
  ['combining marks with nothing to sit on', '\u0301\u20DD\u0E31\u0301\u0308'],
];

/** What must never get through a field: control characters, and every direction control. */
const CONTROL_OR_DIRECTION = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const CHINESE = /[\u4E00-\u9FFF]/;

/** A name or a few words with direction and control characters planted in, and what shows of it. */
const PLANTED = '\u202E王\u0000小雨家\u2066楼道\u2069\u200F\u0008';
const VISIBLE = '王小雨家楼道';

/** Fields people type words or names into (the rest are codes, ids and links, refused by their patterns). */
const TYPED = [
  'appeal.Location.name',
  'appeal.Location.address',
  'appeal.SubmitAppealInput.content',
  'appeal.SubmitAppealInput.location.name',
  'appeal.ReplyInput.text',
  'appeal.TransferInput.reason',
  'appeal.EscalateInput.reason',
  'appeal.ResolveInput.note',
  'appeal.SendBackInput.reason',
  'appeal.RateInput.comment',
  'appeal.ModerateInput.reason',
  'appeal.BlockInput.reason',
  'notice.PublishNoticeInput.title',
  'notice.PublishNoticeInput.body',
  'staff.InviteStaffInput.name',
  'staff.InviteStaffInput.title',
];

describe('every input schema is walked', () => {
  it('each has a sample that parses, and every option of every union is sampled', () => {
    const missing = INPUTS.filter(({ name }) => !SAMPLES[name]).map(({ name }) => name);
    expect(missing).toEqual([]);
    for (const { name, schema } of INPUTS) {
      for (const sample of SAMPLES[name]) expect([name, z.safeParse(schema, sample).error?.issues ?? null]).toEqual([name, null]);
    }
    const unions = INPUTS.flatMap(({ schema }) => collectUnions(schema));
    for (const union of unions) for (const option of defOf(union).options as Schema[]) expect(usedOptions.has(option)).toBe(true);
  });

  it('finds the text fields people type, and each keeps what is visible of planted text', () => {
    const byName = new Map(FIELDS.map((f) => [f.field, f]));
    for (const name of TYPED) {
      const field = byName.get(name);
      expect(field && name).toBe(name);
      const parsed = z.safeParse(field!.schema, withAt(field!.sample, field!.path, PLANTED));
      expect(parsed.success && at(parsed.data, field!.path)).toBe(VISIBLE);
    }
  });
});

function collectUnions(schema: Schema): Schema[] {
  const def = defOf(schema);
  if (def.type === 'union') return [schema, ...(def.options as Schema[]).flatMap(collectUnions)];
  if (def.type === 'object') return Object.values(def.shape as Record<string, Schema>).flatMap(collectUnions);
  if (['optional', 'nullable', 'default', 'prefault'].includes(def.type)) return collectUnions(def.innerType);
  if (def.type === 'array') return collectUnions(def.element);
  return [];
}

describe.each(FIELDS.map((f) => [f.field, f] as const))('%s', (_, { schema, sample, path }) => {
  it.each(EMPTY_TO_THE_EYE)('%s: refused in Chinese at that field, or (a field that may stay empty) stored as nothing', (__, text) => {
    const parsed = z.safeParse(schema, withAt(sample, path, text));
    if (parsed.success) {
      expect(at(parsed.data, path)).toBe('');
    } else {
      const issue = parsed.error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
      expect(issue?.message).toMatch(CHINESE);
    }
  });

  it('keeps no control or direction character of what it accepts', () => {
    const parsed = z.safeParse(schema, withAt(sample, path, PLANTED));
    if (parsed.success) expect(at(parsed.data, path)).not.toMatch(CONTROL_OR_DIRECTION);
  });
});
