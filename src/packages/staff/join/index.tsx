import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { entryOf } from '../../../../types/entry';
import { TYPED_CODE_MAX } from '../../../../types/typed';
import { PAGES } from '../../../../types/routes';
import { INVITE_ROLE_LABELS, InviteCode, type InvitePreview, type StaffBinding } from '../../../../types/staff';
import { PageFrame } from '../../../components/PageFrame';
import { inviteExpiry } from '../../../components/staff/format';
import { call, useCall } from '../../../services/cloud';
import { updateMe } from '../../../services/me';
import '../../../components/appeal/appeal.scss';
import '../../../components/staff/staff.scss';

const MALFORMED_LINK = '这个链接里的邀请码不完整，请向邀请人核对后输入';

/**
 * 加入网格通: the invitee arrives by the invite's mini-program code (`scene`), an ordinary link
 * (`q`), a share card (`code`) or types the code; sees the seat; confirms; is bound.
 */
export default function JoinPage() {
  const params = useRouter().params;
  const entry = useMemo(() => entryOf('invite', params), [params]);
  const [code, setCode] = useState<string | null>(entry.ok ? entry.code : null);
  const preview = useCall('staff', 'preview', code ? { code } : null);
  const [bound, setBound] = useState<StaffBinding | null>(null);

  let body;
  if (bound) body = <Joined binding={bound} />;
  else if (!code) body = <CodeForm notice={!entry.ok && entry.reason === 'malformed' ? MALFORMED_LINK : null} onCode={setCode} />;
  else if (preview.error)
    body = (
      <View>
        <View className="card join__card">
          <Text className="join__lead">邀请码 {code}</Text>
          <Text className="join__refusal">{preview.error.message}</Text>
        </View>
        <CodeForm notice={null} onCode={setCode} />
      </View>
    );
  else if (preview.data) body = <Confirm code={code} invite={preview.data} onBound={setBound} />;
  else body = <Text className="list-state">正在查看邀请…</Text>;

  return <PageFrame>{body}</PageFrame>;
}

function CodeForm({ notice, onCode }: { notice: string | null; onCode: (code: string) => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(notice);
  const submit = () => {
    const parsed = InviteCode.safeParse(typed);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? MALFORMED_LINK);
    setError(null);
    onCode(parsed.data);
  };
  return (
    <View className="card">
      <Text className="field__label">输入邀请码</Text>
      <Input className="field__input join__code" value={typed} maxlength={TYPED_CODE_MAX} placeholder="8 位邀请码" onInput={(e) => setTyped(e.detail.value)} onConfirm={submit} />
      {error && <Text className="field__error">{error}</Text>}
      <Button className="btn btn-primary join__action" onClick={submit}>
        查看邀请
      </Button>
    </View>
  );
}

function Confirm({ code, invite, onBound }: { code: string; invite: InvitePreview; onBound: (b: StaffBinding) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const join = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await call('staff', 'redeem', { code });
    if (!res.ok) {
      setBusy(false);
      setError(res.message);
      return;
    }
    // Who this person is changed: every page after this one (the inbox first) reads the new role.
    const fresh = await call('account', 'me', {});
    if (fresh.ok) updateMe(fresh.data);
    onBound(res.data);
  };

  return (
    <View>
      <View className="card join__card">
        <Text className="join__lead">{invite.issuedBy} 邀请您成为</Text>
        <Text className="join__scope">{invite.scope}</Text>
        <Text className="join__role">{INVITE_ROLE_LABELS[invite.role]}</Text>
        <Text className="join__who">
          {invite.name} · {invite.title}
        </Text>
        <Text className="join__meta">{inviteExpiry(invite.expiresAt)}</Text>
        <Button className="btn btn-primary join__action" disabled={busy || undefined} onClick={join}>
          {busy ? '正在加入…' : '确认加入'}
        </Button>
        <Text className="join__meta">加入后，这里的诉求会发到您的诉求工作台</Text>
      </View>
      {error && <Text className="form-error">{error}</Text>}
    </View>
  );
}

function Joined({ binding }: { binding: StaffBinding }) {
  return (
    <View className="card join__card">
      <Text className="join__tick">✓</Text>
      <Text className="join__done">
        您已成为 {binding.scope} 的{INVITE_ROLE_LABELS[binding.role]}
      </Text>
      <Button className="btn btn-primary join__action" onClick={() => Taro.redirectTo({ url: `/${PAGES.inbox}` })}>
        进入诉求工作台
      </Button>
    </View>
  );
}
