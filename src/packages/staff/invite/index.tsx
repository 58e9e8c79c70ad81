import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { INVITE_ROLE_LABELS, InviteStaffInput, type Invite, type InviteRole, type StaffPlaces } from '../../../../types/staff';
import { TYPED_PHONE_MAX } from '../../../../types/typed';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { InviteCard } from '../../../components/staff/InviteCard';
import { communitiesFor, initialPlace, PlaceChooser, type Place } from '../../../components/staff/PlaceChooser';
import { call, useCall } from '../../../services/cloud';
import { useMe } from '../../../services/me';
import { routes } from '../../../services/routes';
import { SubmitBar } from '../../../components/SubmitBar';
import '../../../components/appeal/appeal.scss';
import '../../../components/staff/staff.scss';

const DEFAULT_TITLES: Record<InviteRole, string> = { chief: '网格长', worker: '专职网格员', community: '社区工作人员' };

type Preset = { gridCode?: string; communityId?: string; role?: string };

/** An invite with the place it was issued for, so 查看人员 opens that place's team. */
type IssuedInvite = Invite & { place: Place };

const teamOf = (kind: 'grid' | 'community', place: Place) =>
  routes.staffTeam({ kind, gridCode: place.gridCode ?? undefined, communityId: place.communityId ?? undefined });

/** 邀请工作人员: community and street staff invite a grid's chief or worker, street staff also a community's staff. */
export default function InvitePage() {
  const preset: Preset = useRouter().params ?? {};
  const { me, error } = useMe();
  const manager = me?.role === 'community' || me?.role === 'street';
  const places = useCall('staff', 'places', manager ? {} : null);
  const [invite, setInvite] = useState<IssuedInvite | null>(null);

  useShareAppMessage(() =>
    invite
      ? { title: `邀请您成为${invite.seat.scope}的${INVITE_ROLE_LABELS[invite.seat.role]}`, path: routes.staffJoin(invite.code) }
      : { title: '加入网格通工作人员', path: routes.staffJoin() },
  );

  let body;
  if (error || places.error) body = <Text className="list-state">{(error ?? places.error)!.message}</Text>;
  else if (me && !manager) body = <Text className="list-state">只有社区或街道工作人员可以邀请工作人员</Text>;
  else if (invite)
    body = (
      <InviteCard
        invite={invite}
        onAgain={() => setInvite(null)}
        onTeam={() => Taro.navigateTo({ url: teamOf(invite.seat.role === 'community' ? 'community' : 'grid', invite.place) })}
      />
    );
  else if (places.data) body = <InviteForm places={places.data} preset={preset} onIssued={setInvite} />;
  else body = <Loading />;

  return <PageFrame>{body}</PageFrame>;
}


function InviteForm({ places, preset, onIssued }: { places: StaffPlaces; preset: Preset; onIssued: (invite: IssuedInvite) => void }) {
  const roles: InviteRole[] = communitiesFor(places, 'community').length ? ['chief', 'worker', 'community'] : ['chief', 'worker'];
  const [role, setRole] = useState<InviteRole>(roles.find((r) => r === preset.role) ?? 'worker');
  const kind = role === 'community' ? 'community' : 'grid';
  const [place, setPlace] = useState<Place>(() => initialPlace(places, kind, preset));
  const [name, setName] = useState('');
  const [title, setTitle] = useState(DEFAULT_TITLES[role]);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const chooseRole = (next: InviteRole) => {
    setRole(next);
    if (title === DEFAULT_TITLES[role] || !title.trim()) setTitle(DEFAULT_TITLES[next]);
    setPlace(initialPlace(places, next === 'community' ? 'community' : 'grid', { communityId: place.communityId ?? undefined, gridCode: place.gridCode ?? undefined }));
  };

  const fail = (message: string) => {
    setError(message);
    Taro.showToast({ title: message, icon: 'none' });
  };

  const submit = async () => {
    if (busy) return;
    if (kind === 'grid' && !place.gridCode) return fail('请选择网格');
    if (kind === 'community' && !place.communityId) return fail('请选择社区');
    const seat = kind === 'grid' ? { role, gridCode: place.gridCode } : { role, communityId: place.communityId };
    const parsed = InviteStaffInput.safeParse({ ...seat, name, title, phone });
    if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    setBusy(true);
    setError(null);
    const res = await call('staff', 'invite', parsed.data);
    setBusy(false);
    if (!res.ok) return fail(res.message);
    onIssued({ ...res.data, place });
  };

  return (
    <View className="appeal-form">
      <View className="staff-head">
        <Text className="staff-head__title">新的邀请</Text>
        <Text className="link" onClick={() => Taro.navigateTo({ url: teamOf(kind, place) })}>
          查看现有人员
        </Text>
      </View>
      <View className="card">
        <Text className="field__label field__label--required">岗位</Text>
        <View className="choice" role="radiogroup" aria-label="岗位">
          {roles.map((r) => (
            <Text key={r} aria-checked={role === r} className={`chip${role === r ? ' chip--on' : ''}`} onClick={() => chooseRole(r)}>
              {INVITE_ROLE_LABELS[r]}
            </Text>
          ))}
        </View>
        <PlaceChooser places={places} kind={kind} value={place} onChange={setPlace} />
      </View>

      <View className="card">
        <Text className="field__label field__label--required">姓名</Text>
        <Input className="field__input" value={name} maxlength={20} placeholder="被邀请人的姓名" onInput={(e) => setName(e.detail.value)} />
        <Text className="field__label field__label--required">职务</Text>
        <Input className="field__input" value={title} maxlength={40} placeholder="如 专职网格员" onInput={(e) => setTitle(e.detail.value)} />
        <Text className="field__label field__label--required">手机号</Text>
        <Input className="field__input" type="text" value={phone} maxlength={TYPED_PHONE_MAX} placeholder="居民拨打时使用" onInput={(e) => setPhone(e.detail.value)} />
      </View>

      <SubmitBar error={error} busy={busy} label="生成邀请" busyLabel="生成中…" onSubmit={submit} />
    </View>
  );
}
