import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Envelope } from '../../types/envelope';
import type { GroupBindingState, GroupEntry } from '../../types/groupChat';
import { call, useCall } from '../services/cloud';
import { groupEntryBound } from '../services/groupEntry';
import { routes } from '../services/routes';
import { shanghaiTime } from './shanghaiTime';
import './GroupBinding.scss';

/** Opened from a group that is a grid's WeChat group: say whose (never which group it is). */
export function GroupEntryNotice({ entry }: { entry: GroupEntry | null }) {
  if (entry?.status !== 'bound') return null;
  return (
    <View className="card group-entry">
      <Text className="group-entry__text">{`本群是 ${entry.grid.name} 的网格群`}</Text>
      {!entry.here && (
        <Button className="btn btn-outline btn-small" onClick={() => Taro.navigateTo({ url: routes.grid(entry.grid.code) })}>
          前往该网格
        </Button>
      )}
    </View>
  );
}

export type GroupBindingControl = {
  state: GroupBindingState | null;
  busy: boolean;
  /** The proposal of the group the caller is in right now (opened from it), if any. */
  here: string | null;
  confirm: (proposalId: string) => void;
  dismiss: (proposalId: string) => void;
  unbind: () => void;
};

/**
 * For the grid's own chief and workers (`grid` null for anyone else: nothing is read): the group
 * bound to the grid and the groups residents opened it from, with the answers to give.
 */
export function useGroupBinding(grid: { code: string; name: string } | null, entry: GroupEntry | null): GroupBindingControl | null {
  const loaded = useCall('grid', 'groupBinding', grid ? { code: grid.code } : null);
  const [answered, setAnswered] = useState<GroupBindingState | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = loaded.reload;

  // The entry may be reported after the state was read: its proposal is then not in it.
  useEffect(() => {
    if (entry?.status === 'proposed') {
      setAnswered(null);
      reload();
    }
  }, [entry, reload]);

  if (!grid) return null;
  const answer = async (run: () => Promise<Envelope<GroupBindingState>>, done: string, onDone?: () => void) => {
    setBusy(true);
    const res = await run();
    setBusy(false);
    if (!res.ok) {
      Taro.showToast({ title: res.message, icon: 'none' });
      reload();
      return;
    }
    setAnswered(res.data);
    onDone?.();
    Taro.showToast({ title: done, icon: 'success' });
  };
  const here = entry?.status === 'proposed' ? entry.proposalId : null;
  return {
    state: answered ?? loaded.data,
    busy,
    here,
    confirm: (proposalId) =>
      void answer(() => call('grid', 'confirmGroup', { code: grid.code, proposalId }), '已设为网格群', () => {
        if (proposalId === here) groupEntryBound(grid.code, grid);
      }),
    dismiss: (proposalId) => void answer(() => call('grid', 'dismissGroup', { code: grid.code, proposalId }), '已忽略'),
    unbind: async () => {
      const { confirm } = await Taro.showModal({ title: '解除绑定', content: '解除后，从该微信群打开的居民不再被告知这是本网格的群', confirmText: '解除' });
      if (confirm) await answer(() => call('grid', 'unbindGroup', { code: grid.code }), '已解除绑定');
    },
  };
}

/** Each group residents opened the grid from, to bind (确认绑定) or ignore (忽略); first thing staff see. */
export function GroupProposals({ control }: { control: GroupBindingControl }) {
  const { state, busy, here, confirm, dismiss } = control;
  if (!state || state.proposals.length === 0) return null;
  return (
    <View>
      {state.proposals.map((p) => (
        <View key={p.id} className="card group-binding group-binding--proposal">
          <Text className="group-binding__title">
            {p.id === here ? '您正从一个微信群打开本网格，是否将该群设为本网格群？' : '有居民从微信群打开了本网格，是否将该群设为本网格群？'}
          </Text>
          <Text className="group-binding__meta">{`${shanghaiTime(p.proposedAt)} 首次有人从该群打开`}</Text>
          <View className="group-binding__actions">
            <Button className="btn btn-outline btn-small" disabled={busy || undefined} onClick={() => dismiss(p.id)}>
              忽略
            </Button>
            <Button className="btn btn-primary btn-small" disabled={busy || undefined} onClick={() => confirm(p.id)}>
              确认绑定
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}

/** Inside the 网格群 card: which confirmed WeChat group the grid has (who bound it, when). */
export function BoundGroup({ control }: { control: GroupBindingControl }) {
  const binding = control.state?.binding;
  if (!binding) return null;
  return (
    <View className="group-binding group-binding--bound">
      <Text className="group-binding__title">本网格已绑定微信群</Text>
      <Text className="group-binding__meta">{`${binding.confirmedBy} 于 ${shanghaiTime(binding.confirmedAt)} 确认`}</Text>
      <View className="group-binding__actions">
        <Button className="btn btn-outline btn-small" disabled={control.busy || undefined} onClick={control.unbind}>
          解除绑定
        </Button>
      </View>
    </View>
  );
}
