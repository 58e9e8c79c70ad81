import { Refusal } from './refusal';

/** msgSecCheck v2's verdict on a text, or `unchecked` when the checker itself failed. */
export type TextVerdict = 'pass' | 'review' | 'risky';
export type Checked = TextVerdict | 'unchecked';

/**
 * Who wrote what, which decides what an uncertain verdict means:
 *  - `appeal`: a new appeal, the first words of a resident nobody has met, sent on to staff;
 *  - `staffWords`: a reply, result, reason, notice or group link by staff bound through an invite;
 *  - `residentWords`: the filer's own rating comment on their own appeal.
 */
export type Writing = 'appeal' | 'staffWords' | 'residentWords';

/** `publish`: goes where it was written for; `hold`: waits for community or street staff to release it. */
export type Screening = 'publish' | 'hold';

/**
 * Images that could not be sent to WeChat's media check: a new appeal is held (`screening`);
 * staff images (notices, group QRs, reply and result photos) are refused, since nothing could
 * hide them later and their author can simply try again. Throws `Refusal('CONFLICT')`.
 */
export function unscreenedImages(writing: Writing, unchecked: boolean): void {
  if (unchecked && writing !== 'appeal') throw new Refusal('CONFLICT', '图片未能送交微信安全检测（可能还没上传完），请稍后重试');
}

/**
 * GridLink's one policy for WeChat's content checks (msgSecCheck v2 for text, mediaCheckAsync v2
 * for images, https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html):
 *  - text judged `risky` is refused (CONTENT_RISKY), whoever wrote it;
 *  - a new appeal whose text is `review`, or whose text or any image could not be checked, is held
 *    for people to moderate: its author is unknown and it would otherwise reach staff unscreened;
 *  - staff words and a filer's comment on their own appeal are published on `review` or when the
 *    checker fails: their authors are known and accountable, the audience is the appeal's own
 *    people (or the grid for a notice), holding them would stall the work, and an image judged
 *    risky later is hidden by the `mediacheck` push.
 * Throws `Refusal('CONTENT_RISKY')`.
 */
export function screening(writing: Writing, text: Checked, imagesUnchecked = false): Screening {
  if (text === 'risky') throw new Refusal('CONTENT_RISKY');
  if (writing !== 'appeal') return 'publish';
  return text === 'pass' && !imagesUnchecked ? 'publish' : 'hold';
}
