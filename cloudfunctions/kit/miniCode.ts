import { createHash } from 'node:crypto';
import { miniCodesByIds, saveMiniCode } from '../store/miniCodes';
import type { Ports } from './ports';

/**
 * Mini-program codes (wxacode.getUnlimited) for many scenes of one page, made once each and
 * kept in storage: the API is rate-limited and slow (a whole street's signs would otherwise ask
 * WeChat again on every print), and a printed code never changes for the same scene.
 */
const MAKE_AT_ONCE = 5;

const idOf = (page: string, scene: string) => createHash('sha1').update(`${page}\n${scene}`).digest('hex');

/** fileIDs by scene. */
export async function miniCodeFiles(ports: Ports, page: string, scenes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(scenes)];
  const stored = await miniCodesByIds(ports.db, wanted.map((scene) => idOf(page, scene)));
  const files = new Map(stored.map((code) => [code.scene, code.fileID]));
  const missing = wanted.filter((scene) => !files.has(scene));

  for (let i = 0; i < missing.length; i += MAKE_AT_ONCE) {
    await Promise.all(
      missing.slice(i, i + MAKE_AT_ONCE).map(async (scene) => {
        const png = await ports.wx.miniProgramCode(scene, page);
        const _id = idOf(page, scene);
        const fileID = await ports.files.put(`minicodes/${_id}.png`, png);
        await saveMiniCode(ports.db, { _id, page, scene, fileID, createdAt: ports.clock.now() });
        files.set(scene, fileID);
      }),
    );
  }
  return files;
}
