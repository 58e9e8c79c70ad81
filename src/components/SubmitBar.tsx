import { Button, Text, View } from '@tarojs/components';

type Props = { error: string | null; busy: boolean; label: string; busyLabel: string; onSubmit: () => void };

/** A form's end: what the last try said was wrong, and its one action, fixed at the bottom. */
export function SubmitBar({ error, busy, label, busyLabel, onSubmit }: Props) {
  return (
    <>
      {error && <Text className="form-error">{error}</Text>}
      <View className="submit-bar">
        <Button className="btn btn-primary submit-bar__btn" disabled={busy || undefined} onClick={onSubmit}>
          {busy ? busyLabel : label}
        </Button>
      </View>
    </>
  );
}
