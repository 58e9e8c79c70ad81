import jsQR from 'jsqr';

// pngjs comes with qrcode (the local cloud's QR maker) and ships no typings.
const { PNG } = require('pngjs') as { PNG: { sync: { read(png: Buffer): { width: number; height: number; data: Buffer } } } };

/** The text a QR code in a PNG holds, as a phone's scanner would read it; null when none is found. */
export function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

/** Fetches an image by URL and reads its QR code. */
export async function readQrAt(url: string): Promise<string | null> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return readQr(Buffer.from(await res.arrayBuffer()));
}
