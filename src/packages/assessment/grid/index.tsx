import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { GridRecordOfMonths } from '../../../../types/assessment';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { useCall } from '../../../services/cloud';
import { routes } from '../../../services/routes';
import { Chart } from '../charts/Chart';
import { FIGURES, monthLabel, monthsChart } from '../figures';
import '../assessment.scss';

/**
 * One grid's assessment month by month (`?code=`, `assessment.grid`): its score and main rates
 * as lines, then every figure of each month, newest first, with its ranks; the ledger behind them,
 * and a figure that rests on records opens them (考核明细).
 */
export default function AssessmentGridPage() {
  const code = (useRouter().params ?? {}).code ?? null;
  const record = useCall('assessment', 'grid', code ? { gridCode: code } : null);

  let body;
  if (!code) body = <Text className="list-state">没有指定网格</Text>;
  else if (record.error) body = <Text className="list-state">{record.error.message}</Text>;
  else if (!record.data) body = <Loading />;
  else body = <Months record={record.data} />;
  return <PageFrame>{body}</PageFrame>;
}

function Months({ record }: { record: GridRecordOfMonths }) {
  const option = useMemo(() => monthsChart(record.months), [record.months]);
  const newestFirst = [...record.months].reverse();
  return (
    <View>
      <View className="card assessment__grid-head">
        <View>
          <Text className="assessment__scope">{record.grid.name}</Text>
          <Text className="assessment__sub">网格码 {record.grid.code}</Text>
        </View>
        <Text className="link" onClick={() => Taro.navigateTo({ url: routes.ledger(record.grid.code) })}>
          问题台账
        </Text>
      </View>
      {record.months.length === 0 ? (
        <Text className="list-state">这个网格还没有考核记录</Text>
      ) : (
        <View className="card">
          <Text className="assessment__title">逐月走势</Text>
          <Chart id="assessment-grid-chart" option={option} height={240} />
        </View>
      )}
      {newestFirst.map((a) => (
        <View key={a.month} className="card assessment__month">
          <Text className="assessment__title">
            {monthLabel(a.month)} · 街道第 {a.streetRank} 名 · 全市第 {a.cityRank} 名
          </Text>
          {FIGURES.map(({ label, value, behind }) => (
            <View
              key={label}
              className={`assessment__figure${behind ? ' assessment__figure--open' : ''}`}
              onClick={behind ? () => Taro.navigateTo({ url: routes.assessmentBehind(record.grid.code, a.month, behind) }) : undefined}
            >
              <Text className="assessment__figure-label">{label}</Text>
              <Text className="assessment__figure-value">{value(a)}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
