import type * as z from 'zod/mini';
import type {
  AppealDetail,
  AppealRef,
  AppealSummary,
  BlockInput,
  BoardInput,
  DecideExtensionInput,
  EscalateInput,
  GrantConsentsInput,
  InboxInput,
  LedgerInput,
  LedgerPage,
  ListMineInput,
  Me,
  ModerateInput,
  Page,
  RateInput,
  ReplyInput,
  ReportInput,
  RequestExtensionInput,
  ResolveInput,
  SendBackInput,
  SubmitAppealInput,
  SuperviseInput,
  TransferInput,
} from './appeal';
import type {
  CallStaffInput,
  GridLocation,
  GridPage,
  GridSearchHit,
  GridSuccessor,
  LocateGridInput,
  ResolveGridInput,
  RetiredGrid,
  RetireGridInput,
  SearchGridsInput,
  StaffPhone,
} from './grid';
import type { BehindInput, ComputeResult, FigureRecords, GridMonthsInput, GridRecordOfMonths, Ranking, RankingInput, StreetMonthInput } from './assessment';
import type { FileTicket, FileTicketInput } from './files';
import type { GridRef, GroupBindingState, GroupEnterRequest, GroupEntry, GroupProposalRef, SetGroupChatInput } from './groupChat';
import type { ImportRegistryInput, ImportReport } from './registry';
import type { CheckIn, CheckInInput, Households, HouseholdsInput, HouseholdView, SaveHouseholdInput } from './presence';
import type { ListNoticesInput, NoticeDetail, NoticeItem, NoticeRef, PublishNoticeInput } from './notice';
import type { StreetSigns, StreetSignsInput } from './signs';
import type { Invite, InvitePreview, InviteStaffInput, RedeemInviteInput, StaffBinding, StaffPlaces, Team, TeamInput, Unbound, UnbindStaffInput } from './staff';

/** Every cloud function's actions with their input and output: the app's client is typed by it. */
export type Api = {
  grid: {
    resolve: { input: ResolveGridInput; output: GridPage };
    search: { input: SearchGridsInput; output: Page<GridSearchHit> };
    callStaff: { input: CallStaffInput; output: StaffPhone };
    locate: { input: LocateGridInput; output: GridLocation };
    successor: { input: ResolveGridInput; output: GridSuccessor };
    retire: { input: In<typeof RetireGridInput>; output: RetiredGrid };
    setGroupChat: { input: In<typeof SetGroupChatInput>; output: GridPage['groupChat'] };
    clearGroupChat: { input: In<typeof GridRef>; output: null };
    groupEnter: { input: GroupEnterRequest; output: GroupEntry };
    groupBinding: { input: In<typeof GridRef>; output: GroupBindingState };
    confirmGroup: { input: In<typeof GroupProposalRef>; output: GroupBindingState };
    dismissGroup: { input: In<typeof GroupProposalRef>; output: GroupBindingState };
    unbindGroup: { input: In<typeof GridRef>; output: GroupBindingState };
    signs: { input: In<typeof StreetSignsInput>; output: StreetSigns };
  };
  appeal: {
    submit: { input: SubmitAppealInput; output: AppealDetail };
    mine: { input: In<typeof ListMineInput>; output: Page<AppealSummary> };
    detail: { input: In<typeof AppealRef>; output: AppealDetail };
    inbox: { input: In<typeof InboxInput>; output: Page<AppealSummary> };
    accept: { input: In<typeof AppealRef>; output: AppealDetail };
    reply: { input: In<typeof ReplyInput>; output: AppealDetail };
    transfer: { input: In<typeof TransferInput>; output: AppealDetail };
    escalate: { input: In<typeof EscalateInput>; output: AppealDetail };
    resolve: { input: In<typeof ResolveInput>; output: AppealDetail };
    sendBack: { input: In<typeof SendBackInput>; output: AppealDetail };
    rate: { input: In<typeof RateInput>; output: AppealDetail };
    moderate: { input: In<typeof ModerateInput>; output: AppealDetail };
    block: { input: In<typeof BlockInput>; output: { blocked: true } };
    unblock: { input: In<typeof AppealRef>; output: { blocked: false } };
    report: { input: ReportInput; output: AppealDetail };
    ledger: { input: LedgerInput; output: LedgerPage };
    supervise: { input: In<typeof SuperviseInput>; output: AppealDetail };
    requestExtension: { input: In<typeof RequestExtensionInput>; output: AppealDetail };
    decideExtension: { input: In<typeof DecideExtensionInput>; output: AppealDetail };
    board: { input: In<typeof BoardInput>; output: Page<AppealSummary> };
  };
  notice: {
    publish: { input: PublishNoticeInput; output: NoticeDetail };
    list: { input: In<typeof ListNoticesInput>; output: Page<NoticeItem> };
    detail: { input: In<typeof NoticeRef>; output: NoticeDetail };
    unpublish: { input: In<typeof NoticeRef>; output: { id: string; unpublished: true } };
  };
  account: {
    me: { input: Record<string, never>; output: Me };
    grantConsents: { input: In<typeof GrantConsentsInput>; output: Me };
  };
  staff: {
    invite: { input: InviteStaffInput; output: Invite };
    redeem: { input: In<typeof RedeemInviteInput>; output: StaffBinding };
    unbind: { input: In<typeof UnbindStaffInput>; output: Unbound };
    preview: { input: In<typeof RedeemInviteInput>; output: InvitePreview };
    team: { input: In<typeof TeamInput>; output: Team };
    places: { input: Record<string, never>; output: StaffPlaces };
  };
  registry: {
    import: { input: ImportRegistryInput; output: ImportReport };
  };
  file: {
    ticket: { input: FileTicketInput; output: FileTicket };
  };
  assessment: {
    compute: { input: StreetMonthInput; output: ComputeResult };
    ranking: { input: RankingInput; output: Ranking };
    grid: { input: GridMonthsInput; output: GridRecordOfMonths };
    behind: { input: BehindInput; output: FigureRecords };
    export: { input: StreetMonthInput; output: { fileID: string } };
  };
  presence: {
    checkIn: { input: CheckInInput; output: CheckIn };
    households: { input: HouseholdsInput; output: Households };
    saveHousehold: { input: SaveHouseholdInput; output: HouseholdView };
  };
};

type In<S extends z.ZodMiniType> = z.input<S>;

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I } ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O } ? O : never;

/** A demo identity the local cloud offers to its identity switcher. */
export type DevIdentity = { openid: string; label: string; role: 'resident' | 'chief' | 'worker' | 'community' | 'street' };
