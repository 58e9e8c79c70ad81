import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { behind } from './behind';
import { compute } from './compute';
import { exportMonth } from './export';
import { grid } from './grid';
import { ranking } from './ranking';
import { isTimerEvent, onTimer } from './timer';

const route = dispatch({ compute, ranking, grid, behind, export: exportMonth }, platformPorts);

// The timer trigger (config.json) sends no `action`: it runs the monthly assessment and the daily records.
export const main = (event: object) => (isTimerEvent(event) ? onTimer() : route(event));
