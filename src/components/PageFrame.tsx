import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { DevDock } from './DevDock';

/** A page's column (phone width, the app's background) with, in H5 only, the dev dock. */
export function PageFrame({ className = 'appeal-page', children }: { className?: string; children: ReactNode }) {
  return (
    <View className={`page ${className}`}>
      {children}
      <DevDock />
    </View>
  );
}

/** What a page shows while its first call is on its way. */
export const Loading = () => <Text className="list-state">正在加载…</Text>;
