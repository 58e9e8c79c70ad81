import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SearchGridsInput } from '../../../types/grid';
import { DevDock } from '../../components/DevDock';
import { RecentGridList } from '../../components/RecentGridList';
import { routes } from '../../services/routes';
import { useCall } from '../../services/cloud';
import { recentGrids } from '../../services/recentGrids';
import './index.scss';

/** Find a grid by its, its community's or its street's name (the way on when a code fails). */
export default function SearchPage() {
  const [text, setText] = useState('');
  const [keyword, setKeyword] = useState<string | null>(null);
  const [recent] = useState(recentGrids);
  const result = useCall('grid', 'search', keyword === null ? null : { keyword });

  const submit = () => {
    const parsed = SearchGridsInput.safeParse({ keyword: text });
    if (!parsed.success) {
      Taro.showToast({ title: parsed.error.issues[0]?.message ?? '请输入要查找的名称', icon: 'none' });
      return;
    }
    if (parsed.data.keyword === keyword) result.reload();
    else setKeyword(parsed.data.keyword);
  };

  return (
    <View className="page">
      <View className="search-bar">
        <Input
          className="search-bar__input"
          value={text}
          placeholder="输入网格、社区或街道名称"
          confirmType="search"
          maxlength={20}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        <Button className="btn btn-primary search-bar__btn" onClick={submit}>
          搜索
        </Button>
      </View>

      {keyword === null && <RecentGridList grids={recent} />}
      {keyword !== null && result.loading && <Text className="search-state">正在查找…</Text>}
      {keyword !== null && result.error && (
        <View className="search-state">
          <Text>{result.error.message}</Text>
          <Button className="btn btn-outline btn-small search-state__retry" onClick={result.reload}>
            重试
          </Button>
        </View>
      )}
      {result.data && result.data.length === 0 && (
        <View className="search-state">
          <Text>没有找到与“{keyword}”相关的网格</Text>
          <Text className="search-state__hint">换个关键词试试，例如社区或街道的名称</Text>
        </View>
      )}
      {result.data && result.data.length > 0 && (
        <View className="card list">
          {result.data.map((hit) => (
            <View key={hit.code} className="list__item" onClick={() => Taro.navigateTo({ url: routes.grid(hit.code) })}>
              <View className="list__main">
                <Text className="list__name">{hit.name}</Text>
                <Text className="list__sub">
                  {hit.street} · {hit.community}
                </Text>
                <Text className="list__sub">网格码 {hit.code}</Text>
              </View>
              <Text className="list__arrow">›</Text>
            </View>
          ))}
        </View>
      )}
      <DevDock />
    </View>
  );
}
