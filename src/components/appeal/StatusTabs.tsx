import { ScrollView, Text, View } from '@tarojs/components';
import type { AppealStatus } from '../../../types/appeal';
import { APPEAL_STATUSES, APPEAL_WORDS } from '../../../types/vocabulary';
import './appeal.scss';

type Props = { value: AppealStatus | null; onChange: (s: AppealStatus | null) => void; statuses?: readonly AppealStatus[] };

/** 全部 and one tab per status. */
export function StatusTabs({ value, onChange, statuses = APPEAL_STATUSES }: Props) {
  const tabs: Array<{ key: AppealStatus | null; label: string }> = [
    { key: null, label: '全部' },
    ...statuses.map((s) => ({ key: s, label: APPEAL_WORDS.status[s] })),
  ];
  return (
    <ScrollView className="status-tabs" scrollX enableFlex>
      <View className="status-tabs__row" role="tablist">
        {tabs.map((t) => (
          <Text
            key={t.key ?? 'all'}
            aria-selected={t.key === value}
            className={`status-tabs__tab${t.key === value ? ' status-tabs__tab--on' : ''}`}
            onClick={() => onChange(t.key)}
          >
            {t.label}
          </Text>
        ))}
      </View>
    </ScrollView>
  );
}
