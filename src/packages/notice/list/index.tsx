import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure } from '../../../../types/envelope';
import type { NoticeItem } from '../../../../types/notice';
import { DevDock } from '../../../components/DevDock';
import { noticeDate } from '../../../components/NoticeList';
import { call } from '../../../services/cloud';
import { routes } from '../../../services/routes';
import '../../../components/appeal/appeal.scss';
import '../notice.scss';

type ListState = { items: NoticeItem[]; cursor: string | null; loading: boolean; error: Failure | null; loaded: boolean };

/** 全部通知: a grid's notices (its own, its community's, its street's), pinned first, a page at a time. */
export default function NoticeListPage() {
  const code = (useRouter().params ?? {}).code ?? '';
  const [state, setState] = useState<ListState>({ items: [], cursor: null, loading: false, error: null, loaded: false });
  const busy = useRef(false);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      if (busy.current || !code) return;
      busy.current = true;
      setState((s) => ({ ...s, loading: true, error: null }));
      const res = await call('notice', 'list', { gridCode: code, ...(cursor ? { cursor } : {}) });
      busy.current = false;
      setState((s) =>
        res.ok
          ? { items: cursor ? [...s.items, ...res.data.items] : res.data.items, cursor: res.data.cursor, loading: false, error: null, loaded: true }
          : { ...s, loading: false, error: res, loaded: true },
      );
    },
    [code],
  );

  useEffect(() => {
    fetchPage(null);
  }, [fetchPage]);
  const more = () => state.cursor && fetchPage(state.cursor);
  useReachBottom(more);

  return (
    <View className="page appeal-page">
      {!code && <Text className="list-state">没有指定网格</Text>}
      {state.items.map((n) => (
        <View key={n.id} className="card notice-item" onClick={() => Taro.navigateTo({ url: routes.noticeDetail(n.id) })}>
          <Text className="notice-item__title">
            {n.pinned && <Text className="notice-item__pin">置顶</Text>}
            {n.title}
          </Text>
          <Text className="notice-item__excerpt">{n.excerpt}</Text>
          <View className="notice-item__meta">
            <Text>
              {noticeDate(n.publishedAt)} · {n.scopeLabel}
            </Text>
            <Text>阅读 {n.reads}</Text>
          </View>
        </View>
      ))}
      {state.loaded && !state.error && state.items.length === 0 && <Text className="list-state">暂无通知</Text>}
      {state.loading && <Text className="list-state">正在加载…</Text>}
      {state.error && (
        <View className="list-state">
          <Text>{state.error.message}</Text>
          <Button className="btn btn-outline btn-small list-state__retry" onClick={() => fetchPage(state.cursor)}>
            重试
          </Button>
        </View>
      )}
      {!state.loading && !state.error && state.cursor && (
        <Button className="btn btn-outline btn-small list-more" onClick={more}>
          加载更多
        </Button>
      )}
      <DevDock />
    </View>
  );
}
