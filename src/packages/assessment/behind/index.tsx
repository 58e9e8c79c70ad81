import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BEHIND_FIGURES, type AppealBehind, type BehindFigure, type CheckInBehind, type FigureRecords, type HouseholdBehind } from '../../../../types/assessment';
import { PRESENCE_WORDS } from '../../../../types/presence';
import { APPEAL_WORDS } from '../../../../types/vocabulary';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { PhotoGrid } from '../../../components/appeal/PhotoPicker';
import { shanghaiTime } from '../../../components/appeal/format';
import { useCall } from '../../../services/cloud';
import { routes } from '../../../services/routes';
import { BEHIND_WORDS, monthLabel } from '../figures';
import '../../../components/Lists.scss';
import '../../../components/appeal/appeal.scss';
import '../assessment.scss';

const isFigure = (figure: string | undefined): figure is BehindFigure => (BEHIND_FIGURES as readonly string[]).includes(figure ?? '');

/**
 * 考核明细 (`?code=&month=&figure=`, `assessment.behind`): the check-ins, 六必访 households or
 * appeals behind one figure of a grid's month, each marked as counted or not; an appeal (or an
 * arrival's appeal) opens its detail.
 */
export default function AssessmentBehindPage() {
  const { code, month, figure } = useRouter().params ?? {};
  const asked = code && month && isFigure(figure) ? { gridCode: code, month, figure } : null;
  const records = useCall('assessment', 'behind', asked);

  let body;
  if (!asked) body = <Text className="list-state">没有指定网格、月份和考核指标</Text>;
  else if (records.error) body = <Text className="list-state">{records.error.message}</Text>;
  else if (!records.data) body = <Loading />;
  else body = <Records records={records.data} />;
  return <PageFrame>{body}</PageFrame>;
}

/** 共 N 条，按时受理 M 条，显示最新 200 条. */
function summaryOf(records: FigureRecords): string {
  const words = BEHIND_WORDS[records.figure];
  const parts = [`共 ${records.total} 条`];
  if (words.counted) parts.push(`${words.counted[0]} ${records.counted} 条`);
  if (records.items.length < records.total) parts.push(`显示最新 ${records.items.length} 条`);
  return parts.join('，');
}

function Records({ records }: { records: FigureRecords }) {
  const words = BEHIND_WORDS[records.figure];
  return (
    <View>
      <View className="card">
        <Text className="assessment__scope">{records.grid.name}</Text>
        <Text className="assessment__sub">
          {monthLabel(records.month)} · {words.title}
        </Text>
        <Text className="assessment__said">{summaryOf(records)}</Text>
        {records.figure === 'online' && <Text className="assessment__said">在线天数还计入办理诉求和发布通知的日子，这里列出扫码签到</Text>}
        {records.figure === 'coverage' && <Text className="assessment__said">按月末（本月按此刻）计：住户在走访周期内有过核验的走访即为已覆盖</Text>}
      </View>
      {records.items.length === 0 ? (
        <Text className="list-state">这个月没有相关记录</Text>
      ) : (
        <View className="card list">
          {records.records === 'checkIns'
            ? records.items.map((c) => <CheckInItem key={c.id} checkIn={c} counted={words.counted} />)
            : records.records === 'households'
              ? records.items.map((h) => <HouseholdItem key={h.id} household={h} counted={words.counted} />)
              : records.items.map((a) => <AppealItem key={a.id} appeal={a} counted={words.counted} showCards={records.figure === 'cards'} />)}
        </View>
      )}
    </View>
  );
}

/** 有效巡防 / 未计入有效巡防 for one record, when the figure tells them apart. */
function Counted({ counted, words }: { counted: boolean | null; words: [string, string] | null }) {
  if (counted === null || !words) return null;
  return <Text className={`assessment__counted assessment__counted--${counted ? 'yes' : 'no'}`}>{counted ? words[0] : words[1]}</Text>;
}

const openAppeal = (id: string) => Taro.navigateTo({ url: routes.appealDetail(id) });

function CheckInItem({ checkIn: c, counted }: { checkIn: CheckInBehind; counted: [string, string] | null }) {
  const where = c.distanceM === null ? null : c.distanceM === 0 ? '在网格内' : `距网格 ${c.distanceM} 米`;
  const proof = [c.verified ? PRESENCE_WORDS.verified : PRESENCE_WORDS.flag[c.flag ?? 'unplaced'], where].filter(Boolean).join(' · ');
  const appealId = c.appealId;
  return (
    <View className="list__item assessment__record">
      <View className="list__main">
        <Text className="list__name">
          {PRESENCE_WORDS.kind[c.kind]} · {shanghaiTime(c.at)}
        </Text>
        <Text className="list__sub">{c.staff ? `${c.staff.name}（${c.staff.title}）` : '人员已不在册'}</Text>
        <Text className="list__sub">{proof}</Text>
        {c.household && (
          <Text className="list__sub">
            {c.household.building} {c.household.room} · {PRESENCE_WORDS.group[c.household.group]}
          </Text>
        )}
        {c.note && <Text className="list__sub">{c.note}</Text>}
        {appealId && (
          <Text className="link" onClick={() => openAppeal(appealId)}>
            查看到场的诉求
          </Text>
        )}
        <PhotoGrid photos={c.photos} />
      </View>
      <Counted counted={c.counted} words={counted} />
    </View>
  );
}

function HouseholdItem({ household: h, counted }: { household: HouseholdBehind; counted: [string, string] | null }) {
  return (
    <View className="list__item assessment__record">
      <View className="list__main">
        <Text className="list__name">
          {h.building} {h.room} · {PRESENCE_WORDS.group[h.group]}
        </Text>
        <Text className="list__sub">{h.coveredUntil ? `走访有效至 ${shanghaiTime(h.coveredUntil)}` : `每 ${h.intervalDays} 天走访一次，已到期`}</Text>
      </View>
      <Counted counted={h.counted} words={counted} />
    </View>
  );
}

function AppealItem({ appeal: a, counted, showCards }: { appeal: AppealBehind; counted: [string, string] | null; showCards: boolean }) {
  return (
    <View className="list__item assessment__record" onClick={() => openAppeal(a.id)}>
      <View className="list__main">
        <Text className="list__name">
          {a.number} · {a.category}
        </Text>
        <Text className="list__sub">
          {APPEAL_WORDS.status[a.status]} · {APPEAL_WORDS.source[a.source]} · {shanghaiTime(a.createdAt)}
        </Text>
        {showCards && <Text className="list__sub">{`黄牌 ${a.cards.yellow}，红牌 ${a.cards.red}`}</Text>}
        {a.rating !== null && <Text className="list__sub">评分 {a.rating}</Text>}
      </View>
      <Counted counted={a.counted} words={counted} />
      <Text className="list__arrow">›</Text>
    </View>
  );
}
