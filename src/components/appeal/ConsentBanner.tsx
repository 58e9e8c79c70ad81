import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Me } from '../../../types/appeal';
import { askSubscribe, grantConsents, isMe } from '../../services/me';
import './appeal.scss';

/**
 * How many new-appeal reminders WeChat will still deliver (one per accepted one-time consent),
 * and a tap to add one. In H5 there is no subscribe dialog: the tap records the consent directly.
 */
export function ConsentBanner({ me }: { me: Me }) {
  const [busy, setBusy] = useState(false);
  const left = me.consents.appealNew;

  const add = () => {
    if (busy) return;
    const consent = askSubscribe(me, ['appealNew']); // inside the tap, before any await
    setBusy(true);
    (async () => {
      const accepted = (await consent) ?? ['appealNew'];
      if (accepted.length === 0) {
        setBusy(false);
        Taro.showToast({ title: '您没有同意接收提醒', icon: 'none' });
        return;
      }
      const res = await grantConsents(accepted);
      setBusy(false);
      Taro.showToast(isMe(res) ? { title: '提醒次数已增加', icon: 'success' } : { title: res.message, icon: 'none' });
    })();
  };

  return (
    <View className={`card consent-banner${left === 0 ? ' consent-banner--empty' : ''}`}>
      <View className="consent-banner__main">
        <Text className="consent-banner__label">剩余提醒次数</Text>
        <Text className="consent-banner__count">{left}</Text>
        <Text className="consent-banner__hint">
          {left === 0 ? '提醒次数已用完，新诉求将改为通知社区' : '每条新诉求用掉一次微信提醒'}
        </Text>
      </View>
      <Button className="btn btn-primary btn-small consent-banner__btn" disabled={busy || undefined} onClick={add}>
        增加提醒次数
      </Button>
    </View>
  );
}
