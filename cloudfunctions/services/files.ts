import type { FileUse } from '../domain/files';
import { filesToAttach } from '../domain/files';
import type { MediaRecord } from '../domain/records';
import type { Ports } from '../kit/ports';
import { unscreenedImages, type Writing } from '../domain/contentPolicy';
import { refuse } from '../domain/refusal';
import { attachFiles, detachFiles, filesAt } from '../store/files';

/** Files an action may use, to attach to its record just before that record is saved. */
export type FileClaim = {
  /**
   * Marks the files as used in the record (nothing to write when all already were); throws
   * Refusal CONFLICT, taking back what it marked, when another record took one meanwhile, so two
   * records never share one file.
   */
  attach(at: Date): Promise<void>;
};

/**
 * Whether `use.by` may use these fileIDs for `use.purpose` on `use.record` (`domain/files`
 * `filesToAttach`): one read for all of them, none when there are none. Throws Refusal FORBIDDEN,
 * before the action writes anything, for a file of someone else, of another purpose, of another
 * environment or attached elsewhere.
 */
export async function claimFiles(ports: Ports, use: FileUse, fileIDs: string[]): Promise<FileClaim> {
  const paths = fileIDs.map((fileID) => ports.files.pathOf(fileID));
  const stored = await filesAt(ports.db, [...new Set(paths.filter((p): p is string => p !== null))]);
  const fresh = filesToAttach(paths, stored, use).map((f) => f._id);
  return {
    async attach(at) {
      if ((await attachFiles(ports.db, fresh, use.record, at)) === fresh.length) return;
      await detachFiles(ports.db, fresh, use.record);
      refuse('CONFLICT', '图片刚被用在了别处，请重新上传');
    },
  };
}

/**
 * Images others will see, each sent to WeChat's asynchronous media check (mediaCheckAsync v2) as
 * `openid`'s: its trace id, or null when it could not be sent (the file is missing — not uploaded
 * yet — or the check failed). The verdict arrives later at the `mediacheck` push, which hides an
 * image judged risky by this trace id. What an unsent check means is the content policy's call
 * (`unscreenedImages`): a new appeal is held; anything else is refused.
 */
export async function screenImages(ports: Ports, openid: string, fileIDs: string[], writing: Writing): Promise<MediaRecord[]> {
  const traces = await Promise.all(fileIDs.map((fileID) => ports.wx.checkImage(openid, fileID).catch(() => null)));
  unscreenedImages(writing, traces.includes(null));
  return fileIDs.map((fileID, i) => ({ fileID, traceId: traces[i], hidden: false }));
}
