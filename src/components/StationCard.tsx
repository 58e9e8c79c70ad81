import { Text, View } from '@tarojs/components';
import type { Station } from '../../types/grid';
import './InfoCards.scss';

/** The party-service station (党群服务站) residents can walk into. */
export function StationCard({ station }: { station: Station }) {
  return (
    <View className="card info-card">
      <Text className="info-card__name">{station.name}</Text>
      <View className="info-card__row">
        <Text className="info-card__label">地址</Text>
        <Text className="info-card__value">{station.address}</Text>
      </View>
      <View className="info-card__row">
        <Text className="info-card__label">开放时间</Text>
        <Text className="info-card__value">{station.hours}</Text>
      </View>
    </View>
  );
}
