import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppealStatus } from '../../../types/appeal';
import { DevDock } from '../../components/DevDock';
import { AppealListView, useAppealList } from '../../components/appeal/AppealList';
import { ConsentBanner } from '../../components/appeal/ConsentBanner';
import { StatusTabs } from '../../components/appeal/StatusTabs';
import { isStaff, useMe } from '../../services/me';
import { routes } from '../../services/routes';
import { APPEAL_WORDS } from '../../../types/vocabulary';
import '../../components/appeal/appeal.scss';
import './inbox.scss';

/** 诉求工作台: the appeals in a staff member's scope, by deadline, with the reminders left. */
export default function InboxPage() {
  const { me, error } = useMe();
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const staff = isStaff(me);
  const list = useAppealList('inbox', status ? { status } : {}, staff);

  if (error) {
    return (
      <View className="page appeal-page">
        <Text className="list-state">{error.message}</Text>
        <DevDock />
      </View>
    );
  }
  if (!me) {
    return (
      <View className="page appeal-page">
        <Text className="list-state">正在加载…</Text>
        <DevDock />
      </View>
    );
  }
  if (!staff) {
    return (
      <View className="page appeal-page">
        <Text className="list-state">诉求工作台仅供网格长、网格员和社区、街道工作人员使用</Text>
        <DevDock />
      </View>
    );
  }
  return (
    <View className="page appeal-page">
      <View className="card inbox-who">
        <View className="inbox-who__main">
          <Text className="inbox-who__name">
            {me.name ?? '工作人员'}
            {me.title ? ` · ${me.title}` : ''}
          </Text>
          {me.scope && <Text className="inbox-who__scope">{me.scope}</Text>}
        </View>
        <View className="inbox-who__links">
          {me.grids.map((g) => (
            <Text key={g.code} className="link inbox-who__invite" onClick={() => Taro.navigateTo({ url: routes.reportIssue(g.code) })}>
              {APPEAL_WORDS.action.report.label}问题{me.grids.length > 1 ? ` · ${g.name}` : ''}
            </Text>
          ))}
          <Text className="link inbox-who__invite" onClick={() => Taro.navigateTo({ url: routes.ledger(me.grids.length === 1 ? me.grids[0].code : undefined) })}>
            问题台账
          </Text>
          {(me.role === 'community' || me.role === 'street') && (
            <Text className="link inbox-who__invite" onClick={() => Taro.navigateTo({ url: routes.board() })}>
              督办看板
            </Text>
          )}
          {(me.role === 'community' || me.role === 'street') && (
            <Text className="link inbox-who__invite" onClick={() => Taro.navigateTo({ url: routes.assessment() })}>
              网格考核
            </Text>
          )}
          {(me.role === 'community' || me.role === 'street') && (
            <Text className="link inbox-who__invite" onClick={() => Taro.navigateTo({ url: routes.staffInvite() })}>
              邀请工作人员
            </Text>
          )}
          {me.role === 'street' && (
            <Text className="link inbox-who__invite" onClick={() => Taro.navigateTo({ url: routes.registryImport() })}>
              导入网格台账
            </Text>
          )}
        </View>
      </View>
      <ConsentBanner me={me} />
      <StatusTabs value={status} onChange={setStatus} />
      <AppealListView list={list} empty={status ? '没有这个状态的诉求' : '暂时没有需要处理的诉求'} showDeadline />
      <DevDock />
    </View>
  );
}
