import * as z from 'zod/mini';
import { FileId, Location } from './appeal';
import { GridCode } from './grid';
import { CHECKIN_FLAGS, CHECKIN_KINDS, PRESENCE_WORDS, VISIT_GROUPS, type CheckInFlag, type CheckInKind, type VisitGroup } from './presenceWords';
import { typedText } from './typedText';

/**
 * Presence (DESIGN §1, §3 `checkins`, `households`): a chief or worker proves they were in their
 * grid by scanning its sign. The words for check-in kinds and the 六必访 groups live once in
 * presenceWords.ts (re-exported here); the function, its refusals and the app read that table.
 */

export { CHECKIN_FLAGS, CHECKIN_KINDS, PRESENCE_WORDS, VISIT_GROUPS, type CheckInFlag, type CheckInKind, type VisitGroup };

export const PRESENCE_LIMITS = {
  /** What a scanner returns for a sign is a short link or a scene path; anything longer is not one. */
  scannedMax: 512,
  noteMax: 500,
  photosMax: 9,
  buildingMax: 20,
  roomMax: 20,
  intervalDaysMax: 365,
} as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The household a visit is to: its building and room (typed as names: full-width digits are the same room), and its 六必访 group; nothing about the people in it. */
export const Household = z.object({
  building: typedText('楼栋', PRESENCE_LIMITS.buildingMax, { shape: 'name' }),
  room: typedText('房号', PRESENCE_LIMITS.roomMax, { shape: 'name' }),
  group: z.enum(VISIT_GROUPS, { error: '请选择六必访类别' }),
});
export type Household = z.infer<typeof Household>;

const common = {
  /** The text the scan returned: the mini-program code's path (`…?scene=g%3DGS-0101`) or the sign's link (`https://…/g/GS-0101`). */
  scanned: z.string().check(z.minLength(1, { error: '请扫描网格标牌上的二维码' }), z.maxLength(PRESENCE_LIMITS.scannedMax, { error: '无法识别扫描的内容' })),
  location: z.optional(z.nullable(Location)),
  note: z._default(typedText('签到说明', PRESENCE_LIMITS.noteMax, { min: 0 }), ''),
};

const Photos = z.array(FileId).check(z.maxLength(PRESENCE_LIMITS.photosMax, { error: `最多上传 ${PRESENCE_LIMITS.photosMax} 张图片` }));

/**
 * `presence.checkIn`: 巡防 with a note and work photos; 走访 with the household; 到场 with the open
 * appeal of the sign's grid it proves someone on site for.
 */
export const CheckInInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('patrol'), ...common, photos: z._default(Photos, []) }),
    z.object({ kind: z.literal('visit'), ...common, household: z.object(Household.shape, { error: '走访请填写住户的楼栋、房号和六必访类别' }) }),
    z.object({ kind: z.literal('arrival'), ...common, appealId: z.string({ error: '到场签到请选择诉求' }).check(z.regex(ID, { error: '编号格式不正确' })) }),
  ],
  { error: '请选择签到类型：巡防、走访或到场' },
);
export type CheckInInput = z.input<typeof CheckInInput>;

export const HouseholdsInput = z.object({ gridCode: GridCode });
export type HouseholdsInput = z.input<typeof HouseholdsInput>;

export const SaveHouseholdInput = z.object({
  gridCode: GridCode,
  ...Household.shape,
  intervalDays: z.int({ error: '走访周期应为整数天' }).check(
    z.minimum(1, { error: '走访周期至少 1 天' }),
    z.maximum(PRESENCE_LIMITS.intervalDaysMax, { error: `走访周期不能超过 ${PRESENCE_LIMITS.intervalDaysMax} 天` }),
  ),
});
export type SaveHouseholdInput = z.input<typeof SaveHouseholdInput>;

/** A check-in as its maker sees it. `distanceM`: metres from the grid (0 inside its boundary), null without a position. */
export type CheckIn = {
  id: string;
  kind: CheckInKind;
  gridCode: string;
  gridName: string;
  at: string;
  distanceM: number | null;
  verified: boolean;
  flag: CheckInFlag | null;
  /** What the maker reads: `巡防签到成功` or why it is flagged. */
  message: string;
  appealId: string | null;
  household: Household | null;
};

/** A 六必访 household of a grid, with when it is next due a visit (ISO times; `due`: at or past that). */
export type HouseholdView = Household & {
  id: string;
  groupLabel: string;
  intervalDays: number;
  lastVisitAt: string | null;
  dueAt: string;
  due: boolean;
};

export type Households = { gridCode: string; gridName: string; items: HouseholdView[]; dueCount: number };
