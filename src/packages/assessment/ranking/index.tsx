import Taro from '@tarojs/taro';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { RankedAssessment, RankingInput } from '../../../../types/assessment';
import type { ServedPlace, StaffPlaces } from '../../../../types/staff';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { recentMonths } from '../../../components/appeal/format';
import { call, useCall } from '../../../services/cloud';
import { useMe } from '../../../services/me';
import { routes } from '../../../services/routes';
import { Chart } from '../charts/Chart';
import { monthLabel, RANKING_COLUMNS, rankingChart } from '../figures';
import { openSheet } from '../sheet';
import '../assessment.scss';

/** How many months the month chips go back (this month first). */
const MONTHS_SHOWN = 6;

/**
 * 网格考核: the grids of a street (street staff) or a community (community staff) ranked for a
 * month, as a table and a bar chart; a row opens the grid's months. Staff of several streets or
 * communities choose one (chips); the ranking follows the choice. Street staff also compute
 * the month (`assessment.compute`) and export it as an .xlsx (`assessment.export`).
 */
export default function AssessmentRankingPage() {
  const { me, error } = useMe();
  const overGrids = me?.role === 'community' || me?.role === 'street';
  const places = useCall('staff', 'places', overGrids ? {} : null);

  let body;
  if (error ?? places.error) body = <Text className="list-state">{(error ?? places.error)!.message}</Text>;
  else if (!me) body = <Loading />;
  else if (!overGrids) body = <Text className="list-state">网格考核仅供社区、街道工作人员查看</Text>;
  else if (!places.data) body = <Loading />;
  else body = <Ranking places={places.data} />;
  return <PageFrame>{body}</PageFrame>;
}

/** What the ranking asks for a street or community the caller serves. */
const scopeOf = (place: ServedPlace): RankingScope => (place.level === 'street' ? { streetId: place.id } : { communityId: place.id });
type RankingScope = { streetId: string } | { communityId: string };

const keyOf = (place: ServedPlace) => `${place.level}:${place.id}`;

function Ranking({ places }: { places: StaffPlaces }) {
  const months = useMemo(() => recentMonths(Date.now(), MONTHS_SHOWN), []);
  // The 1st's timer assesses the month just ended: start there.
  const [month, setMonth] = useState(months[1].month);
  const [chosen, setChosen] = useState<string | null>(null);
  const place = places.served.find((p) => keyOf(p) === chosen) ?? places.served[0] ?? null;
  const scope = place && scopeOf(place);
  const input: RankingInput | null = scope && { month, ...scope };
  const ranking = useCall('assessment', 'ranking', input);

  if (!place || !scope) return <Text className="list-state">您的辖区还没有网格</Text>;
  return (
    <View>
      <View className="card">
        {places.served.length === 1 ? (
          <Text className="assessment__scope">{place.name}</Text>
        ) : (
          <View className="assessment__places" role="radiogroup" aria-label="辖区">
            {places.served.map((p) => (
              <Text key={keyOf(p)} aria-checked={p === place} className={`chip chip--small${p === place ? ' chip--on' : ''}`} onClick={() => setChosen(keyOf(p))}>
                {p.name}
              </Text>
            ))}
          </View>
        )}
        <ScrollView className="assessment__months" scrollX enableFlex>
          <View className="assessment__month-row" role="radiogroup" aria-label="月份">
            {months.map((m) => (
              <Text key={m.month} aria-checked={m.month === month} className={`chip chip--small${m.month === month ? ' chip--on' : ''}`} onClick={() => setMonth(m.month)}>
                {m.label}
              </Text>
            ))}
          </View>
        </ScrollView>
        {'streetId' in scope && <StreetActions month={month} streetId={scope.streetId} onComputed={ranking.reload} />}
      </View>
      {ranking.error ? (
        <Text className="list-state">{ranking.error.message}</Text>
      ) : !ranking.data ? (
        <Loading />
      ) : ranking.data.items.length === 0 ? (
        <Text className="list-state">{monthLabel(month)}的网格考核尚未计算</Text>
      ) : (
        <RankingView items={ranking.data.items} />
      )}
    </View>
  );
}

/** 计算考核 and 导出表格 for the street's month; says what happened under the buttons. */
function StreetActions({ month, streetId, onComputed }: { month: string; streetId: string; onComputed: () => void }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setSaid(await work());
    setBusy(false);
  };
  const compute = () =>
    run(async () => {
      const done = await call('assessment', 'compute', { month, streetId });
      if (!done.ok) return done.message;
      onComputed();
      return `已计算 ${done.data.grids} 个网格`;
    });
  const exportSheet = () =>
    run(async () => {
      const exported = await call('assessment', 'export', { month, streetId });
      if (!exported.ok) return exported.message;
      return openSheet(exported.data.fileID, `网格考核-${month}.xlsx`);
    });
  return (
    <View>
      <View className="assessment__actions">
        <Button className="btn btn-primary btn-small" disabled={busy || undefined} onClick={compute}>
          计算考核
        </Button>
        <Button className="btn btn-outline btn-small" disabled={busy || undefined} onClick={exportSheet}>
          导出表格
        </Button>
      </View>
      {said && <Text className="assessment__said">{said}</Text>}
    </View>
  );
}

function RankingView({ items }: { items: RankedAssessment[] }) {
  const option = useMemo(() => rankingChart(items), [items]);
  return (
    <View>
      <View className="card">
        <Text className="assessment__title">综合得分</Text>
        <Chart id="assessment-ranking-chart" option={option} height={260} />
      </View>
      <ScrollView className="card assessment__table" scrollX>
        <View className="assessment__row assessment__row--head">
          <Text className="assessment__cell assessment__cell--rank">排名</Text>
          <Text className="assessment__cell assessment__cell--name">网格</Text>
          {RANKING_COLUMNS.map((c) => (
            <Text key={c.label} className="assessment__cell">
              {c.label}
            </Text>
          ))}
        </View>
        {items.map((a) => (
          <View key={a._id} className="assessment__row" onClick={() => Taro.navigateTo({ url: routes.assessmentGrid(a.gridCode) })}>
            <Text className="assessment__cell assessment__cell--rank">{a.streetRank}</Text>
            <Text className="assessment__cell assessment__cell--name link">{a.gridName}</Text>
            {RANKING_COLUMNS.map((c) => (
              <Text key={c.label} className="assessment__cell">
                {c.value(a)}
              </Text>
            ))}
          </View>
        ))}
      </ScrollView>
    </View>
  );
}
