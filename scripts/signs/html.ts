import type { GridSign, StreetSigns } from '../../types/signs';
import { withoutInvisible } from '../../types/typed';

/** A sign's code as the page places it: the PNG and how wide it prints, its quiet zone included. */
export type QrImage = { src: string; widthMm: number };

/**
 * Text for the page: HTML-escaped, and without the invisible, control and direction characters
 * (`withoutInvisible`) that would print a name reversed or with gaps, even from records stored
 * before every input was cleaned.
 */
const escape = (text: string) =>
  withoutInvisible(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Mobile numbers in the 3-4-4 groups people read aloud; landlines as written. */
export const phoneForPrint = (phone: string) => (/^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone);

// Long names would run off an A4 line at the biggest size: a brand like "一网情深·凫务为民" or a
// rural grid's full name steps down instead of wrapping mid-word.
const sizeFor = (text: string, steps: Array<[number, number]>) => steps.find(([upTo]) => [...text].length <= upTo)?.[1] ?? steps.at(-1)![1];
const brandSize = (brand: string) => sizeFor(brand, [[4, 24], [6, 19], [9, 14], [Infinity, 11]]);
const nameSize = (name: string) => sizeFor(name, [[8, 17], [10, 14], [13, 11.5], [Infinity, 9]]);

function chiefRow(sign: GridSign): string {
  if (!sign.chief) {
    return `<div class="row"><span class="label">网格长</span><span class="value muted">暂未确定，可先扫码反映问题</span></div>`;
  }
  return `<div class="row"><span class="label">网格长</span><span class="value"><b>${escape(sign.chief.name)}</b><span class="phone">${escape(phoneForPrint(sign.chief.phone))}</span></span></div>`;
}

function stationRow(sign: GridSign): string {
  if (!sign.station) return '';
  const { name, address, hours } = sign.station;
  const details = [address && `地址：${escape(address)}`, hours && `服务时间：${escape(hours)}`].filter(Boolean).join('<br>');
  return `<div class="row"><span class="label">服务站</span><span class="value"><b>${escape(name)}</b>${details ? `<small>${details}</small>` : ''}</span></div>`;
}

function signPage(street: StreetSigns['street'], sign: GridSign, qr: QrImage): string {
  return `
<section class="sign">
  <header>
    <div class="street">${escape(street.name)} · 一网一码</div>
    <div class="brand" style="font-size:${brandSize(street.brand)}mm">“${escape(street.brand)}”</div>
    <div class="motto">有呼必应 · 当日必达</div>
  </header>
  <main>
    <div class="community">${escape(street.name)} ${escape(sign.community)}</div>
    <h1 style="font-size:${nameSize(sign.name)}mm">${escape(sign.name)}</h1>
    <div class="code"><span>网格码</span><b>${escape(sign.code)}</b></div>
    <div class="qr">
      <img src="${qr.src}" style="width:${qr.widthMm}mm;height:${qr.widthMm}mm" alt="${escape(sign.code)}">
    </div>
    <div class="scan">微信扫一扫 · 扫码反映问题</div>
    <div class="scan-more">反映身边事 · 查看网格信息 · 联系网格长 · 加入网格群</div>
    <div class="card">${chiefRow(sign)}${stationRow(sign)}</div>
  </main>
  <footer>
    <span>${escape(street.name)}网格化服务管理中心 制</span>
    <span>请爱护码牌，勿遮挡、涂改</span>
  </footer>
</section>`;
}

const STYLE = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; margin: 0; padding: 0; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: #1d1d1f; }
.sign { width: 210mm; height: 297mm; overflow: hidden; display: flex; flex-direction: column; border: 3mm solid #b71c1c; }
.sign + .sign { break-before: page; }
header { flex: none; background: #b71c1c; color: #fff; text-align: center; padding: 6mm 10mm 5mm; border-bottom: 2mm solid #e8b64c; }
header .street { font-size: 5.2mm; letter-spacing: 1.2mm; opacity: .92; }
header .brand { font-family: "Noto Serif CJK SC", serif; font-weight: 700; line-height: 1.15; margin: 2mm 0 1.5mm; letter-spacing: 1mm; color: #fff6dc; }
header .motto { font-size: 4.6mm; letter-spacing: 2mm; color: #f3d28a; }
main { flex: 1; min-height: 0; overflow: hidden; display: flex; flex-direction: column; align-items: center; padding: 5mm 14mm 0; text-align: center; }
.community { font-size: 5.4mm; color: #6b6b70; letter-spacing: .6mm; }
h1 { font-weight: 700; line-height: 1.2; margin: 1.5mm 0 3mm; letter-spacing: .8mm; white-space: nowrap; }
.code { display: inline-flex; align-items: stretch; border: .6mm solid #b71c1c; border-radius: 2mm; overflow: hidden; font-size: 6mm; }
.code span { background: #b71c1c; color: #fff; padding: 1.2mm 3.5mm; letter-spacing: .8mm; }
.code b { padding: 1.2mm 4.5mm; color: #b71c1c; font-family: "Noto Sans Mono CJK SC", monospace; }
.qr { margin-top: 4mm; padding: 3mm; border: .5mm solid #d9d9de; border-radius: 3mm; background: #fff; line-height: 0; }
.qr img { image-rendering: pixelated; display: block; }
.scan { margin-top: 3mm; font-size: 8mm; font-weight: 700; color: #b71c1c; letter-spacing: 1mm; }
.scan-more { margin-top: 1mm; font-size: 4.4mm; color: #55555a; letter-spacing: .3mm; }
.card { margin-top: 4mm; width: 100%; border-top: .5mm solid #e5c98a; text-align: left; }
.row { display: flex; align-items: baseline; gap: 5mm; padding: 3mm 2mm; border-bottom: .3mm dashed #e2e2e6; }
.label { flex: none; width: 20mm; font-size: 5mm; color: #b71c1c; font-weight: 700; letter-spacing: .5mm; }
.value { font-size: 5.6mm; line-height: 1.45; }
.value b { font-weight: 700; }
.value small { display: block; font-size: 4mm; color: #55555a; line-height: 1.5; margin-top: .5mm; }
.phone { margin-left: 5mm; font-weight: 700; font-size: 6.4mm; letter-spacing: .4mm; }
.muted { color: #77777c; }
footer { flex: none; display: flex; justify-content: space-between; padding: 3.5mm 10mm; font-size: 3.8mm; color: #fff; background: #b71c1c; }
`;

/** The street's signs as one printable document, one A4 page each, in the order given. */
export function signsHtml(sheet: StreetSigns, qrs: Map<string, QrImage>): string {
  const pages = sheet.signs.map((sign) => signPage(sheet.street, sign, qrs.get(sign.code)!)).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(sheet.street.name)}网格码牌</title><style>${STYLE}</style></head><body>${pages}</body></html>`;
}
