import { Text, View } from '@tarojs/components';
import type { NoticeSummary } from '../../types/grid';
import './InfoCards.scss';

/** A notice's day in Asia/Shanghai (UTC+8, no DST), as YYYY-MM-DD. */
export function noticeDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso.slice(0, 10);
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export function NoticeList({ notices }: { notices: NoticeSummary[] }) {
  if (notices.length === 0) {
    return (
      <View className="card info-card">
        <Text className="muted">暂无通知</Text>
      </View>
    );
  }
  return (
    <View className="card info-card notice-list">
      {notices.map((n) => (
        <View key={n.id} className="notice-list__item">
          <View className="notice-list__title">
            {n.pinned && <Text className="notice-list__pin">置顶</Text>}
            <Text>{n.title}</Text>
          </View>
          <Text className="notice-list__date">{noticeDate(n.publishedAt)}</Text>
        </View>
      ))}
    </View>
  );
}
