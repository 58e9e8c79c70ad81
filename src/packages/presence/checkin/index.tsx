import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CheckInInput, Household, PRESENCE_WORDS, type CheckIn, type CheckInKind } from '../../../../types/presence';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { SubmitBar } from '../../../components/SubmitBar';
import { PhotosField } from '../../../components/appeal/FilingFields';
import { call } from '../../../services/cloud';
import { useMe } from '../../../services/me';
import { myPosition } from '../../../services/position';
import { routes } from '../../../services/routes';
import { scanSign } from '../../../services/scan';
import { HouseholdFields, type HouseholdDraft } from '../HouseholdFields';
import '../../../components/appeal/appeal.scss';
import './checkin.scss';

const W = PRESENCE_WORDS;

/**
 * 扫码签到 (`?code=` the grid, or `?appealId=` 到场 for an appeal): a chief or worker chooses
 * 巡防 or 走访 (or, for an appeal, 到场), then scans the grid's sign; the function decides which
 * grid the sign is, whether they serve it and how far away they are. Staff only.
 */
export default function CheckInPage() {
  const { appealId, code } = useRouter().params ?? {};
  const { me, error } = useMe();
  let body;
  if (error) body = <Text className="list-state">{error.message}</Text>;
  else if (me && me.grids.length === 0) body = <Text className="list-state">只有网格长和网格员可以{W.checkIn}</Text>;
  else if (me)
    body = (
      <>
        <CheckInForm appealId={appealId || null} />
        {code && !appealId && (
          <Text className="link checkin-households" onClick={() => Taro.navigateTo({ url: routes.households(code) })}>
            六必访住户：待走访的住户 ›
          </Text>
        )}
      </>
    );
  else body = <Loading />;
  return <PageFrame>{body}</PageFrame>;
}

type Draft = HouseholdDraft & { kind: CheckInKind; note: string; photos: string[] };

function CheckInForm({ appealId }: { appealId: string | null }) {
  const kinds: CheckInKind[] = appealId ? ['arrival'] : ['patrol', 'visit'];
  const [draft, setDraft] = useState<Draft>({ kind: kinds[0], note: '', photos: [], building: '', room: '', group: null });
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CheckIn | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const fail = (message: string) => {
    setError(message);
    Taro.showToast({ title: message, icon: 'none' });
  };

  const household = { building: draft.building, room: draft.room, group: draft.group ?? undefined };
  const input = (scanned: string, location: CheckInInput['location']): unknown => {
    if (draft.kind === 'arrival') return { kind: 'arrival', scanned, location, appealId };
    if (draft.kind === 'visit') return { kind: 'visit', scanned, location, note: draft.note, household };
    return { kind: 'patrol', scanned, location, note: draft.note, photos: draft.photos };
  };

  const checkIn = async () => {
    if (busy) return;
    if (uploading) return fail('图片正在上传，请稍候');
    // The household is checked before the camera opens: a scan is not wasted on a missing room number.
    const visited = draft.kind === 'visit' ? Household.safeParse(household) : null;
    if (visited && !visited.success) return fail(visited.error.issues[0]?.message ?? '请检查填写的内容');
    setBusy(true);
    setError(null);
    const scan = await scanSign();
    const place = scan.ok ? await myPosition() : null;
    const parsed = scan.ok ? CheckInInput.safeParse(input(scan.scanned, place?.ok ? place.position : null)) : null;
    const res = parsed?.success ? await call('presence', 'checkIn', parsed.data) : null;
    setBusy(false);
    if (!scan.ok) return fail(scan.message);
    if (!parsed?.success) return fail(parsed?.error.issues[0]?.message ?? '请检查填写的内容');
    if (!res!.ok) return fail(res!.message);
    setDone(res!.data);
  };

  if (done) return <CheckedIn checkIn={done} />;

  return (
    <View className="appeal-form">
      <View className="card">
        <Text className="field__label field__label--required">签到类型</Text>
        <View className="choice" role="radiogroup">
          {kinds.map((k) => (
            <Text key={k} aria-checked={draft.kind === k} className={`chip${draft.kind === k ? ' chip--on' : ''}`} onClick={() => set({ kind: k })}>
              {W.kind[k]}
            </Text>
          ))}
        </View>
        {draft.kind === 'visit' && <HouseholdFields value={draft} onChange={set} />}
        {draft.kind !== 'arrival' && (
          <>
            <Text className="field__label">签到说明（选填）</Text>
            <Input className="field__input" value={draft.note} placeholder="巡防或走访的情况" onInput={(e) => set({ note: e.detail.value })} />
          </>
        )}
        {draft.kind === 'patrol' && (
          <PhotosField label="现场照片" purpose="workPhoto" photos={draft.photos} onBusy={setUploading} onChange={(update) => setDraft((d) => ({ ...d, photos: update(d.photos) }))} />
        )}
        <Text className="appeal-form__to-sub">扫描本网格标牌上的二维码，签到时会记录您的位置</Text>
      </View>
      <SubmitBar error={error} busy={busy} label={W.checkIn} busyLabel="签到中…" onSubmit={checkIn} />
    </View>
  );
}

/** What the function said: done, or kept but flagged and why. */
function CheckedIn({ checkIn }: { checkIn: CheckIn }) {
  return (
    <View className="card checkin-result">
      <Text className="appeal-form__to-name">{checkIn.message}</Text>
      <Text className="appeal-form__to-sub">
        {checkIn.gridName} · 网格码 {checkIn.gridCode}
      </Text>
      <Text className={`tag ${checkIn.verified ? 'tag--verified' : 'tag--flagged'}`}>{checkIn.flag ? W.flag[checkIn.flag] : W.verified}</Text>
    </View>
  );
}
