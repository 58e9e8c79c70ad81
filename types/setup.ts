import * as z from 'zod/mini';

/**
 * The `setup` function's contract (`npm run deploy` is its only caller, through CloudBase's
 * management API): settings documents by `_id`, written where they differ from what is stored.
 * `token` is the deployment's setup token (`GRIDLINK_SETUP_TOKEN` on the function), so neither a
 * mini-program user nor anyone without the deploy's API key can call it.
 */
const Token = z.string().check(z.minLength(16), z.maxLength(128));
const SettingId = z.string().check(z.minLength(1), z.maxLength(40));

export const ApplySettingsInput = z.object({
  token: Token,
  documents: z.record(SettingId, z.record(z.string(), z.unknown())),
});

export const ReadSettingsInput = z.object({ token: Token, ids: z.array(SettingId).check(z.minLength(1), z.maxLength(50)) });

/** What `setup.apply` did: the documents written and those already as given, by `_id`. */
export type AppliedSettings = { changed: string[]; unchanged: string[] };

/** The environment variable holding the setup token on the `setup` function. */
export const SETUP_TOKEN_VARIABLE = 'GRIDLINK_SETUP_TOKEN';
