import { Text, View } from '@tarojs/components';
import type { AppealEventView } from '../../../types/appeal';
import { APPEAL_WORDS } from '../../../types/vocabulary';
import { actorName, eventDetail } from './format';
import { shanghaiTime } from '../shanghaiTime';
import { PhotoGrid } from './PhotoPicker';
import './appeal.scss';

/** Everything that happened to the appeal, oldest first: what, who, when, what they said. */
export function Timeline({ events, viewerIsStaff }: { events: AppealEventView[]; viewerIsStaff: boolean }) {
  return (
    <View className="card timeline">
      {events.map((e, i) => {
        const detail = eventDetail(e.type, e.detail);
        return (
          <View key={`${e.at}-${i}`} className={`timeline__item${i === events.length - 1 ? ' timeline__item--last' : ''}`}>
            <View className={`timeline__dot${i === events.length - 1 ? ' timeline__dot--now' : ''}`} />
            <View className="timeline__body">
              <View className="timeline__head">
                <Text className="timeline__what">{APPEAL_WORDS.event[e.type] ?? e.type}</Text>
                <Text className="timeline__when">{shanghaiTime(e.at)}</Text>
              </View>
              <Text className="timeline__who">{actorName(e.actor, viewerIsStaff)}</Text>
              {detail && <Text className="timeline__detail">{detail}</Text>}
              {e.text && <Text className="timeline__text">{e.text}</Text>}
              <PhotoGrid photos={e.photos} />
            </View>
          </View>
        );
      })}
    </View>
  );
}
