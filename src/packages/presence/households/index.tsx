import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SaveHouseholdInput, type HouseholdView } from '../../../../types/presence';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { SubmitBar } from '../../../components/SubmitBar';
import { shanghaiTime } from '../../../components/shanghaiTime';
import { call, useCall } from '../../../services/cloud';
import { HouseholdFields, type HouseholdDraft } from '../HouseholdFields';
import '../../../components/appeal/appeal.scss';
import '../checkin/checkin.scss';

/** 六必访住户 (`?code=`): the grid's households, those due a visit first, and a form to add or change one. Its chief and workers only. */
export default function HouseholdsPage() {
  const code = (useRouter().params ?? {}).code ?? '';
  const listed = useCall('presence', 'households', code ? { gridCode: code } : null);
  let body;
  if (!code) body = <Text className="list-state">没有指定网格</Text>;
  else if (listed.error) body = <Text className="list-state">{listed.error.message}</Text>;
  else if (listed.data)
    body = (
      <View>
        <Text className="section-title">
          {listed.data.gridName} · 待走访 {listed.data.dueCount} 户
        </Text>
        <View className="card">
          {listed.data.items.length === 0 && <Text className="list-state">还没有登记六必访住户</Text>}
          {listed.data.items.map((h) => (
            <HouseholdRow key={h.id} household={h} />
          ))}
        </View>
        <HouseholdForm gridCode={code} onSaved={listed.reload} />
      </View>
    );
  else body = <Loading />;
  return <PageFrame>{body}</PageFrame>;
}

function HouseholdRow({ household: h }: { household: HouseholdView }) {
  return (
    <View className="household">
      <Text className="household__place">
        {h.building} {h.room}
      </Text>
      <Text className="household__sub">
        {h.groupLabel} · 每 {h.intervalDays} 天 · {h.lastVisitAt ? `上次走访 ${shanghaiTime(h.lastVisitAt)}` : '尚未走访'}
      </Text>
      <Text className={`tag ${h.due ? 'tag--flagged' : 'tag--verified'}`}>{h.due ? '待走访' : `${shanghaiTime(h.dueAt)} 前走访`}</Text>
    </View>
  );
}

type Draft = HouseholdDraft & { intervalDays: string };
const BLANK: Draft = { building: '', room: '', group: null, intervalDays: '30' };

function HouseholdForm({ gridCode, onSaved }: { gridCode: string; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    if (busy) return;
    const parsed = SaveHouseholdInput.safeParse({ gridCode, building: draft.building, room: draft.room, group: draft.group ?? undefined, intervalDays: Number(draft.intervalDays) });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '请检查填写的内容';
      setError(message);
      return Taro.showToast({ title: message, icon: 'none' });
    }
    setBusy(true);
    const res = await call('presence', 'saveHousehold', parsed.data);
    setBusy(false);
    setError(res.ok ? null : res.message);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    setDraft(BLANK);
    onSaved();
  };

  return (
    <View>
      <Text className="section-title">登记或修改住户</Text>
      <View className="card">
        <HouseholdFields value={draft} onChange={set} />
        <Text className="field__label field__label--required">走访周期（天）</Text>
        <Input className="field__input" type="number" value={draft.intervalDays} onInput={(e) => set({ intervalDays: e.detail.value })} />
      </View>
      <SubmitBar error={error} busy={busy} label="保存住户" busyLabel="保存中…" onSubmit={save} />
    </View>
  );
}
