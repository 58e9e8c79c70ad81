import { chiefActor, FILED, filedAppeal, gridRef, LATER, residentActor } from '../../tests/support/appealRecord';
import { transition, type Command } from './appeal';
import { fitField, newAppealMessage, progressMessage } from './messages';
import type { AppealRecord } from './records';

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

describe('the 诉求进度通知 says what its latest event was, in the vocabulary’s words', () => {
  const run = (appeal: AppealRecord, command: Command, actor = chiefActor) => transition(appeal, command, actor, LATER);
  const note = (appeal: AppealRecord) => progressMessage(appeal, LATER).data;
  it.each([
    ['accepted', () => run(filedAppeal(), { type: 'accept' }), '办理中', '网格长 张桂兰已受理'],
    ['replied', () => run(filedAppeal(), { type: 'reply', text: '明早到现场', photos: [], onSite: false }), '待受理', '网格长 张桂兰回复：明早到现场'],
    ['transferred', () => run(filedAppeal(), { type: 'transfer', to: gridRef('GS-0102'), reason: '属于第二网格' }), '待受理', '已转办至GS-0102 网格'],
    ['escalated', () => run(filedAppeal(), { type: 'escalate', reason: '需要社区协调' }), '待受理', '已升级至社区办理'],
    ['returned', () => run(filedAppeal({ level: 'community' }), { type: 'sendBack', reason: '不属于社区职责' }), '已退回', '已退回至街道重新分派'],
    ['resolved', () => run(filedAppeal({ status: 'accepted' }), { type: 'resolve', note: '已清理', photos: [] }), '待评价', '已办结，请您评价'],
    ['released', () => run(filedAppeal({ status: 'held' }), { type: 'moderate', release: true, reason: '' }), '待受理', '审核通过，转网格办理'],
    ['closed in 审核', () => run(filedAppeal({ status: 'held' }), { type: 'moderate', release: false, reason: '与网格无关' }), '已结案', '未通过审核，已结案：与网格无关'],
    ['closed in 审核, no reason', () => run(filedAppeal({ status: 'held' }), { type: 'moderate', release: false, reason: '' }), '已结案', '未通过审核，已结案：内容不符合要求'],
    ['sent for review', () => run(filedAppeal({ status: 'resolved', resolvedAt: FILED, reopenCount: 2 }), { type: 'rate', score: 1, comment: '' }, residentActor), '待受理', '已转社区复核'],
    ['closed unrated', () => run(filedAppeal({ status: 'resolved', resolvedAt: FILED }), { type: 'autoClose' }, { kind: 'system' }), '已结案', '超过7天未评价，已自动结案'],
  ] as Array<[string, () => AppealRecord, string, string]>)('%s', (_, make, phrase, thing) => {
    const data = note(make());
    expect(data.phrase2.value).toBe(phrase);
    expect(data.thing3.value).toBe(thing);
  });
});

describe('the 新诉求提醒 says why staff are called, from the latest event', () => {
  it.each([
    ['filed', () => filedAppeal(), '新诉求'],
    ['released from 审核', () => transition(filedAppeal({ status: 'held' }), { type: 'moderate', release: true, reason: '' }, chiefActor, LATER), '新诉求'],
    ['transferred', () => transition(filedAppeal(), { type: 'transfer', to: gridRef('GS-0102'), reason: '属于第二网格' }, chiefActor, LATER), '转办'],
    ['escalated', () => transition(filedAppeal(), { type: 'escalate', reason: '需要社区协调' }, chiefActor, LATER), '升级'],
    ['sent back', () => transition(filedAppeal(), { type: 'sendBack', reason: '不属于本网格' }, chiefActor, LATER), '退回'],
    [
      'reopened by an unsatisfied rating',
      () => transition(filedAppeal({ status: 'resolved', resolvedAt: FILED }), { type: 'rate', score: 1, comment: '' }, residentActor, LATER),
      '居民不满意重办',
    ],
    [
      'sent to community review by an unsatisfied rating after two 重办',
      () => transition(filedAppeal({ status: 'resolved', resolvedAt: FILED, reopenCount: 2 }), { type: 'rate', score: 2, comment: '' }, residentActor, LATER),
      '居民不满意社区复核',
    ],
  ] as Array<[string, () => AppealRecord, string]>)('%s: %s', (_, make, reason) => {
    expect(newAppealMessage(make(), LATER).data.thing3.value).toBe(fitField('thing3', `${reason}：楼道里堆满了杂物`));
  });
});
