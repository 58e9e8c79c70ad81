import { SEARCH_PAGE_SIZE, SearchGridsInput } from '../../types/grid';
import { action } from '../kit/action';
import { searchGrids } from '../store/grids';

/** Grids by the words of the keyword (every one must match), a page at a time by code. */
export const search = action(SearchGridsInput, ({ keyword, cursor }, { db }) => searchGrids(db, keyword.split(' '), cursor ?? null, SEARCH_PAGE_SIZE));
