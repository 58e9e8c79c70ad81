import * as z from 'zod/mini';

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp'] as const;
const SHEET_EXTENSIONS = ['xlsx', 'csv'] as const;

/**
 * What a stored file is for, fixed when it is uploaded (`file.ticket`): an action accepts a
 * fileID only for its own purpose. `folder` is the storage folder its uploads go to, `label` how
 * a person names it, `extensions` what may be uploaded for it.
 */
export const FILE_PURPOSES = {
  /** A resident's photo of the problem (`appeal.submit`). */
  appealPhoto: { folder: 'appeals', label: '诉求照片', extensions: IMAGE_EXTENSIONS },
  /** Staff's photo of their work on an appeal (`appeal.reply`, `appeal.resolve`) or of what they report (`appeal.report`). */
  workPhoto: { folder: 'work', label: '办理照片', extensions: IMAGE_EXTENSIONS },
  /** An image of a notice (`notice.publish`). */
  noticeImage: { folder: 'notices', label: '通知图片', extensions: IMAGE_EXTENSIONS },
  /** A WeChat group's QR code shown on the grid page (`grid.setGroupChat`). */
  groupQr: { folder: 'groupqr', label: '网格群二维码', extensions: IMAGE_EXTENSIONS },
  /** A registry sheet to import (`registry.import`). */
  registrySheet: { folder: 'imports', label: '网格台账表格', extensions: SHEET_EXTENSIONS },
} as const;

export type FilePurpose = keyof typeof FILE_PURPOSES;

const PURPOSES = Object.keys(FILE_PURPOSES) as [FilePurpose, ...FilePurpose[]];

/**
 * `file.ticket`: where the caller may upload one file for `purpose`. `name` is the picked file's
 * name (or temp path); only its extension is read, and it must be one the purpose takes.
 */
export const FileTicketInput = z.object({
  purpose: z.enum(PURPOSES, { error: '不支持的文件用途' }),
  name: z.string().check(z.maxLength(512, { error: '文件名过长' })),
});
export type FileTicketInput = z.input<typeof FileTicketInput>;

/** The cloud path to upload to (`wx.cloud.uploadFile({cloudPath})`; in H5 the local cloud's upload). */
export type FileTicket = { cloudPath: string };
