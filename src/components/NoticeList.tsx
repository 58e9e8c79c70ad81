import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NoticeSummary } from '../../types/grid';
import { routes } from '../services/routes';
import './InfoCards.scss';

/** A notice's day in Asia/Shanghai (UTC+8, no DST), as YYYY-MM-DD. */
export function noticeDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso.slice(0, 10);
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The grid page's latest notices; each opens its detail page. */
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
        <View key={n.id} className="notice-list__item" onClick={() => Taro.navigateTo({ url: routes.noticeDetail(n.id) })}>
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

/** The section's heading: 全部通知 for everyone, 发布通知 for staff (the server decides where they may publish). */
export function NoticeHeader({ gridCode, staff }: { gridCode: string; staff: boolean }) {
  return (
    <View className="notice-links">
      <Text className="notice-links__title">网格通知</Text>
      {staff && (
        <Text className="notice-links__publish" onClick={() => Taro.navigateTo({ url: routes.publishNotice(gridCode) })}>
          发布通知
        </Text>
      )}
      <Text className="notice-links__all" onClick={() => Taro.navigateTo({ url: routes.notices(gridCode) })}>
        全部通知 ›
      </Text>
    </View>
  );
}
