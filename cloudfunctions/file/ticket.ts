import { randomBytes } from 'node:crypto';
import { FileTicketInput, type FileTicket } from '../../types/files';
import { newFile } from '../domain/files';
import { action } from '../kit/action';
import { requireCaller } from '../kit/caller';
import { insertFile } from '../store/files';
import { throttle } from '../kit/throttle';

/** 128 random bits: a path nobody can guess before its fileID is shown. */
const TOKEN_BYTES = 16;

/**
 * Where the caller may upload one file for `purpose`: an unguessable cloud path under the
 * purpose's folder, recorded as theirs. Actions accept a fileID only at a path recorded so, by
 * its owner, for their purpose (`services/files` `claimFiles`). INVALID_INPUT for an extension
 * the purpose does not take; UNAUTHENTICATED without an identity.
 */
export const ticket = action(FileTicketInput, async ({ purpose, name }, ports): Promise<FileTicket> => {
  const { openid } = requireCaller(ports);
  await throttle(ports, 'fileTicket', openid);
  const file = newFile({ token: randomBytes(TOKEN_BYTES).toString('hex'), owner: openid, purpose, name }, ports.clock.now());
  await insertFile(ports.db, file);
  return { cloudPath: file.cloudPath };
});
