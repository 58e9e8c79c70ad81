import { Text, View } from '@tarojs/components';
import { NEAR_DUE_MINUTES } from '../../../types/appeal';
import { DevDock } from '../../components/DevDock';
import { AppealListView, useAppealList } from '../../components/appeal/AppealList';
import { useMe } from '../../services/me';
import '../../components/appeal/appeal.scss';
import './board.scss';

/** The page with one line in it (loading, a refusal), and the dev dock. */
const notice = (text: string) => (
  <View className="page appeal-page">
    <Text className="list-state">{text}</Text>
    <DevDock />
  </View>
);

/**
 * 督办看板: the open appeals in a community's or street's grids that are overdue or due within
 * `NEAR_DUE_MINUTES`, most urgent first, under their grids; each opens the detail page, where the
 * 督办 and 延期 buttons are.
 */
export default function BoardPage() {
  const { me, error } = useMe();
  const oversees = me?.role === 'community' || me?.role === 'street';
  const list = useAppealList('board', {}, oversees);

  if (error) return notice(error.message);
  if (!me) return notice('正在加载…');
  if (!oversees) return notice('督办看板仅供社区和街道工作人员使用');
  return (
    <View className="page appeal-page">
      <View className="card board-intro">
        {me.scope && <Text className="board-intro__scope">{me.scope}</Text>}
        <Text className="board-intro__what">{`已超时和 ${NEAR_DUE_MINUTES / 60} 小时内到期的诉求，最紧急的在前`}</Text>
      </View>
      <AppealListView list={list} empty="暂时没有超时或即将到期的诉求" showDeadline byGrid />
      <DevDock />
    </View>
  );
}
