import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { APPEAL_LIMITS, type CategoryOption, type Location } from '../../../types/appeal';
import type { ImagePurpose } from '../../services/media';
import { pickPlace } from '../../services/position';
import { CharCount } from '../CharCount';
import { PhotoPicker } from './PhotoPicker';
import './appeal.scss';

/**
 * The parts of a filing into a grid that a resident's appeal (反映问题) and a staff report (上报)
 * share: the category from the street's item directory, the words, and the optional place.
 */

/** One category of the street's item directory, required. */
export function CategoryChoice({ categories, value, onChange }: { categories: CategoryOption[]; value: string | null; onChange: (id: string) => void }) {
  return (
    <>
      <Text className="field__label field__label--required">事项类别</Text>
      <View className="choice" role="radiogroup">
        {categories.map((c) => (
          <Text key={c.id} aria-checked={value === c.id} className={`chip${value === c.id ? ' chip--on' : ''}`} onClick={() => onChange(c.id)}>
            {c.name}
          </Text>
        ))}
      </View>
    </>
  );
}

/** What happened, counted live against `APPEAL_LIMITS.contentMax` (typing may run past it; submit refuses). */
export function ContentField({ label, value, placeholder, onChange }: { label: string; value: string; placeholder: string; onChange: (text: string) => void }) {
  const count = value.length;
  return (
    <>
      <Text className="field__label field__label--required">{label}</Text>
      <Textarea
        className="field__textarea"
        value={value}
        // Typing may run past the limit (the count turns red and submit refuses) rather than cut a paste short.
        maxlength={APPEAL_LIMITS.contentMax * 2}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      <CharCount count={count} max={APPEAL_LIMITS.contentMax} />
      {count > APPEAL_LIMITS.contentMax && (
        <Text className="field__error">
          {label}不能超过 {APPEAL_LIMITS.contentMax} 个字
        </Text>
      )}
    </>
  );
}

type PhotosProps = {
  label: string;
  purpose: ImagePurpose;
  photos: string[];
  /** Applies a change to the photos as they are then (an upload may end after other edits). */
  onChange: (update: (photos: string[]) => string[]) => void;
  onBusy: (busy: boolean) => void;
};

/** Up to `APPEAL_LIMITS.photosMax` photos, each uploaded for `purpose` as it is picked. */
export function PhotosField({ label, purpose, photos, onChange, onBusy }: PhotosProps) {
  const max = APPEAL_LIMITS.photosMax;
  return (
    <>
      <Text className="field__label">
        {label}（最多 {max} 张）
      </Text>
      <PhotoPicker
        purpose={purpose}
        photos={photos}
        max={max}
        onBusy={onBusy}
        onAdd={(ids) => onChange((now) => [...now, ...ids].slice(0, max))}
        onRemove={(i) => onChange((now) => now.filter((_, j) => j !== i))}
      />
    </>
  );
}

/** The optional place (GCJ-02), picked on a tap only; 移除 takes it off again. */
export function LocationRow({ value, onChange }: { value: Location | null; onChange: (place: Location | null) => void }) {
  const add = async () => {
    const place = await pickPlace();
    if (place) onChange(place);
    else if (process.env.TARO_ENV === 'h5') Taro.showToast({ title: '无法获取位置', icon: 'none' });
  };
  return (
    <View className="field-row">
      <Text className="field-row__label">位置</Text>
      {value ? (
        <View className="field-row__value">
          <Text className="field-row__text">{value.name || value.address || '已选择位置'}</Text>
          <Text className="link" onClick={() => onChange(null)}>
            移除
          </Text>
        </View>
      ) : (
        <Text className="link" onClick={add}>
          添加位置（选填）
        </Text>
      )}
    </View>
  );
}

/**
 * The line every appeal form carries: an appeal is answered in hours, not minutes (WeChat cannot
 * promise more), so an emergency goes to the emergency numbers.
 */
export function EmergencyNotice() {
  return (
    <View className="card emergency-notice" role="note">
      <Text className="emergency-notice__title">紧急情况请直接拨打电话</Text>
      <Text className="emergency-notice__text">报警 110 · 火警 119 · 急救 120。网上反映不能保证几分钟内有人处理，遇到危险请先打电话。</Text>
    </View>
  );
}
