import Taro, { useRouter } from '@tarojs/taro';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { Me } from '../../../../types/appeal';
import type { GridPage } from '../../../../types/grid';
import { NOTICE_LIMITS, NOTICE_SCOPE_CHOICES, PublishNoticeInput, type NoticeScopeKind } from '../../../../types/notice';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { PhotoPicker } from '../../../components/appeal/PhotoPicker';
import { call, useCall } from '../../../services/cloud';
import { isStaff, useMe } from '../../../services/me';
import { newRequestId } from '../../../services/requestId';
import { routes } from '../../../services/routes';
import { CharCount } from '../../../components/CharCount';
import { SubmitBar } from '../../../components/SubmitBar';
import '../../../components/appeal/appeal.scss';
import '../notice.scss';

/** Where a role may reach from this grid: a chief their grid, community staff also the community, street staff also the street. */
export function scopeChoices(role: Me['role']): NoticeScopeKind[] {
  if (role === 'street') return ['grid', 'community', 'street'];
  if (role === 'community') return ['grid', 'community'];
  if (role === 'chief' || role === 'worker') return ['grid'];
  return [];
}

/** 发布通知 from a grid's page (`?code=`): to this grid, its community or its street, as the role allows. */
export default function PublishNoticePage() {
  const code = (useRouter().params ?? {}).code ?? '';
  const grid = useCall('grid', 'resolve', code ? { code } : null);
  const { me, error } = useMe();

  let body;
  if (!code) body = <Text className="list-state">没有指定网格</Text>;
  else if (grid.error || error) body = <Text className="list-state">{(grid.error ?? error)!.message}</Text>;
  else if (grid.data && me && !isStaff(me)) body = <Text className="list-state">只有网格工作人员可以发布通知</Text>;
  else if (grid.data && me) body = <PublishForm grid={grid.data} me={me} />;
  else body = <Loading />;

  return <PageFrame>{body}</PageFrame>;
}

function PublishForm({ grid, me }: { grid: GridPage; me: Me }) {
  const choices = scopeChoices(me.role);
  const [scope, setScope] = useState<NoticeScopeKind>(choices[0] ?? 'grid');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [images, setImages] = useState<string[]>([]);
  const [pinned, setPinned] = useState(false);
  // Kept for the life of the form: a publish retried after a lost reply finds the first notice.
  const [requestId] = useState(newRequestId);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ids: Record<NoticeScopeKind, string> = { grid: grid.grid.id, community: grid.community.id, street: grid.street.id };
  const names: Record<NoticeScopeKind, string> = {
    grid: grid.grid.name,
    community: `${grid.community.name}全体网格`,
    street: `${grid.street.name}全体网格`,
  };

  const fail = (message: string) => {
    setError(message);
    Taro.showToast({ title: message, icon: 'none' });
  };

  const submit = async () => {
    if (busy) return;
    if (uploading) return fail('图片正在上传，请稍候');
    const parsed = PublishNoticeInput.safeParse({ scope: { kind: scope, id: ids[scope] }, title, body: text, images, pinned, requestId });
    if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    setBusy(true);
    setError(null);
    const res = await call('notice', 'publish', parsed.data);
    setBusy(false);
    if (!res.ok) return fail(res.message);
    Taro.showToast({ title: '已发布', icon: 'success' });
    Taro.redirectTo({ url: routes.noticeDetail(res.data.id) });
  };

  return (
    <View className="appeal-form">
      <View className="card">
        <Text className="field__label field__label--required">发送范围</Text>
        <View className="choice" role="radiogroup">
          {choices.map((k) => (
            <Text key={k} aria-checked={scope === k} className={`chip${scope === k ? ' chip--on' : ''}`} onClick={() => setScope(k)}>
              {NOTICE_SCOPE_CHOICES[k]}
            </Text>
          ))}
        </View>
        <Text className="notice-form__to">发送到：{names[scope]}</Text>

        <Text className="field__label field__label--required">标题</Text>
        <Input
          className="field__input"
          value={title}
          maxlength={NOTICE_LIMITS.titleMax * 2}
          placeholder="一句话说清楚通知的事"
          onInput={(e) => setTitle(e.detail.value)}
        />
        <CharCount count={title.length} max={NOTICE_LIMITS.titleMax} />

        <Text className="field__label field__label--required">正文</Text>
        <Textarea
          className="field__textarea"
          value={text}
          maxlength={NOTICE_LIMITS.bodyMax * 2}
          placeholder="时间、地点、需要居民做什么"
          onInput={(e) => setText(e.detail.value)}
        />
        <CharCount count={text.length} max={NOTICE_LIMITS.bodyMax} />

        <Text className="field__label">图片（最多 {NOTICE_LIMITS.imagesMax} 张）</Text>
        <PhotoPicker
          purpose="noticeImage"
          photos={images}
          max={NOTICE_LIMITS.imagesMax}
          onBusy={setUploading}
          onAdd={(added) => setImages((l) => [...l, ...added].slice(0, NOTICE_LIMITS.imagesMax))}
          onRemove={(i) => setImages((l) => l.filter((_, j) => j !== i))}
        />
      </View>

      <View className="card">
        <View className="field-row">
          <View className="field-row__main">
            <Text className="field-row__label">置顶</Text>
            <Text className="field-row__hint">置顶的通知排在网格页最前面</Text>
          </View>
          <Switch checked={pinned} color="#c8322d" onChange={(e) => setPinned(!!e.detail.value)} />
        </View>
      </View>

      <SubmitBar error={error} busy={busy} label="发布" busyLabel="发布中…" onSubmit={submit} />
    </View>
  );
}
