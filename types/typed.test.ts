import { ContactPhone } from './appeal';
import { GridCode } from './grid';
import { InviteCode } from './staff';
import { cleanLine, cleanLines, cleanText, codeSpellings, normalizeCode, normalizePhone, personName, withoutInvisible } from './typed';

/** Every dash a person's keyboard, input method or word processor may put where `-` belongs. */
const DASH_VARIANTS: Array<[string, string]> = [
  ['ASCII hyphen-minus', '-'],
  ['full-width hyphen-minus (Chinese input method)', '\uFF0D'],
  ['hyphen', '\u2010'],
  ['non-breaking hyphen', '\u2011'],
  ['figure dash', '\u2012'],
  ['en dash (Word)', '\u2013'],
  ['em dash', '\u2014'],
  ['two em dashes (shift+minus in a Chinese input method)', '\u2014\u2014'],
  ['horizontal bar', '\u2015'],
  ['minus sign', '\u2212'],
  ['small hyphen-minus', '\uFE63'],
  ['small em dash', '\uFE58'],
  ['two-em dash', '\u2E3A'],
  ['katakana prolonged sound mark', '\u30FC'],
  ['half-width prolonged sound mark', '\uFF70'],
  ['wave dash', '\u301C'],
  ['box-drawing line', '\u2500'],
  ['heavy minus sign', '\u2796'],
];

const INVISIBLES: Array<[string, string]> = [
  ['zero-width space', '\u200B'],
  ['zero-width non-joiner', '\u200C'],
  ['zero-width joiner', '\u200D'],
  ['word joiner', '\u2060'],
  ['BOM', '\uFEFF'],
  ['soft hyphen', '\u00AD'],
  ['left-to-right mark', '\u200E'],
  ['right-to-left mark', '\u200F'],
  ['Arabic letter mark', '\u061C'],
  ['right-to-left override', '\u202E'],
  ['left-to-right embedding', '\u202A'],
  ['pop directional formatting', '\u202C'],
  ['right-to-left isolate', '\u2067'],
  ['pop directional isolate', '\u2069'],
  ['NUL', '\u0000'],
  ['escape', '\u001B'],
  ['DEL', '\u007F'],
  ['a C1 control', '\u0090'],
  ['variation selector 16', '\uFE0F'],
  ['Hangul filler', '\u3164'],
  ['tag character', '\u{E0041}'],
];

describe('cleanText: text as it is typed or pasted, made comparable', () => {
  it.each([
    ['full-width letters and digits', 'ＧＲＩＤ１２３', 'GRID123'],
    ['ideographic spaces at the ends', '\u3000平阳社区\u3000', '平阳社区'],
    ['a run of spaces, tabs and line breaks inside', '平阳  社区\t第一\n网格', '平阳 社区 第一 网格'],
    ['a non-breaking space', '平阳\u00A0社区', '平阳 社区'],
    ['a zero-width space after a name copied from a web page', '平阳社区\u200B', '平阳社区'],
    ['a BOM in front', '\uFEFF钢山街道', '钢山街道'],
    ['full-width brackets', '社区（村）', '社区(村)'],
    ['nothing but spaces', ' \u3000 ', ''],
  ])('%s', (_, typed, clean) => {
    expect(cleanText(typed)).toBe(clean);
  });

  it.each(INVISIBLES)('drops a %s', (_, invisible) => {
    expect(cleanText(`平阳${invisible}社区`)).toBe('平阳社区');
  });

  it('a name planted with a right-to-left override and a NUL reads as written', () => {
    expect(cleanText('\u202E王\u0000强\u202C')).toBe('王强');
  });
});

describe('cleanLine and cleanLines: words people write for others to read', () => {
  it.each(INVISIBLES)('drop a %s', (_, invisible) => {
    expect(cleanLine(`楼道灯坏了${invisible}，请修理`)).toBe('楼道灯坏了，请修理');
    expect(cleanLines(`楼道灯坏了${invisible}\n请修理`)).toBe('楼道灯坏了\n请修理');
  });

  it('keep Chinese full-width punctuation as written (no NFKC), but compose accents (NFC)', () => {
    expect(cleanLine('关于停水的通知（周六）！')).toBe('关于停水的通知（周六）！');
    expect(cleanLines('楼道灯坏了，请尽快修理！\n谢谢：３号楼')).toBe('楼道灯坏了，请尽快修理！\n谢谢：３号楼');
    expect(cleanLine('Cafe\u0301')).toBe('Café');
  });

  it.each([
    ['a line break is one space on one line', cleanLine, '第一行\n第二行', '第一行 第二行'],
    ['line breaks of every kind become \\n', cleanLines, '一\r\n二\r三\u2028四\u2029五\u0085六', '一\n二\n三\n四\n五\n六'],
    ['tabs and spaces inside a line stay', cleanLines, '时间：\t周六  上午', '时间：\t周六  上午'],
    ['spaces at the end of a line go', cleanLines, '第一行  \u3000\n第二行', '第一行\n第二行'],
    ['at most one blank line in a row', cleanLines, '一\n\n\n\n二', '一\n\n二'],
    ['a line of invisible characters is a blank line', cleanLines, '一\n\u200B\u202E\n\n二', '一\n\n二'],
    ['blank lines and spaces at the ends go', cleanLines, '\n\u3000 \n正文\n\n', '正文'],
  ])('%s', (_, clean, typed, cleaned) => {
    expect(clean(typed)).toBe(cleaned);
  });

  it.each([cleanText, cleanLine, cleanLines])('%p: nothing visible is empty', (clean) => {
    expect(clean('\u200B\u200B\u200B\u200B\u200B')).toBe('');
    expect(clean('\u202E\u0000\n\u3000\u2066\t\uFEFF')).toBe('');
  });
});

describe('withoutInvisible: stored text as a page or a print shows it', () => {
  it('drops invisible, control and direction characters and changes nothing else', () => {
    expect(withoutInvisible('\u202E平阳（社区）\u0000\n第一  网格\u2069')).toBe('平阳（社区）\n第一  网格');
  });
});

describe('normalizeCode: a grid or invite code as people type it', () => {
  it.each([
    ['as printed', 'GS-0101', 'GS-0101'],
    ['full-width (a Chinese input method in full-width mode)', 'ＧＳ－０１０１', 'GS-0101'],
    ['lower case', 'gs-0101', 'GS-0101'],
    ['mixed case', 'Gs-0101', 'GS-0101'],
    ['full-width lower case', 'ｇｓ－０１０１', 'GS-0101'],
    ['spaces around', '  GS-0101 ', 'GS-0101'],
    ['spaces inside', 'GS - 01 01', 'GS-0101'],
    ['ideographic spaces', '\u3000GS-0101\u3000', 'GS-0101'],
    ['an invite code in lower case with a space', 'abcd 2345', 'ABCD2345'],
  ])('%s', (_, typed, code) => {
    expect(normalizeCode(typed)).toBe(code);
  });

  it.each([
    ['a code typed without its dash', 'GS0101', ['GS0101', 'GS-0101']],
    ['lower case without its dash (search keeps the case)', 'gs0101', ['gs0101', 'gs-0101']],
    ['a code with its dash', 'GS-0101', ['GS-0101']],
    ['a name', '平阳社区', ['平阳社区']],
  ])('codeSpellings: %s', (_, typed, spellings) => {
    expect(codeSpellings(typed)).toEqual(spellings);
  });

  it.each(DASH_VARIANTS)('reads a %s as "-"', (_, dash) => {
    expect(normalizeCode(`GS${dash}0101`)).toBe('GS-0101');
  });

  it.each(INVISIBLES)('drops a %s', (_, invisible) => {
    expect(normalizeCode(`GS-01${invisible}01${invisible}`)).toBe('GS-0101');
  });

  it.each([
    ['full-width', 'ＧＳ－０１０１'],
    ['em dash', 'gs—0101'],
    ['zero-width space', 'GS-0101\u200B'],
  ])('a %s code passes the GridCode schema as its ASCII form', (_, typed) => {
    expect(GridCode.parse(typed)).toBe('GS-0101');
  });

  it('a full-width invite code passes the InviteCode schema', () => {
    expect(InviteCode.parse('ａｂｃｄ２３４５')).toBe('ABCD2345');
  });
});

describe('personName: a name as typed', () => {
  it.each([
    ['padded with ideographic spaces to line up', '王\u3000强', '王强'],
    ['spaces around and inside', '\u3000周\u3000新\u3000', '周新'],
    ['a zero-width space pasted in', '李\u200B娜', '李娜'],
    ['a minority name with its middle dot', '阿依古丽·买买提', '阿依古丽·买买提'],
    ['Latin words keep their space', 'Anna  Li', 'Anna Li'],
  ])('%s', (_, typed, name) => {
    expect(personName(typed)).toBe(name);
  });
});

describe('normalizePhone: a phone number as people type it', () => {
  it.each([
    ['11 digits', '13900000001', '13900000001'],
    ['full-width digits', '１３９０００００００１', '13900000001'],
    ['grouped with spaces', '139 0000 0001', '13900000001'],
    ['grouped with ideographic spaces', '139\u30000000\u30000001', '13900000001'],
    ['grouped with dashes', '139-0000-0001', '13900000001'],
    ['grouped with full-width dashes', '１３９－００００－０００１', '13900000001'],
    ['grouped with dots', '139.0000.0001', '13900000001'],
    ['+86', '+8613900000001', '13900000001'],
    ['+86 with a space', '+86 139 0000 0001', '13900000001'],
    ['+86 with a dash', '+86-139-0000-0001', '13900000001'],
    ['full-width +86', '＋８６ １３９０００００００１', '13900000001'],
    ['(+86)', '(+86)13900000001', '13900000001'],
    ['0086', '0086 13900000001', '13900000001'],
    ['86 run into the number', '8613900000001', '13900000001'],
    ['a zero-width space inside', '139\u200B0000\u200B0001', '13900000001'],
    ['spaces around', '  13900000001  ', '13900000001'],
    ['a landline with its area code', '0537-1234567', '0537-1234567'],
    ['a landline written with a full-width dash', '0537－1234567', '0537-1234567'],
    ['a landline written with an em dash', '0537—1234567', '0537-1234567'],
    ['a landline with a space', '0537 1234567', '0537-1234567'],
    ['a landline with its area code in full-width brackets', '（0537）1234567', '0537-1234567'],
    ['a landline run together', '05371234567', '05371234567'],
    ['a landline with +86 (trunk 0 dropped)', '+86 537 1234567', '0537-1234567'],
    ['a Beijing landline', '010-12345678', '010-12345678'],
  ])('%s', (_, typed, phone) => {
    expect(normalizePhone(typed)).toBe(phone);
  });

  it.each([
    ['full-width digits', '１３９０００００００１', '13900000001'],
    ['+86 and spaces', '+86 139 0000 0001', '13900000001'],
    ['a landline in brackets', '（0537）1234567', '0537-1234567'],
  ])('%s pass the ContactPhone schema normalised', (_, typed, phone) => {
    expect(ContactPhone.parse(typed)).toBe(phone);
  });

  it.each([
    ['too short', '1390000'],
    ['too long', '139000000011'],
    ['letters', '139abcd0001'],
    ['another country', '+1 555 123 4567'],
    ['a landline without its area code', '1234567'],
  ])('%s is still refused', (_, typed) => {
    expect(ContactPhone.safeParse(typed).success).toBe(false);
  });
});
