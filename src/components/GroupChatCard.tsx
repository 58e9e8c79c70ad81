import Taro from '@tarojs/taro';
import { Button, Image, Input, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { GridPage, GroupChatView } from '../../types/grid';
import { call, fileUrl } from '../services/cloud';
import { askSubscribe, grantConsents, useMe } from '../services/me';
import { PhotoPicker } from './appeal/PhotoPicker';
import { Sheet } from './appeal/Sheet';
import './InfoCards.scss';

const SHANGHAI_MS = 8 * 3600 * 1000;

/** Today in Zoucheng (UTC+8, no DST), 'YYYY-MM-DD': the default day a group QR was generated. */
export const todayInShanghai = (now = Date.now()) => new Date(now + SHANGHAI_MS).toISOString().slice(0, 10);

/** The last day a QR still works, 'MM-DD' (it stops at `expiresAt`). */
export const lastValidDay = (expiresAt: string) => new Date(Date.parse(expiresAt) - 1 + SHANGHAI_MS).toISOString().slice(5, 10);

function joinWeCom(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  // A mini-program cannot open an outside link: the resident pastes it into a WeChat chat.
  Taro.setClipboardData({ data: url }).then(
    () => Taro.showToast({ title: '链接已复制，请在微信中打开', icon: 'none' }),
    () => undefined,
  );
}

function GroupChatBody({ chat }: { chat: GroupChatView }) {
  if (chat.kind === 'qr') {
    return (
      <View className="group-chat__qr">
        <Image className="group-chat__img" src={fileUrl(chat.image)} mode="aspectFit" showMenuByLongpress />
        <Text className="muted">长按识别二维码加入网格群（有效期至 {lastValidDay(chat.expiresAt)}）</Text>
      </View>
    );
  }
  return (
    <Button className="btn btn-primary" onClick={() => joinWeCom(chat.url)}>
      加入企业微信群
    </Button>
  );
}

/**
 * "网格群": the grid's WeChat group for residents; its own staff also get 设置网格群, and
 * `bound` (the WeChat group confirmed as the grid's, which a QR or WeCom link may join).
 */
export function GroupChatCard({ page, onChanged, bound }: { page: GridPage; onChanged: () => void; bound?: ReactNode }) {
  const [editing, setEditing] = useState(false);
  const { groupChat, canSetGroupChat } = page;
  if (!groupChat && !canSetGroupChat) return null;
  return (
    <View>
      <Text className="section-title">网格群</Text>
      <View className="card info-card group-chat">
        {groupChat ? (
          <GroupChatBody chat={groupChat} />
        ) : (
          <Text className="muted">{bound ? '还没有设置入群二维码或企业微信群链接' : '本网格还没有设置网格群'}</Text>
        )}
        {canSetGroupChat && (
          <Button className="btn btn-outline group-chat__set" onClick={() => setEditing(true)}>
            设置网格群
          </Button>
        )}
        {bound}
      </View>
      {editing && (
        <GroupChatSheet
          code={page.grid.code}
          hasChat={groupChat !== null}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </View>
  );
}

type SheetProps = { code: string; hasChat: boolean; onClose: () => void; onSaved: () => void };

/** Upload the group's QR with the day WeChat generated it, or paste a WeCom join link. */
function GroupChatSheet({ code, hasChat, onClose, onSaved }: SheetProps) {
  const [kind, setKind] = useState<'qr' | 'wecom'>('qr');
  const [photos, setPhotos] = useState<string[]>([]);
  const [generatedOn, setGeneratedOn] = useState(todayInShanghai());
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const { me } = useMe();

  const done = (res: { ok: boolean; message?: string }, title: string) => {
    setBusy(false);
    if (!res.ok) {
      Taro.showToast({ title: res.message ?? '设置失败', icon: 'none' });
      return;
    }
    Taro.showToast({ title, icon: 'success' });
    onSaved();
  };

  const save = async () => {
    if (kind === 'qr' && photos.length === 0) {
      Taro.showToast({ title: '请先上传群二维码', icon: 'none' });
      return;
    }
    // Inside the tap and before any await: the consent for "the QR lapses tomorrow".
    const consent = kind === 'qr' ? askSubscribe(me, ['groupQrExpiry']) : Promise.resolve(null);
    setBusy(true);
    const accepted = await consent;
    if (accepted && accepted.length > 0) void grantConsents(accepted); // a refusal never blocks saving
    const res =
      kind === 'qr'
        ? await call('grid', 'setGroupChat', { code, kind: 'qr', fileID: photos[0], generatedOn: generatedOn.trim() })
        : await call('grid', 'setGroupChat', { code, kind: 'wecom', url: url.trim() });
    done(res, '网格群已设置');
  };

  const clear = async () => {
    setBusy(true);
    done(await call('grid', 'clearGroupChat', { code }), '网格群已清除');
  };

  return (
    <Sheet title="设置网格群" confirmText="保存" busy={busy} onConfirm={save} onCancel={onClose}>
      <View className="group-chat__kinds">
        <Button className={`btn ${kind === 'qr' ? 'btn-primary' : 'btn-outline'}`} onClick={() => setKind('qr')}>
          微信群二维码
        </Button>
        <Button className={`btn ${kind === 'wecom' ? 'btn-primary' : 'btn-outline'}`} onClick={() => setKind('wecom')}>
          企业微信群链接
        </Button>
      </View>
      {kind === 'qr' ? (
        <View>
          <Text className="muted">群二维码 7 天内有效，到期前一天会提醒您重新上传</Text>
          <PhotoPicker purpose="groupQr" photos={photos} max={1} onAdd={(ids) => setPhotos(ids.slice(0, 1))} onRemove={() => setPhotos([])} onBusy={setBusy} />
          <Text className="info-card__label">生成日期</Text>
          <Input value={generatedOn} placeholder="YYYY-MM-DD" maxlength={10} onInput={(e) => setGeneratedOn(e.detail.value)} />
        </View>
      ) : (
        <View>
          <Text className="muted">企业微信群的加入链接长期有效，须以 https:// 开头</Text>
          <Input value={url} placeholder="https://work.weixin.qq.com/…" maxlength={500} onInput={(e) => setUrl(e.detail.value)} />
        </View>
      )}
      {hasChat && (
        <Button className="btn btn-outline" disabled={busy || undefined} onClick={clear}>
          清除网格群
        </Button>
      )}
    </Sheet>
  );
}
