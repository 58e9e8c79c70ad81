import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { GridLocation } from '../../types/grid';
import { routes } from '../services/routes';
import './Lists.scss';
import './LocatedGrids.scss';

/** "约 320 米" / "约 1.2 公里": a walk, not a survey (rounded to 10 m, or to 0.1 km from 1 km). */
export function formatDistance(metres: number): string {
  if (metres < 995) return `约 ${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  return `约 ${(Math.round(metres / 100) / 10).toFixed(1).replace(/\.0$/, '')} 公里`;
}

const open = (code: string) => Taro.navigateTo({ url: routes.grid(code) });

/** grid.locate's answer: the grid the person stands in, then the nearest ones with distances. */
export function LocatedGrids({ found }: { found: GridLocation }) {
  const { inside, nearby } = found;
  return (
    <View className="located">
      {inside && (
        <View className="card located__inside">
          <Text className="located__label">您在</Text>
          <Text className="located__name">{inside.name}</Text>
          <Text className="located__place">
            {inside.street} · {inside.community}
          </Text>
          <Button className="btn btn-primary located__enter" onClick={() => open(inside.code)}>
            进入网格
          </Button>
        </View>
      )}
      {!inside && nearby.length === 0 && (
        <View className="search-state">
          <Text>附近没有找到网格</Text>
          <Text className="search-state__hint">您可能不在本市的网格范围内，请按名称查找</Text>
        </View>
      )}
      {nearby.length > 0 && (
        <View>
          <Text className="section-title">{inside ? '附近的其他网格' : '离您最近的网格'}</Text>
          <View className="card list">
            {nearby.map((g) => (
              <View key={g.code} className="list__item" onClick={() => open(g.code)}>
                <View className="list__main">
                  <Text className="list__name">{g.name}</Text>
                  <Text className="list__sub">
                    {g.street} · {g.community}
                  </Text>
                </View>
                <Text className="located__distance">{formatDistance(g.distanceM)}</Text>
                <Text className="list__arrow">›</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
