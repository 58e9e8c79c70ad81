import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { AppealDetail, AppealStatus, Me } from '../../../../types/appeal';
import { APPEAL_WORDS, DEADLINE_KINDS } from '../../../../types/vocabulary';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { stars } from '../../../components/appeal/format';
import { shanghaiTime } from '../../../components/shanghaiTime';
import { OversightSection } from '../../../components/appeal/Oversight';
import { PhotoGrid } from '../../../components/appeal/PhotoPicker';
import { RatingForm } from '../../../components/appeal/RatingForm';
import { StaffActions } from '../../../components/appeal/StaffActions';
import { Timeline } from '../../../components/appeal/Timeline';
import { useCall } from '../../../services/cloud';
import { isStaff, useMe } from '../../../services/me';
import { routes } from '../../../services/routes';
import '../../../components/appeal/appeal.scss';
import '../../../components/AppealBar.scss';

/** One appeal: what was reported, its clocks, its timeline; the rating form or the staff's work. */
export default function AppealDetailPage() {
  const id = (useRouter().params ?? {}).id ?? '';
  const loaded = useCall('appeal', 'detail', id ? { id } : null);
  const [detail, setDetail] = useState<AppealDetail | null>(null);
  const { me } = useMe();

  useEffect(() => {
    if (loaded.data) setDetail(loaded.data);
  }, [loaded.data]);

  let body;
  if (!id) body = <Message text="没有指定要查看的诉求" />;
  else if (detail) body = <DetailView detail={detail} me={me} onChange={setDetail} />;
  else if (loaded.error) body = <Message text={loaded.error.message} onRetry={loaded.reload} />;
  else body = <Loading />;

  return <PageFrame>{body}</PageFrame>;
}

function Message({ text, onRetry }: { text: string; onRetry?: () => void }) {
  return (
    <View className="list-state">
      <Text>{text}</Text>
      {onRetry && (
        <Button className="btn btn-outline btn-small list-state__retry" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

/** Statuses in which someone may still come on site: 到场签到 is offered then. */
const ARRIVING: AppealStatus[] = ['submitted', 'accepted', 'returned'];

/** 到场签到 for the appeal's own grid's chief and workers while it is open: a scan of the sign proves someone came. */
function ArrivalLink({ detail: d, me }: { detail: AppealDetail; me: Me | null }) {
  if (!ARRIVING.includes(d.status) || !me?.grids.some((g) => g.code === d.gridCode)) return null;
  return (
    <View className="card appeal-links">
      <View className="appeal-links__item" onClick={() => Taro.navigateTo({ url: routes.checkIn({ appealId: d.id }) })}>
        <Text className="appeal-links__name">{APPEAL_WORDS.action.arrive.label}</Text>
        <Text className="appeal-links__sub">到现场后扫描本网格标牌，记录到场时间</Text>
        <Text className="appeal-links__arrow">›</Text>
      </View>
    </View>
  );
}

function DetailView({ detail: d, me, onChange }: { detail: AppealDetail; me: Me | null; onChange: (d: AppealDetail) => void }) {
  const canRate = d.can.includes('rate');
  const staff = isStaff(me);
  return (
    <View>
      <View className="card appeal-head">
        <View className="appeal-head__top">
          <Text className="appeal-head__category">{d.categoryName}</Text>
          {d.overdue && <Text className="tag tag--danger">已超时</Text>}
          <Text className={`tag tag--status tag--${d.status}`}>{d.statusLabel}</Text>
        </View>
        {d.promise && <Text className={`appeal-promise${d.overdue ? ' appeal-promise--late' : ''}`}>{d.promise}</Text>}
        <Text className="appeal-head__content">{d.content}</Text>
        <PhotoGrid photos={d.photos} />
        <View className="kv">
          <Row label="诉求编号" value={d.number} />
          <Row label="所属网格" value={`${d.gridName}（${d.gridCode}）`} />
          {d.level !== 'grid' && <Row label="当前层级" value={APPEAL_WORDS.level[d.level]} />}
          <Row label="提交时间" value={shanghaiTime(d.createdAt)} />
          {d.location && (
            <View className="kv__row" onClick={() => openMap(d)}>
              <Text className="kv__label">位置</Text>
              <Text className="kv__value kv__value--link">{d.location.name || d.location.address || '查看地图'}</Text>
            </View>
          )}
          {d.anonymous && <Row label="反映方式" value="匿名反映" />}
          {d.contactPhone && (
            <View className="kv__row" onClick={() => Taro.makePhoneCall({ phoneNumber: d.contactPhone! }).catch(() => undefined)}>
              <Text className="kv__label">联系电话</Text>
              <Text className="kv__value kv__value--link">{d.contactPhone}</Text>
            </View>
          )}
          {d.reopenCount > 0 && <Row label={APPEAL_WORDS.event.reopened} value={`${d.reopenCount} 次`} />}
        </View>
      </View>

      {d.deadlines && <Deadlines deadlines={d.deadlines} />}

      <OversightSection detail={d} />

      {d.rating && (
        <View>
          <Text className="section-title">评价</Text>
          <View className="card">
            <Text className="rating-stars">{stars(d.rating.score)}</Text>
            {d.rating.comment && <Text className="rating-comment">{d.rating.comment}</Text>}
            <Text className="rating-at">{shanghaiTime(d.rating.at)}</Text>
          </View>
        </View>
      )}

      {canRate && <RatingForm id={d.id} onDone={onChange} />}

      <Text className="section-title">办理进度</Text>
      <Timeline events={d.timeline} viewerIsStaff={staff} />

      <ArrivalLink detail={d} me={me} />
      <StaffActions detail={d} onDone={onChange} />
    </View>
  );
}

/** The appeal's clocks; a held appeal has none until 审核 releases it. */
function Deadlines({ deadlines }: { deadlines: NonNullable<AppealDetail['deadlines']> }) {
  return (
    <View>
      <Text className="section-title">办理时限</Text>
      <View className="card kv">
        {DEADLINE_KINDS.map((kind) => (
          <Row key={kind} label={APPEAL_WORDS.deadline[kind]} value={shanghaiTime(deadlines[kind])} />
        ))}
      </View>
    </View>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="kv__row">
      <Text className="kv__label">{label}</Text>
      <Text className="kv__value">{value}</Text>
    </View>
  );
}

function openMap(d: AppealDetail) {
  if (!d.location) return;
  Taro.openLocation({
    latitude: d.location.latitude,
    longitude: d.location.longitude,
    name: d.location.name ?? '',
    address: d.location.address ?? '',
  }).catch(() => undefined);
}
