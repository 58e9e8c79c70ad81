import { Text, View } from '@tarojs/components';
import type { GridPage } from '../../types/grid';
import './GridCard.scss';

/** Who this grid is: name, code and kind, the community and street above it, the street's brand. */
export function GridCard({ page }: { page: GridPage }) {
  const { grid, community, street } = page;
  return (
    <View className="card grid-card">
      <View className="grid-card__top">
        <Text className="grid-card__kind">{grid.kindLabel}</Text>
        <Text className="grid-card__code">网格码 {grid.code}</Text>
      </View>
      <Text className="grid-card__name">{grid.name}</Text>
      <Text className="grid-card__place">
        {street.name} · {community.name}
      </Text>
      {grid.households !== null && <Text className="grid-card__meta">服务 {grid.households} 户</Text>}
      {street.brand && (
        <View className="grid-card__brand">
          <Text>“{street.brand}”</Text>
        </View>
      )}
    </View>
  );
}
