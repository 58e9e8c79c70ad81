import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { compute } from './compute';
import { exportMonth } from './export';
import { grid } from './grid';
import { ranking } from './ranking';

export const main = dispatch({ compute, ranking, grid, export: exportMonth }, platformPorts);
