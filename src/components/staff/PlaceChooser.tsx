import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { GridCode } from '../../../types/grid';
import type { StaffPlaces } from '../../../types/staff';
import { cleanText, TYPED_CODE_MAX } from '../../../types/typed';

export type PlaceKind = 'grid' | 'community';
export type Place = { communityId: string | null; gridCode: string | null };
type Community = StaffPlaces['communities'][number];

/** The communities offered for a kind of seat: a community's own staff only where the caller may invite them. */
export const communitiesFor = (places: StaffPlaces, kind: PlaceKind): Community[] =>
  kind === 'community' ? places.communities.filter((c) => c.mayInviteStaff) : places.communities;

/** Where the chooser starts: the place a link named when it is in scope, else the only community there is. */
export function initialPlace(places: StaffPlaces, kind: PlaceKind, preset: { gridCode?: string; communityId?: string }): Place {
  const offered = communitiesFor(places, kind);
  const byGrid = preset.gridCode ? offered.find((c) => c.grids.some((g) => g.code === preset.gridCode)) : undefined;
  if (kind === 'grid' && byGrid) return { communityId: byGrid.id, gridCode: preset.gridCode! };
  const named = offered.find((c) => c.id === preset.communityId) ?? (offered.length === 1 ? offered[0] : undefined);
  return { communityId: named?.id ?? null, gridCode: null };
}

/** "平阳社区第一网格" under 平阳社区 reads "第一网格". */
const shortName = (grid: string, community: string) => (grid.startsWith(community) && grid.length > community.length ? grid.slice(community.length) : grid);

type Props = { places: StaffPlaces; kind: PlaceKind; value: Place; onChange: (place: Place) => void };

/** Community, then (for a grid seat) one of its grids, tapped or typed by code. */
export function PlaceChooser({ places, kind, value, onChange }: Props) {
  const [typed, setTyped] = useState('');
  const offered = communitiesFor(places, kind);
  const community = offered.find((c) => c.id === value.communityId) ?? null;

  const typeCode = (text: string) => {
    setTyped(text);
    const parsed = GridCode.safeParse(text);
    const home = parsed.success ? offered.find((c) => c.grids.some((g) => g.code === parsed.data)) : undefined;
    if (home) onChange({ communityId: home.id, gridCode: parsed.data! });
  };
  const typedCode = GridCode.safeParse(typed);
  const typedMiss = cleanText(typed) !== '' && (!typedCode.success || !offered.some((c) => c.grids.some((g) => g.code === typedCode.data)));

  return (
    <View className="place-chooser">
      <Text className="field__label field__label--required">社区</Text>
      {offered.length === 1 ? (
        <Text className="place-chooser__only">{offered[0].name}</Text>
      ) : (
        <View className="choice" role="radiogroup" aria-label="社区">
          {offered.map((c) => (
            <Text
              key={c.id}
              aria-checked={c.id === value.communityId}
              className={`chip${c.id === value.communityId ? ' chip--on' : ''}`}
              onClick={() => onChange({ communityId: c.id, gridCode: null })}
            >
              {c.name}
            </Text>
          ))}
        </View>
      )}

      {kind === 'grid' && (
        <View>
          <Text className="field__label field__label--required">网格</Text>
          {community && (
            <View className="choice" role="radiogroup" aria-label="网格">
              {community.grids.map((g) => (
                <Text
                  key={g.code}
                      aria-checked={g.code === value.gridCode}
                  className={`chip${g.code === value.gridCode ? ' chip--on' : ''}`}
                  onClick={() => onChange({ communityId: community.id, gridCode: g.code })}
                >
                  {shortName(g.name, community.name)}
                </Text>
              ))}
              {community.grids.length === 0 && <Text className="muted">这个社区还没有网格</Text>}
            </View>
          )}
          <Input className="field__input" value={typed} maxlength={TYPED_CODE_MAX} placeholder="或输入网格编号，如 GS-0102" onInput={(e) => typeCode(e.detail.value)} />
          {typedMiss && <Text className="field__error">您负责的范围内没有网格 {typedCode.success ? typedCode.data : cleanText(typed)}</Text>}
        </View>
      )}
    </View>
  );
}
