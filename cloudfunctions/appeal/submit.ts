import { SubmitAppealInput } from '../../types/appeal';
import { appealNumber, fileAppeal } from '../domain/appeal';
import { detailView } from '../domain/appealView';
import { screening } from '../domain/contentPolicy';
import { slaPolicyFor } from '../domain/slaPolicy';
import { inShanghai } from '../domain/time';
import { action } from '../kit/action';
import type { Ports } from '../kit/ports';
import { refuse } from '../domain/refusal';
import { requestKey } from '../kit/requestKey';
import { getAppeal, insertAppeal } from '../store/appeals';
import { countBlocks } from '../store/blocks';
import { LIMITS_SETTINGS, settingsByIds, slaSettingIds } from '../store/settings';
import { nextSequence } from '../store/counters';
import { isDuplicateKey } from '../store/errors';
import { checkedText, requireCaller } from '../kit/caller';
import { throttle } from '../kit/throttle';
import { activeGrid } from '../services/activeGrid';
import { claimFiles, screenImages } from '../services/files';
import { streetSlaFrom } from '../services/slaPolicy';
import { tellGrid } from '../services/tell';

/** Enough for a burst of simultaneous appeals in one street; each draw moves the counter on. */
const MAX_NUMBER_DRAWS = 50;

/**
 * A new appeal's words (its content and the place it names, which staff read too) and photos
 * through WeChat's checks and the one content policy: refused, held or published.
 */
async function screen(ports: Ports, openid: string, input: Pick<SubmitAppealInput, 'content' | 'location'>, photos: string[]) {
  const words = [input.content, input.location?.name, input.location?.address].filter(Boolean).join('\n');
  const [verdict, media] = await Promise.all([checkedText(ports, openid, words), screenImages(ports, openid, photos, 'appeal')]);
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
  const category = street.categories.find((c) => c.id === input.category);
  if (!category) return refuse('INVALID_INPUT', '请从本街道的事项清单中选择类别');
  // the throttle's windows and the street's clocks in one read
  const settings = await settingsByIds(db, [LIMITS_SETTINGS, ...slaSettingIds(street._id)]);
  // counted once the request is sound: a refused one (someone else's photo, a retired grid) writes nothing
  await throttle(ports, 'appealSubmit', openid, settings[LIMITS_SETTINGS] ?? null);
  const policy = slaPolicyFor(streetSlaFrom(settings, street._id, now), category.id);

  const { held, traces } = await screen(ports, openid, input, input.photos);
  const day = inShanghai(now).format('YYYYMMDD');
  // taken before the appeal is stored: a retry of this submit finds them on its own record
  await photos.attach(now);
  for (let tries = 0; ; tries++) {
    const seq = await nextSequence(db, `appeal-${street._id}-${day}`);
    const appeal = fileAppeal(
      {
        id,
        number: appealNumber(street._id, day, seq),
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
    );
    try {
      await insertAppeal(db, appeal);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Either the same submit raced this one and won (answer with its appeal), or another
      // appeal took this number (draw the next one).
      const winner = await getAppeal(db, id);
      if (winner) return detailView(winner, viewer, now);
      if (tries < MAX_NUMBER_DRAWS) continue;
      throw error;
    }
    if (!held) await tellGrid(ports, appeal, chief);
    return detailView(appeal, viewer, now);
  }
});
