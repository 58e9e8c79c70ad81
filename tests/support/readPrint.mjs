// Reads printed output back the way a person would: renders each page of a PDF (MuPDF), reads its
// text and scans its QR code (jsQR) from the pixels. An ES module run as a child process, since
// mupdf is ESM-only with top-level await and jest here runs CommonJS.
//
//   node readPrint.mjs pdf <file.pdf> [<page-1.png>]   → {"pages":[{"text","qr","qrSizeCm"}]}
import { readFileSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import * as mupdf from 'mupdf';

// Coarser than a phone camera sees a sign at arm's length: a code that scans here scans there.
const SCAN_DPI = 100;
// The saved picture of page 1 is for people to look at.
const PICTURE_DPI = 150;
const CM_PER_INCH = 2.54;

/** RGBA for jsQR, whatever MuPDF decoded (gray or RGB, with or without premultiplied alpha), on white paper. */
function rgba(pixmap) {
  const n = pixmap.getNumberOfComponents();
  const alpha = pixmap.getAlpha();
  const gray = n - alpha < 3;
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const stride = pixmap.getStride();
  const src = pixmap.getPixels();
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = y * stride + x * n;
      const d = (y * width + x) * 4;
      const a = alpha ? src[s + n - 1] / 255 : 1;
      for (let c = 0; c < 3; c++) out[d + c] = (gray ? src[s] : src[s + c]) + 255 * (1 - a);
      out[d + 3] = 255;
    }
  }
  return { data: out, width, height };
}

function scan(pixmap) {
  const { data, width, height } = rgba(pixmap);
  return jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
}

const render = (page, dpi) => page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false);

function readPdf(file, firstPagePng) {
  const doc = mupdf.Document.openDocument(readFileSync(file), 'application/pdf');
  const pages = [];
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i);
    if (i === 0 && firstPagePng) writeFileSync(firstPagePng, render(page, PICTURE_DPI).asPNG());
    const found = scan(render(page, SCAN_DPI));
    const side = found ? found.location.topRightCorner.x - found.location.topLeftCorner.x : 0;
    pages.push({
      text: page.toStructuredText('preserve-whitespace').asText(),
      qr: found?.data ?? null,
      qrSizeCm: found ? Number(((side / SCAN_DPI) * CM_PER_INCH).toFixed(2)) : null,
    });
  }
  return { pages };
}

const [, file, firstPagePng] = process.argv.slice(2);
process.stdout.write(JSON.stringify(readPdf(file, firstPagePng)));
