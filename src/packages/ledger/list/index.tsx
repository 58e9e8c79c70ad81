import Taro, { useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppealStatus, Me } from '../../../../types/appeal';
import type { StaffPlaces } from '../../../../types/staff';
import { APPEAL_SOURCES, APPEAL_STATUSES, APPEAL_WORDS, type AppealSource } from '../../../../types/vocabulary';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { AppealListView, useAppealList, type ListQuery } from '../../../components/appeal/AppealList';
import { StatusTabs } from '../../../components/appeal/StatusTabs';
import { recentMonths } from '../../../components/appeal/format';
import { initialPlace, PlaceChooser, type Place } from '../../../components/staff/PlaceChooser';
import { useCall } from '../../../services/cloud';
import { isStaff, useMe } from '../../../services/me';
import { routes } from '../../../services/routes';
import '../../../components/appeal/appeal.scss';
import '../../../components/staff/staff.scss';
import '../ledger.scss';

/** How many months the month chips go back. */
const MONTHS_SHOWN = 6;

/**
 * 问题台账 of a grid (`?code=`): its appeals and staff reports together, newest first, filtered by
 * chips. Without a code, a chief or worker sees their own grid (or chooses among theirs), and
 * community and street staff choose one of the grids below them.
 */
export default function LedgerPage() {
  const { me, error } = useMe();
  const [code, setCode] = useState<string | null>((useRouter().params ?? {}).code ?? null);

  let body;
  if (error) body = <Text className="list-state">{error.message}</Text>;
  else if (!me) body = <Loading />;
  else if (!isStaff(me)) body = <Text className="list-state">问题台账仅供网格长、网格员和社区、街道工作人员查看</Text>;
  else if (code) body = <Ledger code={code} me={me} />;
  else if (me.grids.length === 1) body = <Ledger code={me.grids[0].code} me={me} />;
  else if (me.grids.length > 1) body = <OwnGrids grids={me.grids} onChoose={setCode} />;
  else body = <GridChooser onChoose={setCode} />;

  return <PageFrame>{body}</PageFrame>;
}

/** A chief or worker of several grids chooses one. */
function OwnGrids({ grids, onChoose }: { grids: Me['grids']; onChoose: (code: string) => void }) {
  return (
    <View className="card">
      <Text className="ledger__hint">选择要查看台账的网格</Text>
      <View className="choice" role="radiogroup" aria-label="网格">
        {grids.map((g) => (
          <Text key={g.code} aria-checked={false} className="chip" onClick={() => onChoose(g.code)}>
            {g.name}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** Community and street staff choose a grid of theirs (`staff.places`), by tap or by code. */
function GridChooser({ onChoose }: { onChoose: (code: string) => void }) {
  const places = useCall('staff', 'places', {});
  if (places.error) return <Text className="list-state">{places.error.message}</Text>;
  if (!places.data) return <Loading />;
  return <ChooseIn places={places.data} onChoose={onChoose} />;
}

function ChooseIn({ places, onChoose }: { places: StaffPlaces; onChoose: (code: string) => void }) {
  const [place, setPlace] = useState<Place>(() => initialPlace(places, 'grid', {}));
  const choose = (next: Place) => {
    setPlace(next);
    if (next.gridCode) onChoose(next.gridCode);
  };
  return (
    <View className="card">
      <Text className="ledger__hint">选择要查看台账的网格</Text>
      <PlaceChooser places={places} kind="grid" value={place} onChange={choose} />
    </View>
  );
}

type Filters = { source?: AppealSource; status?: AppealStatus; overdue?: boolean; month?: string };

function Ledger({ code, me }: { code: string; me: Me }) {
  const [filters, setFilters] = useState<Filters>({});
  const own = me.grids.some((g) => g.code === code);
  const grid = useCall('grid', 'resolve', { code });
  const query: ListQuery<'ledger'> = { gridCode: code, ...filters };
  const list = useAppealList('ledger', query);
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));
  // The grid's own staff never see an appeal held for review: no tab for it.
  const statuses = own && (me.role === 'chief' || me.role === 'worker') ? APPEAL_STATUSES.filter((s) => s !== 'held') : APPEAL_STATUSES;

  return (
    <View>
      <View className="card ledger__head">
        <View className="ledger__who">
          <Text className="ledger__name">{grid.data?.grid.name ?? code}</Text>
          <Text className="ledger__sub">
            {grid.data ? `${grid.data.community.name} · ` : ''}网格码 {code}
          </Text>
        </View>
        {own && (
          <Text className="link" onClick={() => Taro.navigateTo({ url: routes.reportIssue(code) })}>
            {APPEAL_WORDS.action.report.label}问题
          </Text>
        )}
      </View>

      <Chips
        label="来源"
        options={APPEAL_SOURCES.map((s) => ({ key: s, label: APPEAL_WORDS.source[s] }))}
        value={filters.source ?? null}
        onChange={(source) => set({ source: source ?? undefined })}
      />
      <StatusTabs value={filters.status ?? null} statuses={statuses} onChange={(status) => set({ status: status ?? undefined })} />
      <Chips
        label="时限"
        options={[
          { key: 'late', label: APPEAL_WORDS.overdue },
          { key: 'onTime', label: '未超时' },
        ]}
        value={filters.overdue === undefined ? null : filters.overdue ? 'late' : 'onTime'}
        onChange={(key) => set({ overdue: key === null ? undefined : key === 'late' })}
      />
      <Chips
        label="月份"
        options={recentMonths(Date.now(), MONTHS_SHOWN).map(({ month, label }) => ({ key: month, label }))}
        value={filters.month ?? null}
        onChange={(month) => set({ month: month ?? undefined })}
      />

      <AppealListView list={list} empty="没有符合条件的事项" showSource />
    </View>
  );
}

type ChipsProps<K extends string> = {
  label: string;
  options: Array<{ key: K; label: string }>;
  value: K | null;
  onChange: (key: K | null) => void;
};

/** One filter as a row of chips: 全部, then each choice; the chosen one is on. */
function Chips<K extends string>({ label, options, value, onChange }: ChipsProps<K>) {
  const chips: Array<{ key: K | null; label: string }> = [{ key: null, label: '全部' }, ...options];
  return (
    <View className="ledger__filter">
      <Text className="ledger__filter-label">{label}</Text>
      <ScrollView className="ledger__chips" scrollX enableFlex>
        <View className="ledger__chip-row" role="radiogroup" aria-label={label}>
          {chips.map((c) => (
            <Text key={c.key ?? 'all'} aria-checked={c.key === value} className={`chip chip--small${c.key === value ? ' chip--on' : ''}`} onClick={() => onChange(c.key)}>
              {c.label}
            </Text>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
