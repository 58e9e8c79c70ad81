import { timingSafeEqual } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ApplySettingsInput, ReadSettingsInput, SETUP_TOKEN_VARIABLE, type AppliedSettings } from '../../types/setup';
import { deploymentSettingsProblems } from '../domain/deploymentSettings';
import { refuse } from '../domain/refusal';
import { action, dispatch } from '../kit/action';
import { platformPorts } from '../kit/platform';
import type { Ports } from '../kit/ports';
import { putSettings, settingsByIds, type SettingsDocs } from '../store/settings';

/**
 * The deployment's one door for its settings (issue 13): `npm run deploy` calls it through the
 * management API (no WeChat user, so no OPENID) with the setup token it set on this function
 * alone. A mini-program user, or a call without the token, is FORBIDDEN; so is every call when the
 * function carries no token (as in the local cloud).
 */
function mayConfigure(ports: Ports, token: string): void {
  const expected = Buffer.from(process.env[SETUP_TOKEN_VARIABLE] ?? '');
  const given = Buffer.from(token);
  const matches = expected.length > 0 && expected.length === given.length && timingSafeEqual(expected, given);
  if (ports.caller || !matches) refuse('FORBIDDEN', '只有部署命令可以修改部署设置');
}

const withoutId = ({ _id: _ignored, ...rest }: Record<string, unknown>) => rest;

/** Writes the documents that differ from what is stored; INVALID_INPUT naming every problem, writing nothing, when one does not fit. */
const apply = action(ApplySettingsInput, async ({ token, documents }, ports): Promise<AppliedSettings> => {
  mayConfigure(ports, token);
  const problems = deploymentSettingsProblems(documents);
  if (problems.length) refuse('INVALID_INPUT', problems.join('；'));
  const ids = Object.keys(documents);
  const stored = ids.length ? await settingsByIds(ports.db, ids) : {};
  const changed = ids.filter((id) => !stored[id] || !isDeepStrictEqual(withoutId(stored[id]), documents[id]));
  await putSettings(ports.db, Object.fromEntries(changed.map((id) => [id, documents[id]])) as SettingsDocs);
  return { changed, unchanged: ids.filter((id) => !changed.includes(id)) };
});

/** The stored documents among `ids`, by `_id` (without it); one not stored is absent. */
const read = action(ReadSettingsInput, async ({ token, ids }, ports) => {
  mayConfigure(ports, token);
  const stored = await settingsByIds(ports.db, ids);
  return { documents: Object.fromEntries(Object.entries(stored).map(([id, doc]) => [id, withoutId(doc)])) };
});

export const main = dispatch({ apply, read }, platformPorts);
