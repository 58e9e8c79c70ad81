import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import './AppealBar.scss';

/** The big "我要反映" button. The appeal flow is a later issue: for now it says so. */
export function AppealBar() {
  return (
    <View className="appeal-bar">
      <Button
        className="btn btn-primary appeal-bar__btn"
        onClick={() => Taro.showToast({ title: '诉求功能即将开放', icon: 'none' })}
      >
        我要反映
      </Button>
    </View>
  );
}
