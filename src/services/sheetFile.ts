import Taro from '@tarojs/taro';
import type { Envelope } from '../../types/envelope';
import { upload, type UploadSource } from './cloud';

/** A registry sheet the person picked: shown by name, uploaded from `source`. */
export type PickedSheet = { name: string; size: number; source: UploadSource };

const EXTENSIONS = ['xlsx', 'csv'];

/**
 * Lets a street officer pick the registry sheet. In WeChat a phone has no file browser: the
 * sheet comes from a chat (chooseMessageFile), where office staff send it. H5 uses the
 * browser's file chooser. null when cancelled.
 */
export function pickSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser();
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS }).then(
    ({ tempFiles: [file] }) => (file ? { name: file.name, size: file.size, source: file.path } : null),
    () => null,
  );
}

function pickInBrowser(): Promise<PickedSheet | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = EXTENSIONS.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, size: file.size, source: file } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Uploads the picked sheet as the caller's registry sheet: the only file `registry.import` reads for them. */
export function uploadSheet(sheet: PickedSheet): Promise<Envelope<{ fileID: string }>> {
  return upload(sheet.source, 'registrySheet');
}
