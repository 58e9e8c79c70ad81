import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { grantConsents, whoami } from './me';

export const main = dispatch({ me: whoami, grantConsents }, platformPorts);
