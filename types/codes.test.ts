import { gridCodeOf, inviteCodeOf } from './codes';
import { GridCode, SearchGridsInput } from './grid';
import { searchKeyword } from './search';
import { InviteCode } from './staff';

/**
 * The main package reads codes and the search keyword without zod; the functions refuse with the
 * schemas. Both must give the same answer for whatever people type.
 */
const TYPED = [
  'GS-0101',
  'gs-0101',
  'ＧＳ－０１０１',
  ' GS—0101 ',
  'GS——0101',
  'GS 0101',
  'GS_0101',
  'G',
  'A'.repeat(20),
  'A'.repeat(21),
  '-GS0101',
  'GS-0101\u200B',
  'ABCD2345',
  'abcd-2345',
  'ＡＢＣＤ　２３４５',
  'ABCD234',
  'ABCD23450',
  'ABCD2340',
  'ILOO1234',
  '',
  '   ',
  '钢山',
  ' 钢山　平阳 ',
  '钢山—平阳',
  '平'.repeat(20),
  '平'.repeat(21),
  '㎏'.repeat(10),
  '\u200B\u200B',
];

const parsed = (result: { success: boolean; data?: unknown }) => (result.success ? result.data : null);

describe('the plain readers answer as the schemas do', () => {
  it.each(TYPED)('grid code %j', (typed) => {
    expect(gridCodeOf(typed)).toBe(parsed(GridCode.safeParse(typed)));
  });

  it.each(TYPED)('invite code %j', (typed) => {
    expect(inviteCodeOf(typed)).toBe(parsed(InviteCode.safeParse(typed)));
  });

  it.each(TYPED)('search keyword %j', (typed) => {
    const schema = SearchGridsInput.safeParse({ keyword: typed });
    const plain = searchKeyword(typed);
    if (schema.success) expect(plain).toEqual({ ok: true, keyword: schema.data.keyword });
    else expect(plain).toEqual({ ok: false, message: schema.error.issues[0].message });
  });
});

it('reads the codes people type', () => {
  expect(gridCodeOf(' ｇｓ－０１０１ ')).toBe('GS-0101');
  expect(gridCodeOf('GS_0101')).toBeNull();
  expect(inviteCodeOf('abcd-2345')).toBe('ABCD2345');
  expect(inviteCodeOf('ABCD-234O')).toBeNull();
  expect(searchKeyword('')).toEqual({ ok: false, message: '请输入要查找的网格、社区或街道名称' });
  expect(searchKeyword('平'.repeat(21))).toEqual({ ok: false, message: '关键词不能超过 20 个字' });
});
