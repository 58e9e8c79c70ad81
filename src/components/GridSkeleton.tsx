import { View } from '@tarojs/components';
import './GridSkeleton.scss';

/** Grey blocks in the grid page's shape while grid.resolve is on its way. */
export function GridSkeleton() {
  return (
    <View className="skeleton">
      <View className="card skeleton__hero" />
      <View className="skeleton__label" />
      <View className="card skeleton__row" />
      <View className="card skeleton__row" />
      <View className="skeleton__label" />
      <View className="card skeleton__block" />
    </View>
  );
}
