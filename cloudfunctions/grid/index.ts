import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { callStaff } from './callStaff';
import { confirmGroup, dismissGroup, groupBinding, groupEnter, unbindGroup } from './groupBinding';
import { clearGroupChat, setGroupChat } from './groupChat';
import { locate } from './locate';
import { resolve } from './resolve';
import { retire } from './retire';
import { search } from './search';
import { signs } from './signs';
import { successor } from './successor';

export const main = dispatch({ resolve, search, callStaff, locate, successor, retire, setGroupChat, clearGroupChat, signs, groupEnter, groupBinding, confirmGroup, dismissGroup, unbindGroup }, platformPorts);
