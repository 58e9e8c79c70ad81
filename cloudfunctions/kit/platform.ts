import cloud from 'wx-server-sdk';
import { CLOCK_OFFSET_VARIABLE } from '../../types/devClock';
import type { TextVerdict } from '../domain/contentPolicy';
import { cloudPathIn } from '../domain/files';
import type { Clock, Files, Ports, WxApi } from './ports';

// The only module that touches wx-server-sdk. `DYNAMIC_CURRENT_ENV` keeps the env id out of
// the code: the cloud (or the local cloud) says which environment a call runs in. The SDK's
// own typings declare it a symbol that `init` does not accept, though `init` is built for it.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const MSG_SEC_SCENE_FORUM = 3;
const MEDIA_TYPE_IMAGE = 2;

const wx: WxApi = {
  async sendSubscribe({ touser, templateId, page, data }) {
    await cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState: 'formal', lang: 'zh_CN' });
  },
  async checkText(openid, content) {
    const reply = await cloud.openapi.security.msgSecCheck({ openid, scene: MSG_SEC_SCENE_FORUM, version: 2, content });
    return (reply.result?.suggest ?? 'review') as TextVerdict;
  },
  async checkImage(openid, fileID) {
    const reply = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL?: string }> };
    const url = reply.fileList[0]?.tempFileURL;
    if (!url) throw new Error(`no temporary URL for ${fileID}`);
    const check = await cloud.openapi.security.mediaCheckAsync({ mediaUrl: url, mediaType: MEDIA_TYPE_IMAGE, version: 2, scene: MSG_SEC_SCENE_FORUM, openid });
    return String(check.traceId ?? '');
  },
  async openData(cloudID) {
    const { list } = (await cloud.getOpenData({ list: [cloudID] })) as { list: Array<{ data?: Record<string, unknown> }> };
    return list[0]?.data ?? null;
  },
  async miniProgramCode(scene, page) {
    // checkPath false: a sign or invite may be printed before the page's version is released.
    // The widest code WeChat makes (1280 px): it is printed at 7–8 cm on a sign.
    const reply = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 1280 })) as { buffer?: Buffer | Uint8Array };
    if (!reply.buffer?.length) throw new Error(`wxacode.getUnlimited returned no image for ${scene}`);
    return Buffer.from(reply.buffer);
  },
};

/** getTempFileURL takes at most 50 files a call. */
const TEMP_URL_BATCH = 50;

const files: Files = {
  async put(cloudPath, fileContent) {
    const { fileID } = await cloud.uploadFile({ cloudPath, fileContent });
    return fileID;
  },
  async get(fileID) {
    const { fileContent } = await cloud.downloadFile({ fileID });
    return Buffer.from(fileContent);
  },
  async tempUrls(fileIDs) {
    const urls = new Map<string, string>();
    for (let i = 0; i < fileIDs.length; i += TEMP_URL_BATCH) {
      const reply = (await cloud.getTempFileURL({ fileList: fileIDs.slice(i, i + TEMP_URL_BATCH) })) as {
        fileList: Array<{ fileID: string; tempFileURL?: string }>;
      };
      for (const file of reply.fileList) if (file.tempFileURL) urls.set(file.fileID, file.tempFileURL);
    }
    return urls;
  },
  pathOf(fileID) {
    return cloudPathIn(String(cloud.getWXContext().ENV ?? ''), fileID);
  },
};

/**
 * "Now" for every handler and timer, the one place functions read the time: real time, plus the
 * local cloud's offset when a test or demo moved its clock (`POST /api/dev/clock`; the offset
 * comes in each call's environment as whole milliseconds). The real cloud never sets the variable,
 * so there the offset is 0. Read once per call: a move while a call runs applies from the next.
 */
function platformClock(): Clock {
  const offset = Number(process.env[CLOCK_OFFSET_VARIABLE] ?? 0);
  const lead = Number.isSafeInteger(offset) ? offset : 0;
  return { now: () => new Date(Date.now() + lead) };
}

export function platformPorts(): Ports {
  const { OPENID, SOURCE } = cloud.getWXContext();
  return {
    caller: OPENID ? { openid: String(OPENID) } : null,
    source: String(SOURCE ?? ''),
    db: cloud.database(),
    clock: platformClock(),
    wx,
    files,
  };
}
