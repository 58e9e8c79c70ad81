import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { invite, preview, redeem, unbind } from './invites';
import { places, team } from './team';

export const main = dispatch({ invite, preview, redeem, unbind, team, places }, platformPorts);
