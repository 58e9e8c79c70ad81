import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Failure } from '../../../types/envelope';
import type { GridLocation, GridSearchHit } from '../../../types/grid';
import { SEARCH_KEYWORD_MAX, searchKeyword } from '../../../types/search';
import { DevDock } from '../../components/DevDock';
import { LocatedGrids } from '../../components/LocatedGrids';
import { RecentGridList } from '../../components/RecentGridList';
import { routes } from '../../services/routes';
import { call } from '../../services/cloud';
import { myPosition } from '../../services/position';
import { recentGrids } from '../../services/recentGrids';
import './index.scss';

type Locating =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'failed'; message: string }
  | { state: 'found'; found: GridLocation };

const DENIED_MESSAGE = '没有获得位置授权，无法按位置查找。可以在设置中允许使用位置信息，也可以直接按名称查找。';
const UNAVAILABLE_MESSAGE = '暂时无法获取您的位置，请检查定位是否打开，或按名称查找。';

type Found = { keyword: string; hits: GridSearchHit[]; cursor: string | null; busy: boolean; error: Failure | null };

/**
 * `grid.search` a page at a time: `search` starts over with a keyword, `more` follows the cursor
 * (a tap on 加载更多 or reaching the bottom), `retry` repeats the page that failed. A newer search
 * wins over an answer still on its way.
 */
function useGridSearch() {
  const [found, setFound] = useState<Found | null>(null);
  const ticket = useRef(0);
  const last = useRef<{ keyword: string; cursor: string | null }>({ keyword: '', cursor: null });

  const fetchPage = async (keyword: string, cursor: string | null) => {
    const mine = ++ticket.current;
    last.current = { keyword, cursor };
    setFound((f) => ({ keyword, hits: cursor && f ? f.hits : [], cursor, busy: true, error: null }));
    const res = await call('grid', 'search', cursor ? { keyword, cursor } : { keyword });
    if (mine !== ticket.current) return;
    setFound((f) =>
      res.ok
        ? { keyword, hits: [...(cursor && f ? f.hits : []), ...res.data.items], cursor: res.data.cursor, busy: false, error: null }
        : { keyword, hits: f?.hits ?? [], cursor, busy: false, error: res },
    );
  };
  return {
    found,
    search: (keyword: string) => fetchPage(keyword, null),
    more: () => found && found.cursor && !found.busy && !found.error && fetchPage(found.keyword, found.cursor),
    retry: () => fetchPage(last.current.keyword, last.current.cursor),
  };
}

/**
 * Find a grid without a sign: the grids this device opened first, then by the person's position
 * (asked only on a tap) or by its, its community's or its street's name.
 */
export default function SearchPage() {
  const [text, setText] = useState('');
  const [recent] = useState(recentGrids);
  const [locating, setLocating] = useState<Locating>({ state: 'idle' });
  const ticket = useRef(0);
  const { found, search, more, retry } = useGridSearch();
  useReachBottom(() => more());
  const remembered = new Set(recent.map((g) => g.code));

  const submit = () => {
    const parsed = searchKeyword(text);
    if (!parsed.ok) {
      Taro.showToast({ title: parsed.message, icon: 'none' });
      return;
    }
    search(parsed.keyword);
  };

  const locate = async () => {
    const mine = ++ticket.current;
    setLocating({ state: 'busy' });
    const position = await myPosition();
    if (mine !== ticket.current) return;
    if (!position.ok) {
      setLocating({ state: 'failed', message: position.reason === 'denied' ? DENIED_MESSAGE : UNAVAILABLE_MESSAGE });
      return;
    }
    const env = await call('grid', 'locate', position.position);
    if (mine !== ticket.current) return;
    setLocating(env.ok ? { state: 'found', found: env.data } : { state: 'failed', message: env.message });
  };

  return (
    <View className="page">
      <View className="search-bar">
        <Input
          className="search-bar__input"
          value={text}
          placeholder="输入网格、社区或街道名称"
          confirmType="search"
          maxlength={SEARCH_KEYWORD_MAX}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        <Button className="btn btn-primary search-bar__btn" onClick={submit}>
          搜索
        </Button>
      </View>
      <Button className="btn btn-outline locate-btn" disabled={locating.state === 'busy'} onClick={locate}>
        {locating.state === 'busy' ? '正在获取位置…' : '用我的位置查找'}
      </Button>

      <RecentGridList grids={recent} />

      {locating.state === 'failed' && (
        <View className="search-state" role="alert">
          <Text>{locating.message}</Text>
        </View>
      )}
      {locating.state === 'found' && <LocatedGrids found={locating.found} />}

      {found && found.hits.length === 0 && !found.busy && !found.error && (
        <View className="search-state">
          <Text>没有找到与“{found.keyword}”相关的网格</Text>
          <Text className="search-state__hint">换个关键词试试，例如社区或街道的名称</Text>
        </View>
      )}
      {found && found.hits.length > 0 && (
        <View>
          <Text className="section-title">搜索结果</Text>
          <View className="card list">
            {found.hits.map((hit) => (
              <View key={hit.code} className="list__item" onClick={() => Taro.navigateTo({ url: routes.grid(hit.code) })}>
                <View className="list__main">
                  <Text className="list__name">
                    {hit.name}
                    {remembered.has(hit.code) && <Text className="search-hit__recent">最近查看</Text>}
                  </Text>
                  <Text className="list__sub">
                    {hit.street} · {hit.community}
                  </Text>
                  <Text className="list__sub">网格码 {hit.code}</Text>
                </View>
                <Text className="list__arrow">›</Text>
              </View>
            ))}
          </View>
          {found.cursor && !found.busy && !found.error && (
            <Button className="btn btn-outline search-more" onClick={more}>
              加载更多
            </Button>
          )}
        </View>
      )}
      {found?.busy && <Text className="search-state">正在查找…</Text>}
      {found?.error && (
        <View className="search-state">
          <Text>{found.error.message}</Text>
          <Button className="btn btn-outline btn-small search-state__retry" onClick={retry}>
            重试
          </Button>
        </View>
      )}
      <DevDock />
    </View>
  );
}
