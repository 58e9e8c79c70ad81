import { SubmitAppealInput } from '../../types/appeal';
import { fileAppeal } from '../domain/appeal';
import { detailView } from '../domain/appealView';
import { screening } from '../domain/contentPolicy';
import { action } from '../kit/action';
import type { Ports } from '../kit/ports';
import { refuse } from '../domain/refusal';
import { requestKey } from '../kit/requestKey';
import { getAppeal } from '../store/appeals';
import { countBlocks } from '../store/blocks';
import { checkedText, requireCaller } from '../kit/caller';
import { activeGrid } from '../services/activeGrid';
import { claimFiles, screenImages } from '../services/files';
import { throttledFilingClocks } from '../services/slaPolicy';
import { tellGrid } from '../services/tell';
import { categoryOf, filedWords, insertNumbered } from './filing';

/**
 * A new appeal's words (its content and the place it names, which staff read too) and photos
 * through WeChat's checks and the one content policy: refused, held or published.
 */
async function screen(ports: Ports, openid: string, input: Pick<SubmitAppealInput, 'content' | 'location'>, photos: string[]) {
  const [verdict, media] = await Promise.all([checkedText(ports, openid, filedWords(input)), screenImages(ports, openid, photos, 'appeal')]);
  const traces = media.map((m) => m.traceId);
  return { held: screening('appeal', verdict, traces.includes(null)) === 'hold', traces };
}

export const submit = action(SubmitAppealInput, async (input, ports) => {
  const { openid } = requireCaller(ports);
  const { db, clock } = ports;
  const now = clock.now();
  const viewer = { openid, staff: null };
  const id = requestKey(openid, input.requestId);
  const earlier = await getAppeal(db, id);
  if (earlier) return detailView(earlier, viewer, now);

  const [blocks, target, photos] = await Promise.all([
    countBlocks(db, openid),
    activeGrid(db, input.gridCode, ['street', 'chief']),
    claimFiles(ports, { by: openid, purpose: 'appealPhoto', record: { collection: 'appeals', id } }, input.photos),
  ]);
  // Barred by any street: one street's block stands until that street lifts it, wherever the resident files.
  if (blocks > 0) refuse('FORBIDDEN', '您暂时不能提交诉求，如有疑问请联系所在社区');
  const { street: [street], chief: [chief = null], ...grid } = target;
  const category = categoryOf(street, input.category);
  // counted once the request is sound: a refused one (someone else's photo, a retired grid) writes nothing
  const policy = await throttledFilingClocks(ports, 'appealSubmit', openid, street._id, category.id, now);

  const { held, traces } = await screen(ports, openid, input, input.photos);
  // taken before the appeal is stored: a retry of this submit finds them on its own record
  await photos.attach(now);
  const { appeal, created } = await insertNumbered(db, id, street._id, now, (number) =>
    fileAppeal(
      {
        id,
        number,
        requestId: input.requestId,
        residentOpenid: openid,
        grid,
        category,
        content: input.content,
        photos: input.photos,
        photoTraceIds: traces,
        location: input.location ?? null,
        contactPhone: input.contactPhone ?? null,
        anonymous: input.anonymous,
        held,
      },
      now,
      policy,
    ),
  );
  if (created && !held) await tellGrid(ports, appeal, chief);
  return detailView(appeal, viewer, now);
});
