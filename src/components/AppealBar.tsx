import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { isStaff, useMe } from '../services/me';
import { routes } from '../services/routes';
import { ACTION_WORDS } from '../../types/actionWords';
import { PRESENCE_WORDS } from '../../types/presenceWords';
import './AppealBar.scss';

/** The big "我要反映" button: the appeal form for this grid. */
export function AppealBar({ gridCode }: { gridCode: string }) {
  return (
    <View className="appeal-bar">
      <Button className="btn btn-primary appeal-bar__btn" onClick={() => Taro.navigateTo({ url: routes.newAppeal(gridCode) })}>
        我要反映
      </Button>
    </View>
  );
}

type LinkItem = { name: string; sub: string; url: string };

/**
 * 我的诉求 for everyone; 诉求工作台 for staff (by `account.me`); for this grid's own chief and
 * workers also 扫码签到, 上报问题 and its 问题台账.
 */
export function AppealLinks({ gridCode }: { gridCode: string }) {
  const { me } = useMe();
  const own = !!me?.grids.some((g) => g.code === gridCode);
  const items: LinkItem[] = [
    { name: '我的诉求', sub: '查看反映过的问题和办理进度', url: routes.myAppeals() },
    ...(isStaff(me) ? [{ name: '诉求工作台', sub: '受理、回复和办结诉求', url: routes.inbox() }] : []),
    ...(own
      ? [
          { name: PRESENCE_WORDS.checkIn, sub: '巡防、走访时扫描本网格标牌签到', url: routes.checkIn({ code: gridCode }) },
          { name: `${ACTION_WORDS.report.label}问题`, sub: '巡查发现的问题记入本网格台账', url: routes.reportIssue(gridCode) },
          { name: '问题台账', sub: '本网格的居民诉求和上报事项', url: routes.ledger(gridCode) },
        ]
      : []),
  ];
  return (
    <View className="card appeal-links">
      {items.map((item) => (
        <View key={item.name} className="appeal-links__item" onClick={() => Taro.navigateTo({ url: item.url })}>
          <Text className="appeal-links__name">{item.name}</Text>
          <Text className="appeal-links__sub">{item.sub}</Text>
          <Text className="appeal-links__arrow">›</Text>
        </View>
      ))}
    </View>
  );
}
