import * as z from 'zod/mini';
import type { Station } from './grid';

/**
 * What the printed sign's code holds: `link`, the ordinary QR with `https://<domain>/g/<code>`
 * (any printer, no WeChat access needed); `miniProgram`, WeChat's own mini-program code with
 * scene `g=<code>` (made once per grid by wxacode.getUnlimited and kept in storage).
 */
export const SIGN_QR_KINDS = ['link', 'miniProgram'] as const;
export type SignQrKind = (typeof SIGN_QR_KINDS)[number];

export const StreetId = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_-]{1,32}$/, { error: '街道编号不正确（1–32 位字母、数字、下划线或连字符）' }));

/** The signs ("一网一码" 码牌) of a street's active grids, to print. */
export const StreetSignsInput = z.object({
  streetId: StreetId,
  qr: z._default(z.enum(SIGN_QR_KINDS, { error: '二维码类型只能是 link 或 miniProgram' }), 'link'),
});
export type StreetSignsInput = z.infer<typeof StreetSignsInput>;

export type SignQr = { kind: 'link'; link: string } | { kind: 'miniProgram'; fileID: string; url: string };

/** A person a sign names, phone in full: reaching them is what the sign is for. */
export type SignPerson = { name: string; phone: string };

export type GridSign = {
  code: string;
  name: string;
  community: string;
  /** The bound chief, else the chief the registry names; null when neither is known yet. */
  chief: SignPerson | null;
  station: Station | null;
  qr: SignQr;
};

export type StreetSigns = {
  street: { id: string; name: string; brand: string };
  /** One per active grid the caller may print, in code order. */
  signs: GridSign[];
};
