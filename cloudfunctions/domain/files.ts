import { FILE_PURPOSES, type FilePurpose } from '../../types/files';
import { Refusal } from './refusal';
import { inShanghai } from './time';

/** The record a file is used in: a document of one of these collections. */
export type FileUsedIn = { collection: 'appeals' | 'notices' | 'grids' | 'imports' | 'checkins'; id: string };

/**
 * A stored file as the `files` collection holds it (DESIGN §3): who uploaded it, what for, and
 * the record it is attached to. `_id` is the random name in its cloud path.
 */
export type FileRecord = {
  _id: string;
  /** Where it is uploaded to: `<purpose folder>/<yyyymm>/<_id>.<ext>` (month in Asia/Shanghai). */
  cloudPath: string;
  /** The uploader's openid, as the platform named them when they asked to upload. */
  owner: string;
  purpose: FilePurpose;
  createdAt: Date;
  /** Set when an action using it succeeds; null while it is only uploaded. */
  attachedTo: FileUsedIn | null;
  attachedAt: Date | null;
  /** Set when WeChat's media check judged the image risky: it is never attached anywhere again. */
  risky?: boolean;
};

const EXTENSION = /\.([A-Za-z0-9]{1,5})$/;

/**
 * The record of a file `owner` may now upload for `purpose`, under the unguessable `token`.
 * `name` is the picked file's name or temp path: its extension must be one the purpose takes,
 * else a Refusal INVALID_INPUT.
 */
export function newFile(input: { token: string; owner: string; purpose: FilePurpose; name: string }, now: Date): FileRecord {
  const { folder, label, extensions } = FILE_PURPOSES[input.purpose];
  const ext = EXTENSION.exec(input.name.split(/[?#]/)[0])?.[1].toLowerCase();
  if (!ext || !(extensions as readonly string[]).includes(ext)) {
    throw new Refusal('INVALID_INPUT', `${label}只能是 ${extensions.join('、')} 格式的文件`);
  }
  const month = inShanghai(now).format('YYYYMM');
  return { _id: input.token, cloudPath: `${folder}/${month}/${input.token}.${ext}`, owner: input.owner, purpose: input.purpose, createdAt: now, attachedTo: null, attachedAt: null };
}

/**
 * The cloud path a fileID names in environment `env`'s storage (`cloud://<env>.<bucket>/<path>`,
 * as `wx.cloud.uploadFile` returns it); null for a file of any other environment.
 */
export function cloudPathIn(env: string, fileID: string): string | null {
  const prefix = `cloud://${env}.`;
  if (!env || !fileID.startsWith(prefix)) return null;
  const slash = fileID.indexOf('/', prefix.length);
  return slash < 0 ? null : fileID.slice(slash + 1) || null;
}

/** Who wants to use files, for what, on which record. */
export type FileUse = { by: string; purpose: FilePurpose; record: FileUsedIn };

const sameRecord = (a: FileUsedIn | null, b: FileUsedIn) => a !== null && a.collection === b.collection && a.id === b.id;

/**
 * May `use.by` use these files for `use.purpose` on `use.record`? Each must be their own upload
 * for that purpose not yet attached elsewhere, or one already attached to that same record (a
 * retry, or a colleague's file on it). `paths` are the wanted files' cloud paths (null for a
 * fileID outside this environment's storage), `stored` the records found for them. Another
 * person's file and one never ticketed get the same answer, so nobody learns what exists.
 * Returns the records still to attach to `use.record`; throws Refusal FORBIDDEN otherwise.
 */
export function filesToAttach(paths: Array<string | null>, stored: FileRecord[], use: FileUse): FileRecord[] {
  const { label } = FILE_PURPOSES[use.purpose];
  const byPath = new Map(stored.map((f) => [f.cloudPath, f]));
  const fresh = new Map<string, FileRecord>();
  for (const path of paths) {
    const file = path === null ? undefined : byPath.get(path);
    const attachedHere = !!file && sameRecord(file.attachedTo, use.record);
    if (!file || (file.owner !== use.by && !attachedHere)) throw new Refusal('FORBIDDEN', `只能使用您本人上传的${label}，请重新上传`);
    if (file.purpose !== use.purpose) throw new Refusal('FORBIDDEN', `这个文件不是作为${label}上传的，请重新上传`);
    if (file.risky) throw new Refusal('FORBIDDEN', `这张图片未通过微信安全检测，不能使用，请换一张${label}`);
    if (file.attachedTo && !attachedHere) throw new Refusal('FORBIDDEN', `这个文件已用在别处，请重新上传${label}`);
    if (!attachedHere) fresh.set(file._id, file);
  }
  return [...fresh.values()];
}
