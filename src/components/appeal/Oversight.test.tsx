/**
 * 督办 and 延期 in the app: the three sheets (what they offer, what they refuse to send, what they
 * send), what the detail page shows staff and the filer, and the card in a list.
 */
import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { detailFixture, summaryFixture } from '../../../tests/jest/appealFixtures';
import { cloudCalls, ok, programCloud } from '../../../tests/jest/cloud';
import type { AppealDetail, ExtensionView, SupervisionView } from '../../../types/appeal';
import { AppealListItem } from './AppealList';
import { OversightSection } from './Oversight';
import { StaffActions } from './StaffActions';

/** 10:30 in Zoucheng on the fixture's day. */
const NOW = Date.parse('2026-11-24T02:30:00.000Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((e) => e.textContent);
const chips = () => texts('.chip');

const chief = { name: '张桂兰', title: '网格长' };
const community = { name: '李明', title: '社区书记' };
const card = (overrides: Partial<SupervisionView> = {}): SupervisionView => ({ card: 'red', note: '群众反映强烈，请今天办结', until: null, by: community, at: '2026-11-24T03:00:00.000Z', ...overrides });
const extension = (overrides: Partial<ExtensionView> = {}): ExtensionView => ({
  state: 'pending',
  deadline: 'resolveBy',
  reason: '需要物业配合，周末施工',
  until: '2026-11-29T12:00:00.000Z',
  requestedBy: chief,
  requestedAt: '2026-11-24T05:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  note: null,
  ...overrides,
});

function openSheet(detail: AppealDetail, button: string) {
  const done = jest.fn();
  programCloud({
    'appeal.supervise': (d) => ok({ ...detail, can: [], card: d.card }),
    'appeal.requestExtension': () => ok({ ...detail, can: [], extensionPending: true }),
    'appeal.decideExtension': () => ok({ ...detail, can: [], extensionPending: false }),
  });
  render(<StaffActions detail={detail} onDone={done} />);
  fireEvent.click(screen.getByRole('button', { name: button }));
  return done;
}

const type = (placeholder: string, text: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value: text } });

// 办理中, due at 15:30: five hours away
const toSupervise = detailFixture({ status: 'accepted', clock: { kind: 'resolveBy', at: '2026-11-24T07:30:00.000Z' }, can: ['supervise'] });
// 待受理, due at 12:00 today
const toAsk = detailFixture({ can: ['requestExtension'] });
const toDecide = detailFixture({ status: 'accepted', extensionPending: true, extension: extension(), can: ['decideExtension'] });

const click = (text: string) => fireEvent.click(screen.getByText(text));

describe('what the sheets offer', () => {
  it('督办: both cards, and only tighter deadlines earlier than the running one', () => {
    openSheet(toSupervise, '督办');
    expect(chips()).toEqual(['黄牌督办', '红牌督办', '不另定时限', '2 小时内（2026-11-24 12:30 前）', '4 小时内（2026-11-24 14:30 前）']);
    expect(document.querySelector('.field__label')!.textContent).toBe('督办意见');
  });

  it('申请延期: new deadlines after the running one', () => {
    openSheet(toAsk, '申请延期');
    expect(chips()).toEqual([
      '延长 1 天（至 2026-11-25 12:00）',
      '延长 2 天（至 2026-11-26 12:00）',
      '延长 3 天（至 2026-11-27 12:00）',
      '延长 5 天（至 2026-11-29 12:00）',
      '延长 7 天（至 2026-12-01 12:00）',
    ]);
  });

  it('申请延期, long overdue: only deadlines later than now', () => {
    openSheet(detailFixture({ can: ['requestExtension'], clock: { kind: 'acceptBy', at: '2026-11-21T04:00:00.000Z' }, overdue: true }), '申请延期');
    // due three days ago at 12:00; it is 10:30: one and two days on have passed already
    expect(chips()).toEqual(['延长 3 天（至 2026-11-24 12:00）', '延长 5 天（至 2026-11-26 12:00）', '延长 7 天（至 2026-11-28 12:00）']);
  });

  it('审批延期: the request (who asked, why, until when), then 同意 or 不同意 and an optional note', () => {
    openSheet(toDecide, '审批延期');
    const asked = document.querySelector('.sheet .oversight')!.textContent;
    expect(asked).toContain('延期待审批');
    expect(asked).toContain('办结时限至 2026-11-29 20:00');
    expect(asked).toContain('申请人：张桂兰（网格长） 2026-11-24 13:00');
    expect(asked).toContain('延期理由：需要物业配合，周末施工');
    expect(chips()).toEqual(['同意延期', '不同意延期']);
    expect(document.querySelector('.field__label')!.textContent).toBe('审批意见（选填）');
  });
});

/** A sheet's case: its name, the appeal, the button, what is filled in, the confirm button, and what comes of it. */
type SheetCase<T> = [string, AppealDetail, string, () => void, string, T];

describe('what a sheet refuses to send, in the contract’s words', () => {
  it.each<SheetCase<string>>([
    ['督办 without a card', toSupervise, '督办', () => type('请填写督办意见', '请今天内办结'), '确认督办', '请选择黄牌或红牌'],
    [
      '督办 with a note too short',
      toSupervise,
      '督办',
      () => {
        click('黄牌督办');
        type('请填写督办意见', '快');
      },
      '确认督办',
      '督办意见至少 2 个字',
    ],
    ['申请延期 without a deadline', toAsk, '申请延期', () => type('请填写延期理由', '需要物业配合'), '提交申请延期', '请选择延期后的时限'],
    ['申请延期 without a reason', toAsk, '申请延期', () => click('延长 1 天（至 2026-11-25 12:00）'), '提交申请延期', '请填写延期理由'],
    ['审批延期 neither granted nor refused', toDecide, '审批延期', () => undefined, '提交审批延期', '请选择是否同意'],
  ])('%s', (_, detail, button, fill, confirm, toast) => {
    openSheet(detail, button);
    fill();
    click(confirm);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: toast, icon: 'none' });
    expect(cloudCalls('appeal')).toEqual([]);
  });
});

describe('what a sheet sends, and the appeal shown as the cloud answers it', () => {
  it.each<SheetCase<object>>([
    [
      'a red card with two hours',
      toSupervise,
      '督办',
      () => {
        click('红牌督办');
        click('2 小时内（2026-11-24 12:30 前）');
        type('请填写督办意见', '请两小时内到场');
      },
      '确认督办',
      { action: 'supervise', card: 'red', note: '请两小时内到场', until: '2026-11-24T04:30:00.000Z' },
    ],
    [
      'a yellow card without a deadline',
      toSupervise,
      '督办',
      () => {
        click('黄牌督办');
        type('请填写督办意见', '请尽快办理');
      },
      '确认督办',
      { action: 'supervise', card: 'yellow', note: '请尽快办理', until: null },
    ],
    [
      'two more days',
      toAsk,
      '申请延期',
      () => {
        click('延长 2 天（至 2026-11-26 12:00）');
        type('请填写延期理由', '需要物业配合，周末才能施工');
      },
      '提交申请延期',
      { action: 'requestExtension', reason: '需要物业配合，周末才能施工', until: '2026-11-26T04:00:00.000Z' },
    ],
    ['同意延期 without a note', toDecide, '审批延期', () => click('同意延期'), '提交审批延期', { action: 'decideExtension', grant: true, note: '' }],
    [
      '不同意延期 with a note',
      toDecide,
      '审批延期',
      () => {
        click('不同意延期');
        type('请填写审批意见', '请按原时限办结');
      },
      '提交审批延期',
      { action: 'decideExtension', grant: false, note: '请按原时限办结' },
    ],
  ])('%s', async (_, detail, button, fill, confirm, sent) => {
    const done = openSheet(detail, button);
    fill();
    click(confirm);
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(cloudCalls('appeal').map((c) => c.data)).toEqual([{ id: detail.id, ...sent }]);
    expect(done.mock.calls[0][0]).toMatchObject({ id: detail.id, can: [] });
  });
});

describe('督办 and 延期 on the detail page', () => {
  it('staff read every card and the request with its decision', () => {
    const decided = extension({ state: 'granted', decidedBy: community, decidedAt: '2026-11-24T06:00:00.000Z', note: '同意，周末前办结' });
    render(<OversightSection detail={detailFixture({ card: 'red', supervision: [card({ card: 'yellow', note: '请尽快受理' }), card({ until: '2026-11-24T08:00:00.000Z' })], extension: decided })} />);
    expect(texts('.section-title')).toEqual(['督办与延期']);
    expect(texts('.oversight__card .oversight__tag')).toEqual(['黄牌督办', '红牌督办']);
    expect(texts('.oversight__text')).toEqual(['请尽快受理', '群众反映强烈，请今天办结']);
    expect(texts('.oversight__who')).toEqual(['李明（社区书记）', '李明（社区书记）']);
    expect(texts('.oversight__until')).toEqual(['限 2026-11-24 16:00 前']);
    const ext = document.querySelector('.oversight__extension')!.textContent;
    expect(ext).toContain('已同意延期');
    expect(ext).toContain('审批人：李明（社区书记） 2026-11-24 14:00');
    expect(ext).toContain('审批意见：同意，周末前办结');
  });

  it('the filer, given no cards, reads only that it is supervised', () => {
    render(<OversightSection detail={detailFixture({ card: 'red' })} />);
    expect(texts('.section-title')).toEqual(['督办']);
    expect(texts('.oversight__tag')).toEqual(['督办中']);
    expect(document.querySelector('.tag--card-red')).toBeNull();
    expect(document.body.textContent).not.toContain('红牌');
  });

  it('nothing when there is neither a card nor a request', () => {
    const { container } = render(<OversightSection detail={detailFixture()} />);
    expect(container.textContent).toBe('');
  });
});

describe('the card in a list', () => {
  it('staff lists show its colour and a 延期 awaiting a decision', () => {
    render(<AppealListItem appeal={summaryFixture(1, { card: 'red', extensionPending: true })} showDeadline />);
    expect(texts('.tag--card-red')).toEqual(['红牌督办']);
    expect(texts('.tag--extension-pending')).toEqual(['延期待审批']);
  });

  it('the filer’s list says only 督办中', () => {
    render(<AppealListItem appeal={summaryFixture(1, { card: 'yellow', extensionPending: true })} showDeadline={false} />);
    expect(texts('.tag--supervised')).toEqual(['督办中']);
    expect(texts('.tag--card-yellow')).toEqual([]);
    expect(texts('.tag--extension-pending')).toEqual([]);
  });
});
