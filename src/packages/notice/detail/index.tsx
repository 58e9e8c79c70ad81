import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { NoticeDetail } from '../../../../types/notice';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { shanghaiTime } from '../../../components/shanghaiTime';
import { PhotoGrid } from '../../../components/appeal/PhotoPicker';
import { call, useCall } from '../../../services/cloud';
import { recentGrids } from '../../../services/recentGrids';
import { routes } from '../../../services/routes';
import '../../../components/appeal/appeal.scss';
import '../notice.scss';

/** One notice: title, when, who, for whom, the text and images, how many have read it; shared as a card. */
export default function NoticeDetailPage() {
  const params = useRouter().params ?? {};
  const id = params.id ?? '';
  const loaded = useCall('notice', 'detail', id ? { id } : null);
  const notice = loaded.data;

  useEffect(() => {
    // A card into the grid's WeChat group; the share ticket tells which group it went to.
    if (process.env.TARO_ENV === 'weapp') Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined);
  }, []);
  useShareAppMessage(() => {
    // The card names a grid (the one it was opened with, else the one this phone last showed), so
    // opening it inside a group can offer that group to the grid's staff.
    const gridCode = params.code ?? recentGrids()[0]?.code;
    const path = routes.noticeDetail(id) + (gridCode ? `&code=${encodeURIComponent(gridCode)}` : '');
    return { title: notice?.title ?? '网格通知', path };
  });

  let body;
  if (!id) body = <Text className="list-state">没有指定要查看的通知</Text>;
  else if (notice) body = <NoticeView notice={notice} />;
  else if (loaded.error)
    body = (
      <View className="list-state">
        <Text>{loaded.error.message}</Text>
        {loaded.error.code !== 'NOT_FOUND' && (
          <Button className="btn btn-outline btn-small list-state__retry" onClick={loaded.reload}>
            重试
          </Button>
        )}
      </View>
    );
  else body = <Loading />;

  return <PageFrame>{body}</PageFrame>;
}

function NoticeView({ notice: n }: { notice: NoticeDetail }) {
  const [busy, setBusy] = useState(false);
  const unpublish = async () => {
    const { confirm } = await Taro.showModal({ title: '撤回通知', content: '撤回后所有网格页面都不再显示这条通知', confirmText: '撤回' });
    if (!confirm || busy) return;
    setBusy(true);
    const res = await call('notice', 'unpublish', { id: n.id });
    setBusy(false);
    Taro.showToast({ title: res.ok ? '已撤回' : res.message, icon: 'none' });
    if (res.ok) Taro.navigateBack().catch(() => undefined);
  };

  return (
    <View>
      <View className="card">
        <Text className="notice-head__title">{n.title}</Text>
        <View className="notice-head__meta">
          {n.pinned && <Text className="notice-head__pin">置顶</Text>}
          <Text>{shanghaiTime(n.publishedAt)}</Text>
          {n.author && <Text>{n.author.title ? `${n.author.title} ${n.author.name}` : n.author.name}</Text>}
        </View>
      </View>
      <View className="card">
        <Text className="notice-body">{n.body}</Text>
        <PhotoGrid photos={n.images} />
        <View className="notice-foot">
          <Text>发送范围：{n.scope.label}</Text>
          <Text>阅读 {n.reads}</Text>
        </View>
      </View>
      {n.can.includes('unpublish') && (
        <View className="notice-actions">
          <Button className="btn btn-outline btn-small" disabled={busy || undefined} onClick={unpublish}>
            撤回通知
          </Button>
        </View>
      )}
    </View>
  );
}
