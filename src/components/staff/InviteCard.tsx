import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type { Invite } from '../../../types/staff';
import { inviteExpiry, seatLine } from './format';
import './staff.scss';

function copyCode(code: string) {
  Taro.setClipboardData({ data: code }).then(
    () => Taro.showToast({ title: '邀请码已复制', icon: 'none' }),
    () => undefined,
  );
}

type Props = { invite: Invite; onAgain: () => void; onTeam: () => void };

/**
 * The issued invite as the inviter passes it on: the mini-program code to scan (long-press to
 * forward or save), the code to read out or paste, how long it lasts, and for whom.
 */
export function InviteCard({ invite, onAgain, onTeam }: Props) {
  return (
    <View className="invite-card">
      <View className="card invite-card__main">
        <Text className="invite-card__seat">{seatLine(invite.seat)}</Text>
        {invite.qr ? (
          <View className="invite-card__qr-box">
            <Image className="invite-card__qr" src={invite.qr} mode="scaleToFill" showMenuByLongpress />
            <Text className="invite-card__hint">请对方用微信扫码加入；长按二维码可转发或保存</Text>
          </View>
        ) : (
          <Text className="invite-card__hint invite-card__hint--warn">二维码暂时无法生成，请把下面的邀请码告诉对方</Text>
        )}
        <Text className="invite-card__label">邀请码</Text>
        <Text className="invite-card__code" aria-label={`邀请码 ${invite.code}`}>
          {invite.code}
        </Text>
        <Button className="btn btn-outline btn-small invite-card__copy" onClick={() => copyCode(invite.code)}>
          复制邀请码
        </Button>
        <Text className="invite-card__expiry">{inviteExpiry(invite.expiresAt)}</Text>
        <Text className="invite-card__once">仅可使用一次，对方在「网格通」中打开即可绑定</Text>
      </View>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className="btn btn-primary invite-card__share" openType="share">
          发给对方
        </Button>
      )}
      <View className="invite-card__more">
        <Button className="btn btn-outline" onClick={onAgain}>
          继续邀请
        </Button>
        <Button className="btn btn-outline" onClick={onTeam}>
          查看人员
        </Button>
      </View>
    </View>
  );
}
