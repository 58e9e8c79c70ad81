import { fitField } from './messages';

describe('fitField keeps subscribe-message values inside WeChat limits', () => {
  it.each([
    ['thing stays whole at 20', 'thing2', '一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['thing over 20 ends in an ellipsis at 20', 'thing3', '楼道灯坏了很久了晚上出入很不方便请尽快修理谢谢', '楼道灯坏了很久了晚上出入很不方便请尽快…'],
    ['phrase is cut to 5', 'phrase2', '处理中请稍候', '处理中请稍'],
    ['character_string is cut to 32', 'character_string1', 'X'.repeat(40), 'X'.repeat(32)],
    ['name is cut to 10', 'name1', '欧阳一二三四五六七八九', '欧阳一二三四五六七八'],
    ['empty becomes a placeholder, never an empty field', 'thing4', '   ', '无'],
    ['newlines collapse', 'thing5', '第一行\n第二行', '第一行 第二行'],
    ['an unknown kind passes through', 'time4', '2026-11-24 10:00', '2026-11-24 10:00'],
  ])('%s', (_, key, value, fitted) => {
    expect(fitField(key, value)).toBe(fitted);
  });
});
