import type { Envelope } from '../../types/envelope';
import type { FilePurpose, FileTicket } from '../../types/files';

/**
 * Uploads a file to the local cloud at `url` as `openid` does from the H5 app: asks `file.ticket`
 * where a file for `purpose` named `name` goes, then posts the bytes to exactly that path.
 * Resolves to the fileID, or the refusal of either step; never throws for a refusal.
 */
export async function uploadAs(url: string, openid: string, purpose: FilePurpose, name: string, bytes: Uint8Array): Promise<Envelope<{ fileID: string }>> {
  const ticket = (await (
    await fetch(`${url}/api/fn/file`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify({ action: 'ticket', purpose, name }),
    })
  ).json()) as Envelope<FileTicket>;
  if (!ticket.ok) return ticket;
  const res = await fetch(`${url}/api/dev/upload?path=${encodeURIComponent(ticket.data.cloudPath)}`, { method: 'POST', headers: { 'x-dev-openid': openid }, body: new Uint8Array(bytes) });
  return (await res.json()) as Envelope<{ fileID: string }>;
}
