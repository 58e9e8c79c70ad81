import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { importSheet } from './importSheet';

export const main = dispatch({ import: importSheet }, platformPorts);
