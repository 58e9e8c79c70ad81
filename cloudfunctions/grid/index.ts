import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { callStaff } from './callStaff';
import { resolve } from './resolve';
import { search } from './search';

export const main = dispatch({ resolve, search, callStaff }, platformPorts);
