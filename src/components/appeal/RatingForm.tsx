import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { APPEAL_LIMITS, type AppealDetail } from '../../../types/appeal';
import { APPEAL_WORDS } from '../../../types/vocabulary';
import { call } from '../../services/cloud';
import './appeal.scss';

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** 1–5 stars and a comment; 1–2 stars send the appeal back to be handled again. */
export function RatingForm({ id, onDone }: { id: string; onDone: (d: AppealDetail) => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (score < 1) {
      Taro.showToast({ title: '请先选择评分', icon: 'none' });
      return;
    }
    if (comment.trim().length > APPEAL_LIMITS.commentMax) {
      Taro.showToast({ title: `评价不能超过 ${APPEAL_LIMITS.commentMax} 个字`, icon: 'none' });
      return;
    }
    setBusy(true);
    const res = await call('appeal', 'rate', { id, score, comment: comment.trim() });
    setBusy(false);
    if (!res.ok) {
      Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    onDone(res.data);
  };

  return (
    <View className="card rating-form">
      <Text className="rating-form__title">请为办理结果评分</Text>
      <View className="rating-form__stars" role="radiogroup">
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            aria-checked={n === score}
            aria-label={`${n} 星`}
            className={`rating-form__star${n <= score ? ' rating-form__star--on' : ''}`}
            onClick={() => setScore(n)}
          >
            {n <= score ? '★' : '☆'}
          </Text>
        ))}
        {score > 0 && <Text className="rating-form__word">{SCORE_WORDS[score]}</Text>}
      </View>
      {score > 0 && score <= 2 && (
        <Text className="rating-form__hint">{`1–2 星将${APPEAL_WORDS.event.reopened}：诉求会重新交给工作人员办理。`}</Text>
      )}
      <Textarea
        className="field__textarea field__textarea--short"
        value={comment}
        maxlength={APPEAL_LIMITS.commentMax}
        placeholder="说说您的评价（选填）"
        onInput={(e) => setComment(e.detail.value)}
      />
      <Button className="btn btn-primary rating-form__btn" disabled={busy || undefined} onClick={submit}>
        {busy ? '提交中…' : `提交${APPEAL_WORDS.action.rate.label}`}
      </Button>
    </View>
  );
}
