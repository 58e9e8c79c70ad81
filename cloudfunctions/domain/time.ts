import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Grids keep Chinese office hours wherever the function happens to run. */
export const ZONE = 'Asia/Shanghai';

export const inShanghai = (at: Date | string): Dayjs => dayjs(at).tz(ZONE);
export const shanghaiTime = (text: string): Dayjs => dayjs.tz(text, ZONE);
