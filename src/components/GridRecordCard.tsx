import { Text, View } from '@tarojs/components';
import type { GridRecordView } from '../../types/grid';
import { FIGURE_WORDS } from '../../types/vocabulary';
import './InfoCards.scss';

/** What a figure with nothing behind it says: never 0%. */
const NONE = '暂无';

const percent = (rate: number | null) => (rate === null ? NONE : `${Math.round(rate * 100)}%`);

/** `YYYY-MM-DD` as 11月28日. */
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The day before `asOf` (the last day the roll-up counted), as 11月28日. */
function countedUntil(asOf: string): string {
  const day = new Date(`${asOf}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return monthDay(day.toISOString().slice(0, 10));
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="info-card__row">
      <Text className="info-card__label">{label}</Text>
      <Text className="info-card__value">{value}</Text>
    </View>
  );
}

/**
 * The grid's public record (DESIGN §3): over the last `days` days, the share of residents'
 * appeals taken on in time and with someone on site the same day, the average rating, the
 * appeals handled, and whether staff checked in today. A figure with nothing behind it says 暂无.
 */
export function GridRecordCard({ record }: { record: GridRecordView }) {
  return (
    <View className="card info-card grid-record">
      <Text className="info-card__name">{`近${record.days}天服务记录`}</Text>
      <Row label="今日签到" value={record.checkedInToday ? '网格员已签到' : '尚无签到'} />
      {record.asOf !== null ? (
        <View>
          <Row label={FIGURE_WORDS.response} value={percent(record.acceptedInTime)} />
          <Row label={FIGURE_WORDS.sameDay} value={percent(record.onSiteSameDay)} />
          <Row label="满意度" value={record.satisfaction === null ? NONE : `${record.satisfaction.toFixed(1)} 分（${record.rated} 人评价）`} />
          <Row label="办结诉求" value={record.appeals === 0 ? NONE : `${record.handled} 件（共 ${record.appeals} 件）`} />
          <Text className="muted">{`统计至${countedUntil(record.asOf)}`}</Text>
        </View>
      ) : (
        <Text className="muted">服务记录尚未统计</Text>
      )}
    </View>
  );
}
