// wx-server-sdk types every query result as loose unions; these name what a call returns.
export const docsOf = <T>(result: unknown): T[] => (result as { data: T[] }).data;
export const listOf = <T>(result: unknown): T[] => (result as { list: T[] }).list;
