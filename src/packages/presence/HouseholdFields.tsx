import { Input, Text, View } from '@tarojs/components';
import { PRESENCE_WORDS, VISIT_GROUPS, type VisitGroup } from '../../../types/presence';

/** A household as typed: its 六必访 group (none chosen yet: null), building and room. */
export type HouseholdDraft = { group: VisitGroup | null; building: string; room: string };

/** The 六必访 group, building and room of a household: the visit's and the households list's one form. */
export function HouseholdFields({ value, onChange }: { value: HouseholdDraft; onChange: (patch: Partial<HouseholdDraft>) => void }) {
  return (
    <>
      <Text className="field__label field__label--required">六必访类别</Text>
      <View className="choice" role="radiogroup">
        {VISIT_GROUPS.map((g) => (
          <Text key={g} aria-checked={value.group === g} className={`chip${value.group === g ? ' chip--on' : ''}`} onClick={() => onChange({ group: g })}>
            {PRESENCE_WORDS.group[g]}
          </Text>
        ))}
      </View>
      <Text className="field__label field__label--required">楼栋</Text>
      <Input className="field__input" value={value.building} placeholder="如 3号楼" onInput={(e) => onChange({ building: e.detail.value })} />
      <Text className="field__label field__label--required">房号</Text>
      <Input className="field__input" value={value.room} placeholder="如 2单元201" onInput={(e) => onChange({ room: e.detail.value })} />
    </>
  );
}
