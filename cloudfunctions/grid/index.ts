import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { callStaff } from './callStaff';
import { locate } from './locate';
import { resolve } from './resolve';
import { search } from './search';

export const main = dispatch({ resolve, search, callStaff, locate }, platformPorts);
