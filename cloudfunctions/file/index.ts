import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { ticket } from './ticket';

export const main = dispatch({ ticket }, platformPorts);
