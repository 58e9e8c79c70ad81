import { withAsciiDashes } from './typed';

/**
 * `grid.search`'s keyword: words (separated by spaces, all of them must match) found in a grid's
 * name or code, its community's name, or its street's name or brand, as typed: full-width, any
 * dash. Read here without zod, so the search page (main package) checks it before it calls;
 * `SearchGridsInput` (grid.ts) refuses with the same words.
 */
export const SEARCH_KEYWORD_MAX = 20;

export const SEARCH_KEYWORD_WORDS = {
  empty: '请输入要查找的网格、社区或街道名称',
  tooLong: `关键词不能超过 ${SEARCH_KEYWORD_MAX} 个字`,
} as const;

/** The keyword typed text is (`withAsciiDashes`), or the message refusing it. */
export function searchKeyword(typed: string): { ok: true; keyword: string } | { ok: false; message: string } {
  const keyword = withAsciiDashes(typed);
  if (keyword.length < 1) return { ok: false, message: SEARCH_KEYWORD_WORDS.empty };
  if (keyword.length > SEARCH_KEYWORD_MAX) return { ok: false, message: SEARCH_KEYWORD_WORDS.tooLong };
  return { ok: true, keyword };
}
