import Taro from '@tarojs/taro';
import { fileUrl } from '../../services/cloud';

/**
 * Opens an exported .xlsx kept in cloud storage: in WeChat it is downloaded and shown with
 * `openDocument` (whose menu forwards or saves it); in H5 the browser downloads it as `name`
 * from the file's temp URL. Resolves to an error message, or null when it opened.
 */
export async function openSheet(fileID: string, name: string): Promise<string | null> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const link = document.createElement('a');
      link.href = fileUrl(fileID);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      return null;
    }
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return null;
  } catch {
    return '表格打开失败，请重试';
  }
}
