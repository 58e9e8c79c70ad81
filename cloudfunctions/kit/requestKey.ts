import { createHash } from 'node:crypto';

/**
 * The id of what one person's request creates: the same person and request id always give the
 * same document id, so a retried submit or publish finds what the first attempt made.
 */
export const requestKey = (openid: string, requestId: string) => createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32);
