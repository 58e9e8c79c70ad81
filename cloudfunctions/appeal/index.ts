import { dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import { ledger } from './ledger';
import { detail, inbox, mine } from './lists';
import { block, moderate, unblock } from './oversight';
import { report } from './report';
import { rate } from './resident';
import { submit } from './submit';
import { board, decideExtension, requestExtension, supervise } from './supervision';
import { accept, escalate, reply, resolve, sendBack, transfer } from './work';

export const main = dispatch(
  { submit, mine, detail, inbox, accept, reply, transfer, escalate, resolve, sendBack, rate, moderate, block, unblock, report, ledger, supervise, requestExtension, decideExtension, board },
  platformPorts,
);
