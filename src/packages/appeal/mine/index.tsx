import { View } from '@tarojs/components';
import { useState } from 'react';
import type { AppealStatus } from '../../../../types/appeal';
import { DevDock } from '../../../components/DevDock';
import { AppealListView, useAppealList } from '../../../components/appeal/AppealList';
import { StatusTabs } from '../../../components/appeal/StatusTabs';
import '../../../components/appeal/appeal.scss';

/** 我的诉求: the resident's own appeals, newest first, by status, a page at a time. */
export default function MyAppealsPage() {
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const list = useAppealList('mine', status ? { status } : {});
  return (
    <View className="page appeal-page">
      <StatusTabs value={status} onChange={setStatus} />
      <AppealListView list={list} empty={status ? '没有这个状态的诉求' : '您还没有反映过问题'} />
      <DevDock />
    </View>
  );
}
