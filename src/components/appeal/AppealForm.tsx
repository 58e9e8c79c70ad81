import Taro from '@tarojs/taro';
import { Input, Switch, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { APPEAL_LIMITS, SubmitAppealInput } from '../../../types/appeal';
import type { GridPage } from '../../../types/grid';
import { cleanText, TYPED_PHONE_MAX } from '../../../types/typed';
import { clearDraft, loadDraft, saveDraft, type AppealDraft } from '../../services/appealDraft';
import { call } from '../../services/cloud';
import { askSubscribe, grantConsents, useMe } from '../../services/me';
import { routes } from '../../services/routes';
import { CategoryChoice, ContentField, EmergencyNotice, LocationRow, PhotosField } from './FilingFields';
import { SubmitBar } from '../SubmitBar';
import './appeal.scss';

/**
 * The resident's appeal for one grid. Everything typed is kept as a draft in storage (keyed by the
 * grid code) until a submit succeeds; the draft's requestId goes with every attempt, so a retry
 * after a lost reply can never file the appeal twice.
 */
export function AppealForm({ grid }: { grid: GridPage }) {
  const code = grid.grid.code;
  const [draft, setDraft] = useState<AppealDraft>(() => {
    const d = loadDraft(code);
    return d.category && !grid.categories.some((c) => c.id === d.category) ? { ...d, category: null } : d;
  });
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { me } = useMe();

  useEffect(() => saveDraft(code, draft), [code, draft]);
  const set = (patch: Partial<AppealDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = () => {
    if (busy) return;
    if (uploading) {
      Taro.showToast({ title: '图片正在上传，请稍候', icon: 'none' });
      return;
    }
    const parsed = SubmitAppealInput.safeParse({
      gridCode: code,
      category: draft.category ?? '',
      content: draft.content,
      photos: draft.photos,
      location: draft.location,
      contactPhone: draft.anonymous || !cleanText(draft.contactPhone) ? null : draft.contactPhone,
      anonymous: draft.anonymous,
      requestId: draft.requestId,
    });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '请检查填写的内容';
      setError(message);
      Taro.showToast({ title: message, icon: 'none' });
      return;
    }
    // Inside the tap and before any await: WeChat opens the subscribe dialog only then.
    const consent = askSubscribe(me, ['appealProgress']);
    setBusy(true);
    setError(null);
    (async () => {
      const accepted = await consent;
      if (accepted && accepted.length > 0) void grantConsents(accepted); // a refusal never blocks the appeal
      const res = await call('appeal', 'submit', parsed.data);
      setBusy(false);
      if (!res.ok) {
        setError(res.message);
        Taro.showToast({ title: res.message, icon: 'none' });
        return;
      }
      clearDraft(code);
      Taro.redirectTo({ url: routes.appealDetail(res.data.id) });
    })();
  };

  return (
    <View className="appeal-form">
      <View className="card appeal-form__to">
        <Text className="appeal-form__to-label">反映到</Text>
        <Text className="appeal-form__to-name">{grid.grid.name}</Text>
        <Text className="appeal-form__to-sub">
          {grid.street.name} · {grid.community.name} · 网格码 {code}
        </Text>
      </View>

      <EmergencyNotice />

      <View className="card">
        <CategoryChoice categories={grid.categories} value={draft.category} onChange={(category) => set({ category })} />
        <ContentField
          label="问题描述"
          value={draft.content}
          placeholder={`请描述问题的时间、地点和情况（至少 ${APPEAL_LIMITS.contentMin} 个字）`}
          onChange={(content) => set({ content })}
        />

        <PhotosField label="现场照片" purpose="appealPhoto" photos={draft.photos} onBusy={setUploading} onChange={(update) => setDraft((d) => ({ ...d, photos: update(d.photos) }))} />
      </View>

      <View className="card">
        <LocationRow value={draft.location} onChange={(location) => set({ location })} />

        <View className="field-row">
          <View className="field-row__main">
            <Text className="field-row__label">匿名反映</Text>
            <Text className="field-row__hint">网格长看不到您的联系方式</Text>
          </View>
          <Switch checked={draft.anonymous} color="#c8322d" onChange={(e) => set({ anonymous: !!e.detail.value })} />
        </View>

        {!draft.anonymous && (
          <View className="field-row">
            <Text className="field-row__label">联系电话</Text>
            <Input
              className="field-row__input"
              type="text"
              value={draft.contactPhone}
              maxlength={TYPED_PHONE_MAX}
              placeholder="选填，方便联系您"
              onInput={(e) => set({ contactPhone: e.detail.value })}
            />
          </View>
        )}
      </View>

      <SubmitBar error={error} busy={busy} label="提交" busyLabel="提交中…" onSubmit={submit} />
    </View>
  );
}
