import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Grids keep Chinese office hours wherever the function happens to run. */
export const ZONE = 'Asia/Shanghai';

export const inShanghai = (at: Date | string): Dayjs => dayjs(at).tz(ZONE);
/** Zoucheng's offset: UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_HOURS = 8;

/**
 * A wall time in Zoucheng (`YYYY-MM-DD HH:mm`, or a day) as that instant. Read as UTC and moved by
 * the fixed offset, never through the server's own zone: dayjs's zone parse goes wrong by an hour
 * around a daylight-saving change of the server's zone (a developer's machine, say).
 */
export const shanghaiTime = (text: string): Dayjs => dayjs.utc(text).subtract(SHANGHAI_OFFSET_HOURS, 'hour').tz(ZONE);

/** The month after `month` (`YYYY-MM`), counted in UTC so no server zone's clock change enters. */
export const nextMonth = (month: string): string => dayjs.utc(`${month}-01`).add(1, 'month').format('YYYY-MM');
