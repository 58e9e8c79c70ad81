import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { invite, redeem, unbind } from './invites';

export const main = dispatch({ invite, redeem, unbind }, platformPorts);
