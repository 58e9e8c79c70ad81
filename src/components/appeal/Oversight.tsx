import { Text, View } from '@tarojs/components';
import { EXTENSION_MAX_DAYS, type AppealDetail, type ExtensionView, type StaffName, type SupervisionView } from '../../../types/appeal';
import { APPEAL_WORDS, type SupervisionCard } from '../../../types/vocabulary';
import { shanghaiTime } from '../shanghaiTime';
import './appeal.scss';

/**
 * 督办 and 延期 in the app: what the detail page shows of them, and the deadlines their sheets
 * offer. Times are instants (ISO 8601), shown in Asia/Shanghai.
 */

const W = APPEAL_WORDS;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A 督办 card's tag: its colour and word for staff (`红牌督办`); for the filer only `督办中`, uncoloured. */
export function CardTag({ card, staff, className = '' }: { card: SupervisionCard; staff: boolean; className?: string }) {
  return <Text className={`tag ${staff ? `tag--card-${card}` : 'tag--supervised'} ${className}`}>{staff ? W.card[card] : `${W.action.supervise.label}中`}</Text>;
}

export type DeadlineOption = { label: string; until: string | null };

const who = (s: StaffName) => (s.title ? `${s.name}（${s.title}）` : s.name);

/**
 * A card's tighter deadline: none, or 2, 4, 8 or 24 hours from `now`, only those earlier than the
 * running deadline (`clockAt`); the function decides against its own clock.
 */
export function tighterDeadlines(clockAt: string | null, now: number): DeadlineOption[] {
  const due = clockAt ? Date.parse(clockAt) : now;
  const sooner = [2, 4, 8, 24].map((h) => ({ h, t: now + h * HOUR })).filter(({ t }) => t < due);
  return [{ label: '不另定时限', until: null }, ...sooner.map(({ h, t }) => ({ label: `${h} 小时内（${shanghaiTime(new Date(t).toISOString())} 前）`, until: new Date(t).toISOString() }))];
}

/**
 * A 延期's new deadline: the running deadline (`clockAt`) plus 1, 2, 3, 5 or 7 days, only those later
 * than `now` and within `EXTENSION_MAX_DAYS` of it.
 */
export function extensionDeadlines(clockAt: string | null, now: number): DeadlineOption[] {
  if (!clockAt) return [];
  const due = Date.parse(clockAt);
  return [1, 2, 3, 5, 7]
    .map((d) => ({ d, t: due + d * DAY }))
    .filter(({ t }) => t > now && t <= now + EXTENSION_MAX_DAYS * DAY)
    .map(({ d, t }) => ({ label: `延长 ${d} 天（至 ${shanghaiTime(new Date(t).toISOString())}）`, until: new Date(t).toISOString() }));
}

/** One chip per option; the chosen one is on. */
export function DeadlineChoice({ options, value, onChange }: { options: DeadlineOption[]; value: string | null; onChange: (until: string | null) => void }) {
  return (
    <View className="choice choice--column">
      {options.map((o) => (
        <Text key={o.label} className={`chip${value === o.until ? ' chip--on' : ''}`} onClick={() => onChange(o.until)}>
          {o.label}
        </Text>
      ))}
    </View>
  );
}

/**
 * The detail page's 督办 and 延期: staff over the appeal read every card (colour, note, who, when,
 * a tighter deadline) and the latest 延期 request with its decision; the filer, who is given no
 * cards, reads only that the appeal is supervised (`card`).
 */
export function OversightSection({ detail: d }: { detail: AppealDetail }) {
  if (!d.supervision.length && !d.extension) {
    if (!d.card) return null;
    return (
      <View>
        <Text className="section-title">{W.action.supervise.label}</Text>
        <View className="card oversight">
          <CardTag card={d.card} staff={false} className="oversight__tag" />
          <Text className="oversight__hint">上级正在督促加快办理</Text>
        </View>
      </View>
    );
  }
  return (
    <View>
      <Text className="section-title">{`${W.action.supervise.label}与延期`}</Text>
      {d.supervision.map((c, i) => (
        <Card key={`${c.at}-${i}`} card={c} />
      ))}
      {d.extension && <ExtensionCard extension={d.extension} />}
    </View>
  );
}

function Card({ card: c }: { card: SupervisionView }) {
  return (
    <View className="card oversight oversight__card">
      <View className="oversight__head">
        <CardTag card={c.card} staff className="oversight__tag" />
        <Text className="oversight__who">{who(c.by)}</Text>
        <Text className="oversight__when">{shanghaiTime(c.at)}</Text>
      </View>
      <Text className="oversight__text">{c.note}</Text>
      {c.until && <Text className="oversight__until">{`限 ${shanghaiTime(c.until)} 前`}</Text>}
    </View>
  );
}

/** The latest 延期 request: its state, the deadline asked for, who asked and why, who decided and their note. */
export function ExtensionCard({ extension: e }: { extension: ExtensionView }) {
  return (
    <View className="card oversight oversight__extension">
      <View className="oversight__head">
        <Text className={`tag tag--extension-${e.state} oversight__tag`}>{W.extension[e.state]}</Text>
        <Text className="oversight__when">{`${W.deadline[e.deadline]}至 ${shanghaiTime(e.until)}`}</Text>
      </View>
      <Line label="申请人" value={`${who(e.requestedBy)} ${shanghaiTime(e.requestedAt)}`} />
      <Line label={W.action.requestExtension.note} value={e.reason} />
      {e.decidedBy && e.decidedAt && <Line label="审批人" value={`${who(e.decidedBy)} ${shanghaiTime(e.decidedAt)}`} />}
      {e.note && <Line label={W.action.decideExtension.note} value={e.note} />}
    </View>
  );
}

/** One labelled line of a card or request: `延期理由：需要物业配合`. */
const Line = ({ label, value }: { label: string; value: string }) => <Text className="oversight__line">{`${label}：${value}`}</Text>;
