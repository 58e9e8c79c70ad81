import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const READER = join(__dirname, 'readPrint.mjs');

const run = <T>(args: string[]): T => JSON.parse(execFileSync(process.execPath, [READER, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));

/** A PDF page as a reader sees it: its text, and what its QR code scans to and how wide it prints. */
export type PrintedPage = { text: string; qr: string | null; qrSizeCm: number | null };

/** Every page of a PDF, rendered and scanned; page 1 also saved as a PNG when `firstPagePng` is given. */
export const readPdf = (file: string, firstPagePng?: string): PrintedPage[] =>
  run<{ pages: PrintedPage[] }>(['pdf', file, ...(firstPagePng ? [firstPagePng] : [])]).pages;
