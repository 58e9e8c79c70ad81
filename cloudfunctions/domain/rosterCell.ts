import * as z from 'zod/mini';
import { ContactPhone } from '../../types/appeal';
import type { RegistryColumnKey } from '../../types/registry';
import { withAsciiDashes } from '../../types/typed';
import type { RosterPerson } from './records';
import { CellFault, fail } from './registrySheet';

/**
 * The people a registry cell names, as street offices write them: `赵小明 13900000001，钱小红
 * 13900000002`, `13900000001 赵小明、13900000002钱小红`, one per line, `李娜（0537-5212345）`, `王　强`.
 * Every person has a name and one phone (residents call them from the grid page), a name never
 * holds digits, and a cell whose people cannot be told apart without guessing is refused with
 * its reason (a `CellFault`), never stored half right.
 */

/** At most this many workers to a grid: more is a pasted list, not a grid's team. */
const MAX_WORKERS = 20;
const NAME_MAX = 20;

/**
 * A phone as written inside text: a mobile (grouped `139 0000 0001`, `139-0000-0001` or
 * `139.0000.0001` allowed) or a landline with its area code (`0537-5212345`, `(0537)5212345`),
 * optionally after +86 / 0086 (which may drop the area code's 0: `+86 537 5212345`), and not
 * part of a longer run of digits. The same numbers `normalizePhone` accepts.
 */
const PHONE_IN_TEXT = /(?<!\d)(?:(?:(?:\+|00)86[ .-]?)?(?:1\d{2}(?:[ .-]?\d{4}){2}|(?:\(0\d{2,3}\)|0\d{2,3})[ .-]?\d{7,8})|(?:\+|00)86[ .-]?[1-9]\d{1,2}[ .-]?\d{7,8})(?!\d)/g;

/** Between people (after NFKC: `，`→`,`, `；`→`;`, `／`→`/`); line breaks split before this. */
const BETWEEN_PEOPLE = /[,;、/|]+/;

/** Between a name and its phone, or around either: spaces, colons, brackets, quotes, dashes. */
const AROUND = /[\s:()[\]【】<>《》"'“”‘’.。-]+/;

/** Words people put before a phone, not names. */
const LABEL = /^(电话|手机|手机号|手机号码|联系电话|联系方式|座机|tel|phone)$/i;

/** A seat's title written before a name (`网格员赵小明`, `专职网格员：李娜`): not part of the name. */
const SEAT_PREFIX = /^(专职|兼职|社区)?(网格员|网格长|网格指导员)/;

/** What a name is made of: Chinese characters, Latin letters, and the middle dot of minority and foreign names. */
const NAME = /^[\p{Script=Han}A-Za-z·]+$/u;

type Token = { kind: 'name' | 'phone'; text: string };

const length = (word: string) => [...word].length;

/**
 * No one's name is one character: a one-character word joins the word after it, or the last
 * one before it, so names padded to line up (`王　强`, `王 小明`) stay whole.
 */
function joinSingles(words: string[]): string[] {
  const names: string[] = [];
  for (const word of words) {
    if (names.length && length(names[names.length - 1]) === 1) names[names.length - 1] += word;
    else names.push(word);
  }
  if (names.length > 1 && length(names[names.length - 1]) === 1) names.splice(-2, 2, names[names.length - 2] + names[names.length - 1]);
  return names;
}

function nameTokens(text: string): Token[] {
  const words = text
    .split(AROUND)
    .map((word) => word.replace(SEAT_PREFIX, ''))
    .filter((word) => word && !LABEL.test(word));
  return joinSingles(words).map((word) => {
    if (/^[\d+]+$/.test(word)) fail(`「${word}」不是有效的电话号码（手机 11 位，座机要带区号）`);
    if (/\d/.test(word)) fail(`「${word}」里有数字：姓名里不能有电话或数字，请把姓名和电话分开写`);
    if (length(word) > NAME_MAX) fail(`「${word}」不像一个姓名（超过 ${NAME_MAX} 个字），多人请用顿号或分号隔开`);
    if (!NAME.test(word)) fail(`「${word}」里有不是姓名的符号，请只写姓名和电话`);
    if (length(word) < 2) fail(`「${word}」只有一个字，请写全名`);
    return { kind: 'name' as const, text: word };
  });
}

/** One person's part of a cell, as tokens in written order: phones found first, the rest are names. */
function entryTokens(entry: string): Token[] {
  const tokens: Token[] = [];
  let from = 0;
  for (const match of entry.matchAll(PHONE_IN_TEXT)) {
    tokens.push(...nameTokens(entry.slice(from, match.index)));
    const phone = z.safeParse(ContactPhone, match[0]);
    tokens.push({ kind: 'phone', text: phone.success ? phone.data : fail(`「${match[0]}」不是有效的电话号码`) });
    from = match.index + match[0].length;
  }
  tokens.push(...nameTokens(entry.slice(from)));
  return tokens;
}

/** A cell cut where people are separated (line breaks and list punctuation), each part tokenised. */
function cellEntries(raw: string): Token[][] {
  return raw
    .split(/[\r\n\u2028\u2029]+/)
    .flatMap((line) => withAsciiDashes(line).split(BETWEEN_PEOPLE))
    .map(entryTokens)
    .filter((tokens) => tokens.length > 0);
}

const person = (tokens: Token[]): RosterPerson => ({ name: tokens.find((t) => t.kind === 'name')!.text, phone: tokens.find((t) => t.kind === 'phone')!.text });

const ONE_PER_PERSON = '请每人写成“姓名 电话”，多人用顿号、分号或换行隔开';

/**
 * The 网格员 cell's people in written order. Each separated part holding one name and one phone
 * (either order) is one person; otherwise the whole cell must alternate name and phone in one
 * order. Raises a `CellFault` when names and phones do not pair up without guessing.
 */
export function rosterPeople(raw: string): RosterPerson[] {
  const entries = cellEntries(raw);
  const people = entries.every((e) => e.length === 2 && e[0].kind !== e[1].kind) ? entries.map(person) : pairInOrder(entries.flat());
  if (people.length > MAX_WORKERS) fail(`网格员不能超过 ${MAX_WORKERS} 人`);
  return people;
}

function pairInOrder(tokens: Token[]): RosterPerson[] {
  const names = tokens.filter((t) => t.kind === 'name');
  const phones = tokens.filter((t) => t.kind === 'phone');
  if (names.length === 1 && !phones.length) fail(`「${names[0].text}」没有电话，${ONE_PER_PERSON}`);
  if (names.length !== phones.length) fail(`有 ${names.length} 个姓名、${phones.length} 个电话，对不上：${ONE_PER_PERSON}`);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i], tokens[i + 1]];
    if (a.kind !== b.kind) continue;
    if (a.kind === 'name') fail(`「${a.text}」和「${b.text}」之间没有电话，无法判断电话是谁的：${ONE_PER_PERSON}`);
    fail(`电话 ${a.text} 和 ${b.text} 之间没有姓名，无法判断电话是谁的：${ONE_PER_PERSON}`);
  }
  const people: RosterPerson[] = [];
  for (let i = 0; i < tokens.length; i += 2) people.push(person([tokens[i], tokens[i + 1]]));
  return people;
}

/**
 * The grid chief from the 网格长姓名 and 网格长电话 cells, read by the same rule: one name and
 * one phone between the two cells, in either (a phone typed after the name in the name cell
 * counts). Null when both are empty; a `CellFault` naming the column otherwise.
 */
export function rosterChief(nameCell: string, phoneCell: string): RosterPerson | null {
  const tokens = [...cellTokens(nameCell, 'chiefName'), ...cellTokens(phoneCell, 'chiefPhone')];
  const names = [...new Set(tokens.filter((t) => t.kind === 'name').map((t) => t.text))];
  const phones = [...new Set(tokens.filter((t) => t.kind === 'phone').map((t) => t.text))];
  if (!names.length && !phones.length) return null;
  if (names.length > 1) fail(`网格长只能填一人（${names.join('、')}），其他人请填在“网格员”列`, 'chiefName');
  if (phones.length > 1) fail(`网格长只能填一个电话（${phones.join('、')}）`, 'chiefPhone');
  if (!names.length) fail('网格长的姓名和电话要一起填写', 'chiefName');
  if (!phones.length) fail('网格长的姓名和电话要一起填写', 'chiefPhone');
  return { name: names[0], phone: phones[0] };
}

function cellTokens(raw: string, column: RegistryColumnKey): Token[] {
  try {
    return cellEntries(raw).flat();
  } catch (error) {
    if (!(error instanceof CellFault)) throw error;
    return fail(error.message, column);
  }
}
