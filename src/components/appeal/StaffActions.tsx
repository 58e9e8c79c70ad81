import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import {
  APPEAL_LIMITS,
  BlockInput,
  DecideExtensionInput,
  EscalateInput,
  ModerateInput,
  ReplyInput,
  RequestExtensionInput,
  ResolveInput,
  SendBackInput,
  SuperviseInput,
  TransferInput,
  type AppealDetail,
} from '../../../types/appeal';
import type { Envelope } from '../../../types/envelope';
import { APPEAL_WORDS, SUPERVISION_CARDS, type SupervisionCard } from '../../../types/vocabulary';
import { call } from '../../services/cloud';
import { DeadlineChoice, ExtensionCard, extensionDeadlines, tighterDeadlines } from './Oversight';
import { PhotoPicker } from './PhotoPicker';
import { Sheet } from './Sheet';
import './appeal.scss';

type StaffAction = Exclude<AppealDetail['can'][number], 'rate'>;
const WORDS = APPEAL_WORDS.action;
/** Sheets whose words may stay empty. */
const NOTE_OPTIONAL: StaffAction[] = ['moderate', 'decideExtension'];

/**
 * The bar's buttons in working order: each button is its action's word in the vocabulary, and
 * its sheet asks for the action's `note` under a title and a confirm button built from that word.
 */
const ACTIONS: Array<{ key: StaffAction; confirm: string; title: string }> = [
  { key: 'moderate', confirm: `提交${WORDS.moderate.label}`, title: `${WORDS.moderate.label}诉求内容` },
  { key: 'decideExtension', confirm: `提交${WORDS.decideExtension.label}`, title: WORDS.decideExtension.label },
  { key: 'accept', confirm: WORDS.accept.label, title: WORDS.accept.label },
  { key: 'reply', confirm: `发送${WORDS.reply.label}`, title: `${WORDS.reply.label}居民` },
  { key: 'resolve', confirm: `确认${WORDS.resolve.label}`, title: `${WORDS.resolve.label}诉求` },
  { key: 'transfer', confirm: `确认${WORDS.transfer.label}`, title: `${WORDS.transfer.label}到其他网格` },
  { key: 'escalate', confirm: `确认${WORDS.escalate.label}`, title: `${WORDS.escalate.label}到上级办理` },
  { key: 'sendBack', confirm: `确认${WORDS.sendBack.label}`, title: `${WORDS.sendBack.label}到上级重新分派` },
  { key: 'requestExtension', confirm: `提交${WORDS.requestExtension.label}`, title: WORDS.requestExtension.label },
  { key: 'supervise', confirm: `确认${WORDS.supervise.label}`, title: `${WORDS.supervise.label}这条诉求` },
  { key: 'block', confirm: '确认限制', title: '限制该居民继续提交诉求' },
];

/** `choice`: 审核's pass or fail, 审批延期's grant or refuse; `until`: a deadline chosen in the sheet. */
type Fields = { text: string; photos: string[]; gridCode: string; choice: boolean | null; card: SupervisionCard | null; until: string | null; onSite: boolean };
const BLANK: Fields = { text: '', photos: [], gridCode: '', choice: null, card: null, until: null, onSite: false };

/** The two answers of a yes-or-no sheet, in the vocabulary's words where it has them. */
const CHOICES: Partial<Record<StaffAction, Array<{ v: boolean; label: string }>>> = {
  moderate: [
    { v: true, label: '通过，公开办理' },
    { v: false, label: '不通过' },
  ],
  decideExtension: [
    { v: true, label: APPEAL_WORDS.event.extensionGranted },
    { v: false, label: APPEAL_WORDS.event.extensionRefused },
  ],
};

/** Parses with the contract's schema: the first issue's Chinese message, or the input to send. */
function parse<T>(schema: { safeParse: (x: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } } }, x: unknown): T | string {
  const r = schema.safeParse(x);
  return r.success ? r.data : (r.error.issues[0]?.message ?? '填写的内容不符合要求');
}

function send(action: StaffAction, id: string, f: Fields): Promise<Envelope<AppealDetail>> | string {
  switch (action) {
    case 'accept':
      return call('appeal', 'accept', { id });
    case 'reply': {
      const input = parse(ReplyInput, { id, text: f.text, photos: f.photos, onSite: f.onSite });
      return typeof input === 'string' ? input : call('appeal', 'reply', input);
    }
    case 'resolve': {
      const input = parse(ResolveInput, { id, note: f.text, photos: f.photos });
      return typeof input === 'string' ? input : call('appeal', 'resolve', input);
    }
    case 'transfer': {
      const input = parse(TransferInput, { id, toGridCode: f.gridCode, reason: f.text });
      return typeof input === 'string' ? input : call('appeal', 'transfer', input);
    }
    case 'escalate': {
      const input = parse(EscalateInput, { id, reason: f.text });
      return typeof input === 'string' ? input : call('appeal', 'escalate', input);
    }
    case 'sendBack': {
      const input = parse(SendBackInput, { id, reason: f.text });
      return typeof input === 'string' ? input : call('appeal', 'sendBack', input);
    }
    case 'block': {
      // Blocking changes no appeal: show the appeal as it stands once the block is kept.
      const input = parse(BlockInput, { id, reason: f.text });
      if (typeof input === 'string') return input;
      return call('appeal', 'block', input).then((r) => (r.ok ? call('appeal', 'detail', { id }) : r));
    }
    case 'moderate': {
      if (f.choice === null) return '请选择审核结果';
      const input = parse(ModerateInput, { id, release: f.choice, reason: f.text });
      return typeof input === 'string' ? input : call('appeal', 'moderate', input);
    }
    case 'supervise': {
      if (!f.card) return '请选择黄牌或红牌';
      const input = parse(SuperviseInput, { id, card: f.card, note: f.text, until: f.until });
      return typeof input === 'string' ? input : call('appeal', 'supervise', input);
    }
    case 'requestExtension': {
      if (!f.until) return '请选择延期后的时限';
      const input = parse(RequestExtensionInput, { id, reason: f.text, until: f.until });
      return typeof input === 'string' ? input : call('appeal', 'requestExtension', input);
    }
    case 'decideExtension': {
      if (f.choice === null) return '请选择是否同意';
      const input = parse(DecideExtensionInput, { id, grant: f.choice, note: f.text });
      return typeof input === 'string' ? input : call('appeal', 'decideExtension', input);
    }
  }
}

/** Staff's work on one appeal: only the buttons `detail.can` allows, each opening a small sheet. */
export function StaffActions({ detail, onDone }: { detail: AppealDetail; onDone: (d: AppealDetail) => void }) {
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [fields, setFields] = useState<Fields>(BLANK);
  const [busy, setBusy] = useState(false);
  // Photos still uploading: the sheet cannot be sent until they are in, or the reply would go without them.
  const [uploading, setUploading] = useState(false);
  const shown = ACTIONS.filter((a) => (detail.can as string[]).includes(a.key));
  if (shown.length === 0) return null;

  const run = async (action: StaffAction) => {
    if (busy || uploading) return;
    const pending = send(action, detail.id, fields);
    if (typeof pending === 'string') {
      Taro.showToast({ title: pending, icon: 'none' });
      return;
    }
    setBusy(true);
    const res = await pending;
    setBusy(false);
    if (!res.ok) {
      Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    setOpen(null);
    setFields(BLANK);
    Taro.showToast({ title: '已提交', icon: 'success' });
    onDone(res.data);
  };

  const tap = (action: StaffAction) => {
    if (busy) return;
    if (action === 'accept') run('accept');
    else {
      setFields(BLANK);
      setOpen(action);
    }
  };

  const meta = ACTIONS.find((a) => a.key === open);
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));
  const note = open ? WORDS[open].note : null;
  const textMax = open === 'reply' || open === 'resolve' ? APPEAL_LIMITS.noteMax : APPEAL_LIMITS.reasonMax;

  return (
    <View className="staff-actions">
      <View className="staff-actions__bar">
        {shown.map((a) => (
          <Button
            key={a.key}
            className={`btn btn-small ${a.key === 'accept' || a.key === 'resolve' ? 'btn-primary' : 'btn-outline'} staff-actions__btn`}
            disabled={busy || undefined}
            onClick={() => tap(a.key)}
          >
            {WORDS[a.key].label}
          </Button>
        ))}
      </View>

      {open && meta && (
        <Sheet title={meta.title} confirmText={meta.confirm} busy={busy || uploading} onCancel={() => setOpen(null)} onConfirm={() => run(open)}>
          {open === 'decideExtension' && detail.extension && <ExtensionCard extension={detail.extension} />}
          {CHOICES[open] && (
            <View className="choice">
              {CHOICES[open]!.map((c) => (
                <Text key={c.label} className={`chip${fields.choice === c.v ? ' chip--on' : ''}`} onClick={() => set({ choice: c.v })}>
                  {c.label}
                </Text>
              ))}
            </View>
          )}
          {open === 'supervise' && (
            <View className="choice">
              {SUPERVISION_CARDS.map((card) => (
                <Text key={card} className={`chip chip--card-${card}${fields.card === card ? ' chip--on' : ''}`} onClick={() => set({ card })}>
                  {APPEAL_WORDS.card[card]}
                </Text>
              ))}
            </View>
          )}
          {open === 'transfer' && (
            <View className="field">
              <Text className="field__label">转至网格码</Text>
              <Input
                className="field__input"
                value={fields.gridCode}
                placeholder="如 GS-0102"
                maxlength={20}
                onInput={(e) => set({ gridCode: e.detail.value })}
              />
            </View>
          )}
          {note && (
            <View className="field">
              <Text className="field__label">{NOTE_OPTIONAL.includes(open) ? `${note}（选填）` : note}</Text>
              <Textarea
                className="field__textarea field__textarea--short"
                value={fields.text}
                maxlength={textMax}
                placeholder={`请填写${note}`}
                onInput={(e) => set({ text: e.detail.value })}
              />
            </View>
          )}
          {(open === 'supervise' || open === 'requestExtension') && (
            <View className="field">
              <Text className="field__label">{open === 'supervise' ? '限时办理（选填）' : '延期后的时限'}</Text>
              <DeadlineChoice
                options={(open === 'supervise' ? tighterDeadlines : extensionDeadlines)(detail.clock?.at ?? null, Date.parse(detail.now))}
                value={fields.until}
                onChange={(until) => set({ until })}
              />
            </View>
          )}
          {open === 'reply' && !detail.onSiteAt && (
            <View className="choice">
              <Text className={`chip${fields.onSite ? ' chip--on' : ''}`} onClick={() => set({ onSite: !fields.onSite })}>
                我{APPEAL_WORDS.onSite}
              </Text>
              <Text className="choice__hint">到场时限以此为准；只有在现场扫网格标牌「{APPEAL_WORDS.action.arrive.label}」才计入考核的当日到场率</Text>
            </View>
          )}
          {(open === 'reply' || open === 'resolve') && (
            <View className="field">
              <Text className="field__label">照片（选填）</Text>
              <PhotoPicker
                purpose="workPhoto"
                photos={fields.photos}
                max={APPEAL_LIMITS.photosMax}
                onAdd={(ids) => setFields((f) => ({ ...f, photos: [...f.photos, ...ids].slice(0, APPEAL_LIMITS.photosMax) }))}
                onRemove={(i) => setFields((f) => ({ ...f, photos: f.photos.filter((_, j) => j !== i) }))}
                onBusy={setUploading}
              />
            </View>
          )}
        </Sheet>
      )}
    </View>
  );
}
