import { DEFAULT_MESSAGES, type ErrorCode, type Problem } from '../../types/envelope';

/** A handler's deliberate "no": becomes `{ ok: false, code, message }` in the envelope. */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    readonly problems?: Problem[],
  ) {
    super(message);
  }
}

export const refuse = (code: ErrorCode, message?: string, problems?: Problem[]): never => {
  throw new Refusal(code, message, problems);
};
