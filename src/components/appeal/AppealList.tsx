import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput } from '../../../types/api';
import { isLate, type AppealSummary, type Page } from '../../../types/appeal';
import type { Envelope, Failure } from '../../../types/envelope';
import { call } from '../../services/cloud';
import { routes } from '../../services/routes';
import { APPEAL_WORDS } from '../../../types/vocabulary';
import { shanghaiTime } from '../shanghaiTime';
import { CardTag } from './Oversight';
import './appeal.scss';

type ListState = { items: AppealSummary[]; cursor: string | null; loading: boolean; error: Failure | null; loaded: boolean };
const EMPTY: ListState = { items: [], cursor: null, loading: false, error: null, loaded: false };

type ListAction = 'mine' | 'inbox' | 'ledger' | 'board';
/** What a list is asked besides the cursor: a status for `mine` and `inbox`, the grid and filters for `ledger`, nothing for `board`. */
export type ListQuery<A extends ListAction> = Omit<ActionInput<'appeal', A>, 'cursor'>;

/**
 * The appeals `appeal.mine`, `appeal.inbox`, `appeal.ledger` or `appeal.board` answers for
 * `query`, a page at a time, following the returned cursor until it is null. Starts again when
 * the query changes and when the page shows again (an appeal may have moved on). `enabled: false`
 * never calls (e.g. a resident on the inbox).
 */
export function useAppealList<A extends ListAction>(action: A, query: ListQuery<A>, enabled = true) {
  const [state, setState] = useState<ListState>(EMPTY);
  const ticket = useRef(0);
  const busy = useRef(false);
  const asked = JSON.stringify(query);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const mine = ++ticket.current;
      busy.current = true;
      setState((s) => ({ ...(cursor ? s : EMPTY), loading: true, error: null }));
      const input = { ...(JSON.parse(asked) as ListQuery<A>), ...(cursor ? { cursor } : {}) } as ActionInput<'appeal', A>;
      // every list answers a page of summaries (the ledger's also names its grid)
      const res = (await call('appeal', action, input)) as Envelope<Page<AppealSummary>>;
      if (mine !== ticket.current) return; // superseded by a newer query or reload
      busy.current = false;
      setState((s) =>
        res.ok
          ? { items: cursor ? [...s.items, ...res.data.items] : res.data.items, cursor: res.data.cursor, loading: false, error: null, loaded: true }
          : { ...s, loading: false, error: res, loaded: true },
      );
    },
    [action, asked],
  );

  useEffect(() => {
    if (enabled) fetchPage(null);
  }, [fetchPage, enabled]);

  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && enabled) fetchPage(null);
    shown.current = true;
  });

  const more = useCallback(() => {
    if (!busy.current && state.cursor) fetchPage(state.cursor);
  }, [fetchPage, state.cursor]);
  useReachBottom(more);

  return { ...state, more, reload: () => fetchPage(null) };
}

type ItemOptions = {
  /** The running clock's deadline, the 督办 card's colour and a 延期 awaiting a decision (staff lists: the inbox, the board). */
  showDeadline?: boolean;
  /** 居民反映 or 工作人员上报 (the ledger, where both stand together). */
  showSource?: boolean;
};

/** A list's appeals as they came, or (`byGrid`) under their grid, the grids in the order their first appeal came. */
export function AppealListView({ list, empty, byGrid = false, ...options }: { list: ReturnType<typeof useAppealList>; empty: string; byGrid?: boolean } & ItemOptions) {
  if (list.error && list.items.length === 0) {
    return (
      <View className="list-state">
        <Text>{list.error.message}</Text>
        <Button className="btn btn-outline btn-small list-state__retry" onClick={list.reload}>
          重试
        </Button>
      </View>
    );
  }
  if (list.loaded && !list.loading && list.items.length === 0) {
    return (
      <View className="list-state">
        <Text>{empty}</Text>
      </View>
    );
  }
  return (
    <View>
      {byGrid ? <GridGroups items={list.items} /> : list.items.map((a) => <AppealListItem key={a.id} appeal={a} {...options} />)}
      {list.loading && <Text className="list-state list-state--inline">正在加载…</Text>}
      {list.error && list.items.length > 0 && <Text className="list-state list-state--inline">{list.error.message}</Text>}
      {!list.loading && list.cursor && (
        <Button className="btn btn-outline list-more" onClick={list.more}>
          加载更多
        </Button>
      )}
      {!list.loading && !list.cursor && list.items.length > 0 && <Text className="list-state list-state--inline">没有更多了</Text>}
    </View>
  );
}

/**
 * One appeal in a list. `showDeadline` is a staff list's (the inbox, the board): it shows the
 * deadline the appeal races, the 督办 card's colour and a 延期 awaiting a decision; the filer's
 * list shows the promise line and says only 督办中. 已超时 by `isLate`.
 */
export function AppealListItem({ appeal: a, showDeadline = false, showSource = false }: { appeal: AppealSummary } & ItemOptions) {
  const due = showDeadline ? a.clock : null;
  return (
    <View className="card appeal-item" onClick={() => Taro.navigateTo({ url: routes.appealDetail(a.id) })}>
      <View className="appeal-item__top">
        <Text className="appeal-item__category">{a.categoryName}</Text>
        {isLate(a) && <Text className="tag tag--danger">{APPEAL_WORDS.overdue}</Text>}
        {showSource && <Text className={`tag tag--source tag--${a.source}`}>{APPEAL_WORDS.source[a.source]}</Text>}
        {a.card && <CardTag card={a.card} staff={showDeadline} />}
        {showDeadline && a.extensionPending && <Text className="tag tag--extension-pending">{APPEAL_WORDS.extension.pending}</Text>}
        <Text className={`tag tag--status tag--${a.status}`}>{a.statusLabel}</Text>
      </View>
      <Text className="appeal-item__excerpt">{a.excerpt}</Text>
      <View className="appeal-item__meta">
        <Text>{a.gridName}</Text>
        <Text>{shanghaiTime(a.createdAt)}</Text>
      </View>
      {!showDeadline && a.promise && <Text className={`appeal-promise${a.overdue ? ' appeal-promise--late' : ''}`}>{a.promise}</Text>}
      {due && (
        <Text className={`appeal-item__due${a.overdue ? ' appeal-item__due--late' : ''}`}>
          {APPEAL_WORDS.deadline[due.kind]} {shanghaiTime(due.at)}
        </Text>
      )}
      <Text className="appeal-item__number">编号 {a.number}</Text>
    </View>
  );
}

/** Appeals under their grids (staff lists): a heading with the grid and how many are overdue. */
function GridGroups({ items }: { items: AppealSummary[] }) {
  const grids = new Map<string, AppealSummary[]>();
  for (const a of items) grids.set(a.gridCode, [...(grids.get(a.gridCode) ?? []), a]);
  return (
    <View>
      {[...grids.values()].map((group) => (
        <View key={group[0].gridCode} className="grid-group">
          <View className="grid-group__head">
            <Text className="grid-group__name">{`${group[0].gridName}（${group[0].gridCode}）`}</Text>
            <Text className="grid-group__count">{`${group.length} 条，${APPEAL_WORDS.overdue} ${group.filter(isLate).length} 条`}</Text>
          </View>
          {group.map((a) => (
            <AppealListItem key={a.id} appeal={a} showDeadline />
          ))}
        </View>
      ))}
    </View>
  );
}
