/**
 * One vocabulary (DESIGN §3): walks `APPEAL_WORDS` and checks that every consumer shows the
 * table's word: the app (tabs, list tag, timeline, staff buttons and sheets, clocks), the
 * functions (summary labels, refusals) and the subscribe messages (诉求进度通知, 新诉求提醒).
 * The last block reads the sources: no other file keeps a word of its own for these keys.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { ALLOWED_FROM, transition, type Command, type CommandType } from '../../../cloudfunctions/domain/appeal';
import { detailView, summaryView } from '../../../cloudfunctions/domain/appealView';
import { progressMessage } from '../../../cloudfunctions/domain/messages';
import type { ActorRecord, AppealRecord } from '../../../cloudfunctions/domain/records';
import { Refusal } from '../../../cloudfunctions/domain/refusal';
import { chiefActor, communityActor, FILED, filedAppeal, gridRef, LATER, pendingExtension, reportedAppeal, residentActor } from '../../../tests/support/appealRecord';
import { detailFixture } from '../../../tests/jest/appealFixtures';
import type { AppealDetail } from '../../../types/appeal';
import { APPEAL_LEVELS, APPEAL_STATUSES, APPEAL_WORDS, DEADLINE_KINDS, EVENT_TYPES, type AppealEventType } from '../../../types/vocabulary';
import { AppealListItem } from './AppealList';
import { StaffActions } from './StaffActions';
import { StatusTabs } from './StatusTabs';
import { Timeline } from './Timeline';
import { keepClock } from '../../../cloudfunctions/domain/slaTimer';

const W = APPEAL_WORDS;
const filer = { openid: 'resident-1', staff: null };
const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.textContent);

describe('every status has one word: the tab, the list, the summary and the 诉求进度通知 all say it', () => {
  it('the tabs are 全部 and the table’s words, in its order', () => {
    render(<StatusTabs value={null} onChange={() => undefined} />);
    expect(texts('.status-tabs__tab')).toEqual(['全部', ...APPEAL_STATUSES.map((s) => W.status[s])]);
  });

  it.each(APPEAL_STATUSES.map((s) => [s, W.status[s]]))('%s → %s', (status, word) => {
    const appeal = filedAppeal({ status, resolvedAt: status === 'resolved' ? FILED : null });
    const summary = summaryView(appeal, LATER);
    expect(summary.statusLabel).toBe(word);
    render(<AppealListItem appeal={summary} showDeadline />);
    expect(texts('.tag--status')).toEqual([word]);
    // phrase2 holds at most 5 characters; a longer word would be cut, so the table keeps them short
    expect([...word].length).toBeLessThanOrEqual(5);
    expect(progressMessage(appeal, LATER).data.phrase2.value).toBe(word);
  });
});

/** A 延期 the chief asks for and community staff grant: two days after filing. */
const EXTENDED = new Date(FILED.getTime() + 2 * 86_400_000);

/** Each command from the first status it may start at, with who does it. */
const COMMANDS: Record<CommandType, Array<{ command: Command; actor: ActorRecord; from?: Partial<AppealRecord> }>> = {
  accept: [{ command: { type: 'accept' }, actor: chiefActor }],
  reply: [{ command: { type: 'reply', text: '明早到现场', photos: [], onSite: false }, actor: chiefActor }],
  arrive: [{ command: { type: 'arrive' }, actor: chiefActor }],
  transfer: [{ command: { type: 'transfer', to: gridRef('GS-0102'), reason: '属于第二网格' }, actor: chiefActor }],
  escalate: [{ command: { type: 'escalate', reason: '需要社区协调' }, actor: chiefActor }],
  resolve: [
    { command: { type: 'resolve', note: '已清理完毕', photos: [] }, actor: chiefActor },
    { command: { type: 'resolve', note: '已更换灯泡', photos: [] }, actor: chiefActor, from: { source: 'staff' } },
  ],
  sendBack: [{ command: { type: 'sendBack', reason: '不属于本网格职责' }, actor: chiefActor }],
  rate: [
    { command: { type: 'rate', score: 4, comment: '满意' }, actor: residentActor, from: { resolvedAt: FILED } },
    { command: { type: 'rate', score: 1, comment: '没有清理' }, actor: residentActor, from: { resolvedAt: FILED } },
    { command: { type: 'rate', score: 1, comment: '还是没有清理' }, actor: residentActor, from: { resolvedAt: FILED, reopenCount: 2 } },
  ],
  moderate: [
    { command: { type: 'moderate', release: true, reason: '' }, actor: chiefActor },
    { command: { type: 'moderate', release: false, reason: '与网格无关' }, actor: chiefActor },
  ],
  autoClose: [{ command: { type: 'autoClose' }, actor: { kind: 'system' }, from: { resolvedAt: FILED } }],
  supervise: [{ command: { type: 'supervise', card: 'red', note: '请今天内处理完毕', until: null }, actor: communityActor }],
  requestExtension: [{ command: { type: 'requestExtension', reason: '需要物业配合', until: EXTENDED }, actor: chiefActor }],
  decideExtension: [
    { command: { type: 'decideExtension', grant: true, note: '' }, actor: communityActor, from: { extension: pendingExtension(EXTENDED) } },
    { command: { type: 'decideExtension', grant: false, note: '请按时办理' }, actor: communityActor, from: { extension: pendingExtension(EXTENDED) } },
  ],
};

describe('every event has one word: the timeline and the 诉求进度通知 say it', () => {
  /** Filing, then each command: the appeal after it and how many events it had before. */
  const runs: Array<[string, { earlier: number; after: AppealRecord }]> = [
    ['filed', { earlier: 0, after: filedAppeal() }],
    ['filed and held', { earlier: 0, after: filedAppeal({}, { held: true }) }],
    ['reported by staff (上报)', { earlier: 0, after: reportedAppeal() }],
    ...Object.values(COMMANDS)
      .flat()
      .map(({ command, actor, from }): [string, { earlier: number; after: AppealRecord }] => {
        const before = filedAppeal({ status: ALLOWED_FROM[command.type][0], ...from });
        return [JSON.stringify(command), { earlier: before.timeline.length, after: transition(before, command, actor, LATER) }];
      }),
    // The SLA timer's own lines: 超时 raises an appeal a level, and at the street it is recorded overdue.
    ...(['grid', 'street'] as const).map((level): [string, { earlier: number; after: AppealRecord }] => {
      const before = filedAppeal({ level });
      return [`the timer, ${level}`, { earlier: before.timeline.length, after: keepClock(before, new Date(before.deadlines.acceptBy.getTime() + 60_000))! }];
    }),
  ];
  const seen = new Set<AppealEventType>();

  it.each(runs)('%s', (_, { earlier, after }) => {
    const events = after.timeline.slice(earlier);
    expect(events.length).toBeGreaterThan(0);
    render(<Timeline events={detailView(after, filer, LATER).timeline.slice(earlier)} viewerIsStaff={false} />);
    expect(texts('.timeline__what')).toEqual(events.map((e) => W.event[e.type]));
    for (const e of events) seen.add(e.type);
    const last = events[events.length - 1];
    expect(progressMessage(after, LATER).data.thing3.value).toContain(W.event[last.type]);
  });

  it('the walk met every event type', () => {
    expect([...seen].sort()).toEqual([...EVENT_TYPES].sort());
  });
});

describe('every action has one word: the button, its sheet and the refusal say it', () => {
  const staffActions = ['moderate', 'accept', 'reply', 'resolve', 'transfer', 'escalate', 'sendBack', 'block'] as const;

  it('the buttons are the table’s words', () => {
    render(<StaffActions detail={detailFixture({ can: [...staffActions] })} onDone={() => undefined} />);
    expect(texts('.staff-actions__btn')).toEqual(staffActions.map((a) => W.action[a].label));
  });

  it.each(staffActions.filter((a) => W.action[a].note).map((a) => [a, W.action[a].note!]))('%s asks for %s', (action, note) => {
    render(<StaffActions detail={detailFixture({ can: [action as AppealDetail['can'][number]] })} onDone={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: W.action[action as keyof typeof W.action].label }));
    const field = screen.getByPlaceholderText(`请填写${note}`).closest('.field')!;
    expect(field.querySelector('.field__label')!.textContent).toBe(action === 'moderate' ? `${note}（选填）` : note);
  });

  it.each(Object.keys(COMMANDS) as CommandType[])('%s refused from a status it cannot start at names the action and the status', (type) => {
    const from = APPEAL_STATUSES.find((s) => !ALLOWED_FROM[type].includes(s))!;
    const run = () => transition(filedAppeal({ status: from }), COMMANDS[type][0].command, COMMANDS[type][0].actor, LATER);
    expect(run).toThrow(Refusal);
    expect(run).toThrow(`诉求${W.status[from]}，不能${W.action[type].label}`);
  });
});

describe('levels and clocks have one word each', () => {
  it.each(APPEAL_LEVELS.filter((l) => l !== 'grid').map((l) => [l]))('an appeal raised to %s reads so on the timeline, from the key and from an old record', (level) => {
    const appeal = filedAppeal({ level: level === 'street' ? 'community' : 'grid' });
    const up = transition(appeal, { type: 'escalate', reason: '需要协调' }, chiefActor, LATER);
    const old = { ...up, timeline: up.timeline.map((e) => (e.type === 'escalated' ? { ...e, detail: W.level[level] } : e)) };
    for (const record of [up, old]) {
      const { unmount } = render(<Timeline events={detailView(record, filer, LATER).timeline} viewerIsStaff={false} />);
      expect(texts('.timeline__detail')).toEqual([`${W.event.escalated}至${W.level[level]}`]);
      unmount();
    }
  });

  it.each(DEADLINE_KINDS.filter((k) => k !== 'onSiteBy').map((k) => [k]))('the list names the running clock %s by its word', (kind) => {
    const summary = summaryView(filedAppeal({ status: kind === 'acceptBy' ? 'submitted' : 'accepted' }), LATER);
    render(<AppealListItem appeal={summary} showDeadline />);
    expect(texts('.appeal-item__due')[0]).toMatch(new RegExp(`^${W.deadline[kind]} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`));
  });

  it('a held appeal shows no clock in the list', () => {
    render(<AppealListItem appeal={summaryView(filedAppeal({ status: 'held' }), LATER)} showDeadline />);
    expect(texts('.appeal-item__due')).toEqual([]);
  });
});

describe('no other file keeps a word for these keys', () => {
  const ROOT = join(__dirname, '../../..');
  /** The table: vocabulary.ts, and its `action` part in a module of its own (actionWords.ts, so the main package carries only that). */
  const TABLE = [join(ROOT, 'types/vocabulary.ts'), join(ROOT, 'types/actionWords.ts')];
  /** Where appeals are shown or told: here a level's word is the appeal's level too. */
  const APPEAL_PLACES = ['types/appeal.ts', 'cloudfunctions/appeal/', 'cloudfunctions/domain/appeal', 'cloudfunctions/domain/messages', 'cloudfunctions/services/', 'cloudfunctions/timers/', 'src/components/appeal/', 'src/packages/appeal/', 'src/packages/inbox/', 'src/packages/board/'];

  function* sources(dir: string): Generator<string> {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) yield* sources(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !TABLE.includes(path)) yield path;
    }
  }
  /** The code without its comments (docstrings name the words they explain). */
  const code = (path: string) =>
    readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, '$1');
  const literals = (text: string) => Array.from(text.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g), (m) => m[2]);

  const files = ['types', 'cloudfunctions', 'src'].flatMap((dir) => [...sources(join(ROOT, dir))]);
  const statusWords: string[] = Object.values(W.status);
  const words = [...statusWords, ...Object.values(W.event), ...Object.values(W.deadline), ...Object.values(W.source), ...Object.values(W.action).flatMap((a) => [a.label, a.note ?? ''])].filter(Boolean);
  const levelWords: string[] = Object.values(W.level);

  it('finds the sources it reads', () => {
    expect(files.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['cloudfunctions/domain/messages.ts', 'src/components/appeal/Timeline.tsx', 'types/appeal.ts']));
  });

  it('no status word is written anywhere but the table', () => {
    const found = files.flatMap((f) => statusWords.filter((w) => code(f).includes(w)).map((w) => `${relative(ROOT, f)}: ${w}`));
    expect(found).toEqual([]);
  });

  it('no string is an action, event, deadline or source word of its own', () => {
    const found = files.flatMap((f) => literals(code(f)).filter((s) => words.includes(s)).map((s) => `${relative(ROOT, f)}: ${s}`));
    expect(found).toEqual([]);
  });

  it('where appeals are shown or told, no string is a level word of its own', () => {
    const appealFiles = files.filter((f) => APPEAL_PLACES.some((p) => relative(ROOT, f).startsWith(p)));
    expect(appealFiles.length).toBeGreaterThan(10);
    const found = appealFiles.flatMap((f) => literals(code(f)).filter((s) => levelWords.includes(s)).map((s) => `${relative(ROOT, f)}: ${s}`));
    expect(found).toEqual([]);
  });
});
