import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { isStaff, useMe } from '../services/me';
import { routes } from '../services/routes';
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

/** 我的诉求 for everyone; 诉求工作台 for staff (by `account.me`). */
export function AppealLinks() {
  const { me } = useMe();
  return (
    <View className="card appeal-links">
      <View className="appeal-links__item" onClick={() => Taro.navigateTo({ url: routes.myAppeals() })}>
        <Text className="appeal-links__name">我的诉求</Text>
        <Text className="appeal-links__sub">查看反映过的问题和办理进度</Text>
        <Text className="appeal-links__arrow">›</Text>
      </View>
      {isStaff(me) && (
        <View className="appeal-links__item" onClick={() => Taro.navigateTo({ url: routes.inbox() })}>
          <Text className="appeal-links__name">诉求工作台</Text>
          <Text className="appeal-links__sub">受理、回复和办结诉求</Text>
          <Text className="appeal-links__arrow">›</Text>
        </View>
      )}
    </View>
  );
}
