import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { publish } from './publish';
import { detail, list } from './read';
import { unpublish } from './unpublish';

export const main = dispatch({ publish, list, detail, unpublish }, platformPorts);
