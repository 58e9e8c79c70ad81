import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { checkIn } from './checkIn';
import { households, saveHousehold } from './households';

export const main = dispatch({ checkIn, households, saveHousehold }, platformPorts);
