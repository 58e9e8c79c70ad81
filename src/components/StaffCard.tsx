import { Button, Image, Text, View } from '@tarojs/components';
import type { StaffCard as Staff } from '../../types/grid';
import './StaffCard.scss';

type Props = {
  staff: Staff;
  role: '网格长' | '网格员';
  calling?: boolean;
  onCall: (staff: Staff) => void;
};

/** One person serving the grid. The phone stays masked: the real number is fetched only on 拨打. */
export function StaffCard({ staff, role, calling = false, onCall }: Props) {
  const initial = staff.name.trim().slice(0, 1) || '?';
  return (
    <View className={`card staff-card${role === '网格长' ? ' staff-card--chief' : ''}`}>
      {staff.avatar ? (
        <Image className="staff-card__avatar" src={staff.avatar} mode="aspectFill" />
      ) : (
        <View className="staff-card__avatar staff-card__avatar--initial">
          <Text>{initial}</Text>
        </View>
      )}
      <View className="staff-card__body">
        <View className="staff-card__line">
          <Text className="staff-card__name">{staff.name}</Text>
          <Text className="staff-card__role">{role}</Text>
        </View>
        {staff.title && staff.title !== role && <Text className="staff-card__title">{staff.title}</Text>}
        <Text className="staff-card__phone">{staff.phoneMasked}</Text>
      </View>
      <Button className="btn btn-outline btn-small staff-card__call" disabled={calling || undefined} onClick={() => onCall(staff)}>
        {calling ? '请稍候' : '拨打'}
      </Button>
    </View>
  );
}
