import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SignQrKind } from '../../types/signs';
import { ROOT } from '../functions';

/** A refusal of the signs script: its message is for the person at the terminal. */
export class SignsError extends Error {}

export type SignsOptions = {
  street: string;
  out: string;
  qr: SignQrKind;
  /** The identity the local cloud is told is calling (its `X-Dev-OpenId`). */
  as: string;
  /** A running local cloud; without one the script starts its own on `data`. */
  cloud: string | null;
  data: string;
};

// The command line says `mini-program` (how people type it); the function says `miniProgram`.
const QR_KINDS: Record<string, SignQrKind> = { link: 'link', 'mini-program': 'miniProgram' };

export const USAGE = `用法：npm run signs -- --street <街道编号> --out <文件.pdf> [--qr link|mini-program] [--as <openid>] [--cloud <本地云地址>] [--data <数据目录>]`;

const readArgs = (argv: string[]) =>
  parseArgs({
    args: argv,
    options: {
      street: { type: 'string' },
      out: { type: 'string' },
      qr: { type: 'string', default: 'link' },
      as: { type: 'string' },
      cloud: { type: 'string' },
      data: { type: 'string', default: resolve(ROOT, '.data') },
    },
    strict: true,
    allowPositionals: false,
  }).values;

export function parseSignsArgs(argv: string[]): SignsOptions {
  let values: ReturnType<typeof readArgs>;
  try {
    values = readArgs(argv);
  } catch (error) {
    throw new SignsError(`参数有误（${(error as Error).message}）\n${USAGE}`);
  }
  const street = values.street?.trim();
  if (!street) throw new SignsError(`请用 --street 指定街道编号（如 GS）\n${USAGE}`);
  if (!values.out?.trim()) throw new SignsError(`请用 --out 指定要生成的 PDF 文件\n${USAGE}`);
  const qr = Object.hasOwn(QR_KINDS, values.qr!) ? QR_KINDS[values.qr!] : null;
  if (!qr) throw new SignsError(`--qr 只能是 link（普通链接二维码）或 mini-program（小程序码），收到的是 ${values.qr}`);
  if (values.cloud !== undefined && !/^https?:\/\/[^/]+/.test(values.cloud)) throw new SignsError(`--cloud 应是本地云的地址，如 http://127.0.0.1:8787，收到的是 ${values.cloud}`);
  return {
    street,
    out: resolve(values.out),
    qr,
    as: values.as?.trim() || `demo-street-${street}`,
    cloud: values.cloud?.replace(/\/+$/, '') ?? null,
    data: resolve(values.data!),
  };
}
