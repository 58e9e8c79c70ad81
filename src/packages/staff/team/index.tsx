import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionInput } from '../../../../types/api';
import { INVITE_ROLE_LABELS, type StaffPlaces, type Team, type TeamMember } from '../../../../types/staff';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { communitiesFor, initialPlace, PlaceChooser, type Place, type PlaceKind } from '../../../components/staff/PlaceChooser';
import { call, useCall } from '../../../services/cloud';
import { useMe } from '../../../services/me';
import { routes } from '../../../services/routes';
import '../../../components/appeal/appeal.scss';
import '../../../components/staff/staff.scss';

type Preset = { kind?: string; gridCode?: string; communityId?: string };

/** 网格人员: who holds a grid's (or, for street staff, a community's) seats, with 解绑 and a way to invite. */
export default function TeamPage() {
  const preset: Preset = useRouter().params ?? {};
  const { me, error } = useMe();
  const manager = me?.role === 'community' || me?.role === 'street';
  const places = useCall('staff', 'places', manager ? {} : null);

  let body;
  if (error || places.error) body = <Text className="list-state">{(error ?? places.error)!.message}</Text>;
  else if (me && !manager) body = <Text className="list-state">只有社区或街道工作人员可以管理网格人员</Text>;
  else if (places.data) body = <TeamView places={places.data} preset={preset} />;
  else body = <Loading />;

  return <PageFrame>{body}</PageFrame>;
}

function TeamView({ places, preset }: { places: StaffPlaces; preset: Preset }) {
  const kinds: PlaceKind[] = communitiesFor(places, 'community').length ? ['grid', 'community'] : ['grid'];
  const [kind, setKind] = useState<PlaceKind>(kinds.find((k) => k === preset.kind) ?? 'grid');
  const [place, setPlace] = useState<Place>(() => initialPlace(places, kind, preset));
  const query =
    kind === 'grid' ? (place.gridCode ? { kind, gridCode: place.gridCode } : null) : place.communityId ? { kind, communityId: place.communityId } : null;
  const team = useCall('staff', 'team', query);

  const chooseKind = (next: PlaceKind) => {
    setKind(next);
    setPlace(initialPlace(places, next, { communityId: place.communityId ?? undefined }));
  };

  return (
    <View>
      <View className="card">
        {kinds.length > 1 && (
          <View className="choice" role="radiogroup" aria-label="人员">
            {kinds.map((k) => (
              <Text key={k} aria-checked={kind === k} className={`chip${kind === k ? ' chip--on' : ''}`} onClick={() => chooseKind(k)}>
                {k === 'grid' ? '网格长和网格员' : '社区工作人员'}
              </Text>
            ))}
          </View>
        )}
        <PlaceChooser places={places} kind={kind} value={place} onChange={setPlace} />
      </View>

      {query && team.error && <Text className="form-error">{team.error.message}</Text>}
      {query && team.data && <Members team={team.data} query={query} onChanged={team.reload} />}
      {query && team.loading && <Text className="list-state list-state--inline">正在加载…</Text>}

      <View className="submit-bar">
        <Button
          className="btn btn-primary submit-bar__btn"
          onClick={() =>
            Taro.navigateTo({
              url: routes.staffInvite({ role: kind === 'community' ? 'community' : undefined, gridCode: place.gridCode ?? undefined, communityId: place.communityId ?? undefined }),
            })
          }
        >
          邀请工作人员
        </Button>
      </View>
    </View>
  );
}

type TeamQuery = { kind: 'grid'; gridCode: string } | { kind: 'community'; communityId: string };

function Members({ team, query, onChanged }: { team: Team; query: TeamQuery; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);

  const unbind = async (m: TeamMember) => {
    const label = INVITE_ROLE_LABELS[m.role];
    const { confirm } = await Taro.showModal({
      title: '解绑工作人员',
      content: `解绑后，${m.name}将不再是${team.scope}的${label}，也不再收到这里的诉求。`,
      confirmText: '解绑',
      confirmColor: '#c8322d',
    });
    if (!confirm || busy) return;
    setBusy(m.staffId);
    const seat = query.kind === 'grid' ? { gridCode: query.gridCode } : { communityId: query.communityId };
    // A grid's members are its chief and workers, a community's its staff: the role matches the seat.
    const res = await call('staff', 'unbind', { staffId: m.staffId, role: m.role, ...seat } as ActionInput<'staff', 'unbind'>);
    setBusy(null);
    Taro.showToast({ title: res.ok ? `已解绑${m.name}` : res.message, icon: 'none' });
    if (res.ok) onChanged();
  };

  return (
    <View>
      <Text className="section-title">
        {team.scope} · {team.members.length} 人
      </Text>
      {team.members.length === 0 && <Text className="list-state list-state--inline">还没有人绑定，点下方「邀请工作人员」</Text>}
      {team.members.map((m) => (
        <View key={`${m.role}-${m.staffId}`} className="card team-member">
          <View className="team-member__body">
            <View className="team-member__line">
              <Text className="team-member__name">{m.name}</Text>
              <Text className="tag">{INVITE_ROLE_LABELS[m.role]}</Text>
            </View>
            {m.title && m.title !== INVITE_ROLE_LABELS[m.role] && <Text className="team-member__title">{m.title}</Text>}
            <Text className="team-member__phone" onClick={() => Taro.makePhoneCall({ phoneNumber: m.phone }).catch(() => undefined)}>
              {m.phone}
            </Text>
          </View>
          <Button className="btn btn-outline btn-small team-member__unbind" disabled={busy === m.staffId || undefined} onClick={() => unbind(m)}>
            {busy === m.staffId ? '请稍候' : '解绑'}
          </Button>
        </View>
      ))}
    </View>
  );
}
