import { Text } from '@tarojs/components';

/** "12/40" under a text field, red once past the limit (typing may run past it; submit refuses). */
export function CharCount({ count, max }: { count: number; max: number }) {
  return <Text className={`field__count${count > max ? ' field__count--over' : ''}`}>{`${count}/${max}`}</Text>;
}
