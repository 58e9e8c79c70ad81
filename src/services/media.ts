import Taro from '@tarojs/taro';
import type { FilePurpose } from '../../types/files';
import { upload, type UploadSource } from './cloud';

/** Lets the person pick up to `count` photos; compressed in the mini-program. [] when cancelled. */
export async function pickPhotos(count: number): Promise<UploadSource[]> {
  if (count <= 0) return [];
  let res: Taro.chooseMedia.SuccessCallbackResult;
  try {
    res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return []; // cancelled
  }
  const out: UploadSource[] = [];
  for (const f of res.tempFiles.slice(0, count)) {
    const original = (f as { originalFileObj?: File }).originalFileObj;
    if (process.env.TARO_ENV === 'h5' && original) {
      out.push(original);
      continue;
    }
    out.push(await compress(f.tempFilePath));
  }
  return out;
}

/** weapp only (H5 has no compressImage); the original when it fails. */
async function compress(path: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return path;
  try {
    const r = await Taro.compressImage({ src: path, quality: 70 });
    return r.tempFilePath || path;
  } catch {
    return path;
  }
}

/** Images a person uploads: what each is for decides where it may be used (`types/files`). */
export type ImagePurpose = Exclude<FilePurpose, 'registrySheet'>;

/**
 * Uploads photos one by one for `purpose` (each through its own `file.ticket`); answers the
 * fileIDs stored and the first error message, if any.
 */
export async function uploadAll(sources: UploadSource[], purpose: ImagePurpose): Promise<{ fileIDs: string[]; error: string | null }> {
  const fileIDs: string[] = [];
  for (const s of sources) {
    const r = await upload(s, purpose);
    if (!r.ok) return { fileIDs, error: r.message };
    fileIDs.push(r.data.fileID);
  }
  return { fileIDs, error: null };
}
