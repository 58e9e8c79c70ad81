import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './Sheet.scss';

type Props = {
  title: string;
  confirmText: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
};

/** A bottom sheet over a dimmed page: a title, the fields, 取消 and the action. */
export function Sheet({ title, confirmText, busy = false, onConfirm, onCancel, children }: Props) {
  return (
    <View className="sheet" role="dialog">
      <View className="sheet__mask" onClick={busy ? undefined : onCancel} />
      <View className="sheet__panel">
        <Text className="sheet__title">{title}</Text>
        <View className="sheet__body">{children}</View>
        <View className="sheet__actions">
          <Button className="btn btn-outline sheet__btn" disabled={busy || undefined} onClick={onCancel}>
            取消
          </Button>
          <Button className="btn btn-primary sheet__btn" disabled={busy || undefined} onClick={onConfirm}>
            {busy ? '请稍候' : confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
