import { SearchGridsInput } from '../../types/grid';
import { action } from '../kit/action';
import { searchGrids } from '../store/grids';

export const search = action(SearchGridsInput, ({ keyword }, { db }) => searchGrids(db, keyword));
