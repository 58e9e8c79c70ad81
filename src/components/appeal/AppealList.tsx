import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppealStatus, AppealSummary } from '../../../types/appeal';
import type { Failure } from '../../../types/envelope';
import { call } from '../../services/cloud';
import { routes } from '../../services/routes';
import { APPEAL_WORDS } from '../../../types/vocabulary';
import { shanghaiTime } from './format';
import { CardTag } from './Oversight';
import './appeal.scss';

type ListState = { items: AppealSummary[]; cursor: string | null; loading: boolean; error: Failure | null; loaded: boolean };
const EMPTY: ListState = { items: [], cursor: null, loading: false, error: null, loaded: false };

/**
 * One status's appeals from `appeal.mine` or `appeal.inbox` (or the board's, whatever their status), a page at a time, following the
 * returned cursor until it is null. Reloads when the page shows again (an appeal may have moved on).
 * `enabled: false` never calls (e.g. a resident on the inbox).
 */
export function useAppealList(action: 'mine' | 'inbox' | 'board', status: AppealStatus | null, enabled = true) {
  const [state, setState] = useState<ListState>(EMPTY);
  const ticket = useRef(0);
  const busy = useRef(false);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const mine = ++ticket.current;
      busy.current = true;
      setState((s) => ({ ...(cursor ? s : EMPTY), loading: true, error: null }));
      const input = { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
      const res = await call('appeal', action, input);
      if (mine !== ticket.current) return; // superseded by a newer tab or reload
      busy.current = false;
      setState((s) =>
        res.ok
          ? { items: cursor ? [...s.items, ...res.data.items] : res.data.items, cursor: res.data.cursor, loading: false, error: null, loaded: true }
          : { ...s, loading: false, error: res, loaded: true },
      );
    },
    [action, status],
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

type ListViewProps = { list: ReturnType<typeof useAppealList>; empty: string; showDeadline?: boolean; byGrid?: boolean };

/** A list's appeals as they came, or (`byGrid`) under their grid, the grids in the order their first appeal came. */
export function AppealListView({ list, empty, showDeadline = false, byGrid = false }: ListViewProps) {
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
      {byGrid ? <GridGroups items={list.items} /> : list.items.map((a) => <AppealListItem key={a.id} appeal={a} showDeadline={showDeadline} />)}
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
 * list shows the promise line and says only 督办中.
 */
export function AppealListItem({ appeal: a, showDeadline }: { appeal: AppealSummary; showDeadline: boolean }) {
  const due = showDeadline ? a.clock : null;
  return (
    <View className="card appeal-item" onClick={() => Taro.navigateTo({ url: routes.appealDetail(a.id) })}>
      <View className="appeal-item__top">
        <Text className="appeal-item__category">{a.categoryName}</Text>
        {a.overdue && <Text className="tag tag--danger">已超时</Text>}
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
            <Text className="grid-group__count">{`${group.length} 条，${APPEAL_WORDS.overdue} ${group.filter((a) => a.overdue).length} 条`}</Text>
          </View>
          {group.map((a) => (
            <AppealListItem key={a.id} appeal={a} showDeadline />
          ))}
        </View>
      ))}
    </View>
  );
}
