/**
 * An instant in Asia/Shanghai (UTC+8, no DST) as `YYYY-MM-DD HH:mm`. On its own, without the
 * appeal words of appeal/format.ts: the grid page (main package) shows a group's binding time.
 */
export function shanghaiTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}
