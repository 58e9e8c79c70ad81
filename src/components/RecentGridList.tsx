import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RecentGrid } from '../services/recentGrids';
import { routes } from '../services/routes';
import './Lists.scss';

/** Grids this device opened before: one tap back to "my grid". */
export function RecentGridList({ grids, title = '最近查看的网格' }: { grids: RecentGrid[]; title?: string }) {
  if (grids.length === 0) return null;
  return (
    <View>
      <Text className="section-title">{title}</Text>
      <View className="card list">
        {grids.map((g) => (
          <View key={g.code} className="list__item" onClick={() => Taro.navigateTo({ url: routes.grid(g.code) })}>
            <View className="list__main">
              <Text className="list__name">{g.name}</Text>
              <Text className="list__sub">网格码 {g.code}</Text>
            </View>
            <Text className="list__arrow">›</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
