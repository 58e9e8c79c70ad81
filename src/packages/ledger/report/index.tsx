import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { APPEAL_LIMITS, ReportInput, type Location } from '../../../../types/appeal';
import type { GridPage } from '../../../../types/grid';
import { APPEAL_WORDS } from '../../../../types/vocabulary';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { SubmitBar } from '../../../components/SubmitBar';
import { CategoryChoice, ContentField, LocationRow, PhotosField } from '../../../components/appeal/FilingFields';
import { call, useCall } from '../../../services/cloud';
import { useMe } from '../../../services/me';
import { newRequestId } from '../../../services/requestId';
import { routes } from '../../../services/routes';
import '../../../components/appeal/appeal.scss';

const ACTION = APPEAL_WORDS.action;
const WORDS = ACTION.report;

/** 上报问题 (`?code=`): what the grid's chief or a worker found on patrol, into the grid's ledger. */
export default function ReportPage() {
  const code = (useRouter().params ?? {}).code ?? '';
  const grid = useCall('grid', 'resolve', code ? { code } : null);
  const { me, error } = useMe();

  let body;
  if (!code) body = <Text className="list-state">没有指定网格</Text>;
  else if (grid.error || error) body = <Text className="list-state">{(grid.error ?? error)!.message}</Text>;
  else if (me && !me.grids.some((g) => g.code === code)) body = <Text className="list-state">只有本网格的网格长和网格员可以{WORDS.label}问题</Text>;
  else if (grid.data && me) body = <ReportForm grid={grid.data} />;
  else body = <Loading />;

  return <PageFrame>{body}</PageFrame>;
}

type Draft = { category: string | null; content: string; photos: string[]; location: Location | null };

function ReportForm({ grid }: { grid: GridPage }) {
  const [draft, setDraft] = useState<Draft>({ category: null, content: '', photos: [], location: null });
  // Kept for the life of the form: a report retried after a lost reply finds the first one.
  const [requestId] = useState(newRequestId);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const fail = (message: string) => {
    setError(message);
    Taro.showToast({ title: message, icon: 'none' });
  };

  const submit = async () => {
    if (busy) return;
    if (uploading) return fail('图片正在上传，请稍候');
    const parsed = ReportInput.safeParse({ gridCode: grid.grid.code, category: draft.category ?? '', content: draft.content, photos: draft.photos, location: draft.location, requestId });
    if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    setBusy(true);
    setError(null);
    const res = await call('appeal', 'report', parsed.data);
    setBusy(false);
    if (!res.ok) return fail(res.message);
    Taro.redirectTo({ url: routes.appealDetail(res.data.id) });
  };

  return (
    <View className="appeal-form">
      <View className="card appeal-form__to">
        <Text className="appeal-form__to-label">{WORDS.label}到问题台账</Text>
        <Text className="appeal-form__to-name">{grid.grid.name}</Text>
        <Text className="appeal-form__to-sub">
          {grid.community.name} · 网格码 {grid.grid.code}
        </Text>
        <Text className="appeal-form__to-sub">
          由您{ACTION.accept.label}，可自行{ACTION.resolve.label}，或{ACTION.escalate.label}至{APPEAL_WORDS.level.community}
        </Text>
      </View>

      <View className="card">
        <CategoryChoice categories={grid.categories} value={draft.category} onChange={(category) => set({ category })} />
        <ContentField
          label={WORDS.note}
          value={draft.content}
          placeholder={`巡查发现的问题：地点、情况（至少 ${APPEAL_LIMITS.contentMin} 个字）`}
          onChange={(content) => set({ content })}
        />
        <PhotosField label="现场照片" purpose="workPhoto" photos={draft.photos} onBusy={setUploading} onChange={(update) => setDraft((d) => ({ ...d, photos: update(d.photos) }))} />
      </View>

      <View className="card">
        <LocationRow value={draft.location} onChange={(location) => set({ location })} />
      </View>

      <SubmitBar error={error} busy={busy} label={WORDS.label} busyLabel={`${WORDS.label}中…`} onSubmit={submit} />
    </View>
  );
}
