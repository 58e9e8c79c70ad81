/**
 * Presence's keys and their words, once (see presence.ts, which re-exports them): without zod, so
 * the grid page (main package) can show 扫码签到 without carrying presence's schemas.
 */

/** What a check-in proves: 巡防 (a patrol), 走访 (a household visit), 到场 (on site for an open appeal). */
export const CHECKIN_KINDS = ['patrol', 'visit', 'arrival'] as const;
export type CheckInKind = (typeof CHECKIN_KINDS)[number];

/**
 * 六必访: the households a grid visits on a schedule. Keys are stored; words are shown.
 * hardship 困难人群, migrant 流动人口, emptyNest 空巢老人, special 特殊人群, leftBehind 留守老人,
 * womenChildren 困境妇女儿童.
 */
export const VISIT_GROUPS = ['hardship', 'migrant', 'emptyNest', 'special', 'leftBehind', 'womenChildren'] as const;
export type VisitGroup = (typeof VISIT_GROUPS)[number];

/** Why a check-in does not count as verified: too far from its grid, or no position sent. */
export const CHECKIN_FLAGS = ['far', 'unplaced'] as const;
export type CheckInFlag = (typeof CHECKIN_FLAGS)[number];

export const PRESENCE_WORDS = {
  kind: { patrol: '巡防', visit: '走访', arrival: '到场' },
  group: {
    hardship: '困难人群',
    migrant: '流动人口',
    emptyNest: '空巢老人',
    special: '特殊人群',
    leftBehind: '留守老人',
    womenChildren: '困境妇女儿童',
  },
  flag: { far: '距网格较远', unplaced: '未获取位置' },
  verified: '已核验',
  checkIn: '扫码签到',
} as const satisfies {
  kind: Record<CheckInKind, string>;
  group: Record<VisitGroup, string>;
  flag: Record<CheckInFlag, string>;
  verified: string;
  checkIn: string;
};
