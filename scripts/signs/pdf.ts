import { chromium } from 'playwright-core';
import QRCode from 'qrcode';
import type { SignQr, StreetSigns } from '../../types/signs';
import { SignsError } from './args';
import { signsHtml, type QrImage } from './html';

/**
 * The printed symbol's side, quiet zone not counted: a phone reads a code this size from an
 * arm's length or more, and a link's QR (version 3–4) still has modules over 2 mm wide.
 */
const SYMBOL_MM = 66;
/** The blank margin scanners need around a QR, in modules (ISO/IEC 18004). */
const QUIET_ZONE = 4;
/** Pixels per module: whole pixels keep every module edge sharp at any print size. */
const MODULE_PX = 16;
/** WeChat's mini-program code carries its own margin; this is its printed width. */
const MINI_CODE_MM = 76;

/**
 * An ordinary QR holding the link. Level Q (a quarter of the symbol recoverable) rather than the
 * minimum M: a sign lives outdoors for years, stained and scratched.
 */
async function linkQr(link: string): Promise<QrImage> {
  const modules = QRCode.create(link, { errorCorrectionLevel: 'Q' }).modules.size;
  const src = await QRCode.toDataURL(link, { errorCorrectionLevel: 'Q', margin: QUIET_ZONE, scale: MODULE_PX });
  return { src, widthMm: Number(((SYMBOL_MM * (modules + 2 * QUIET_ZONE)) / modules).toFixed(2)) };
}

async function miniProgramQr(url: string, code: string): Promise<QrImage> {
  const res = await fetch(url).catch((error: Error) => {
    throw new SignsError(`下载网格 ${code} 的小程序码失败（${error.message}）`);
  });
  if (!res.ok) throw new SignsError(`下载网格 ${code} 的小程序码失败（HTTP ${res.status}）`);
  const png = Buffer.from(await res.arrayBuffer());
  return { src: `data:image/png;base64,${png.toString('base64')}`, widthMm: MINI_CODE_MM };
}

const qrImage = (qr: SignQr, code: string) => (qr.kind === 'link' ? linkQr(qr.link) : miniProgramQr(qr.url, code));

/** The street's signs as a print-ready A4 PDF, one grid a page. */
export async function signsPdf(sheet: StreetSigns): Promise<Buffer> {
  const images = new Map(await Promise.all(sheet.signs.map(async (sign): Promise<[string, QrImage]> => [sign.code, await qrImage(sign.qr, sign.code)])));
  // Debian's Chromium, never a downloaded browser; it prints with the system's Noto CJK fonts.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(signsHtml(sheet, images), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
