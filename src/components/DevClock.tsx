import { useEffect, useState, type CSSProperties } from 'react';
import type { DevClock as Clock, DevClockMove } from '../../types/devClock';
import { shanghaiTime } from './shanghaiTime';

/**
 * H5 only (never in the weapp build, see DevDock): the local cloud's clock, which every function and
 * timer reads (`/api/dev/clock`). Shows the cloud's time and moves it forward for a demo (an appeal
 * escalating three hours later, in seconds) or back to real time; after a move the page reloads so it
 * shows what the functions and the timers now say. Plain DOM + inline styles: a developer tool.
 */

const STEPS: Array<{ label: string; move: DevClockMove }> = [
  { label: '+1 小时', move: { advanceMinutes: 60 } },
  { label: '+3 小时', move: { advanceMinutes: 180 } },
  { label: '+1 天', move: { advanceMinutes: 24 * 60 } },
  { label: '回到现在', move: { reset: true } },
];
/** How often the shown time is brought forward (it flows with real time between moves). */
const REDRAW_MS = 30_000;

/** "快 1 天 3 小时" / "慢 20 分钟" / "真实时间": how far the cloud's clock is from real time. */
export function offsetWords(offsetMinutes: number): string {
  const minutes = Math.round(Math.abs(offsetMinutes));
  if (minutes === 0) return '真实时间';
  const parts = [[Math.floor(minutes / 1440), '天'], [Math.floor((minutes % 1440) / 60), '小时'], [minutes % 60, '分钟']] as const;
  return `${offsetMinutes > 0 ? '快' : '慢'} ${parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}`).join(' ')}`;
}

const s: Record<string, CSSProperties> = {
  dock: { position: 'fixed', right: 8, bottom: 118, zIndex: 1000, display: 'flex', flexDirection: 'column-reverse', alignItems: 'flex-end', fontSize: 13, lineHeight: 1.4, fontFamily: 'system-ui, sans-serif' },
  pill: {
    border: '1px solid #c9cdd4', borderRadius: 999, background: 'rgba(255,255,255,0.85)', color: '#1f2329',
    padding: '4px 10px', fontSize: 12, cursor: 'pointer', boxShadow: '0 1px 4px rgba(0,0,0,0.12)', whiteSpace: 'nowrap',
  },
  panel: { marginBottom: 6, width: 256, background: '#fff', borderRadius: 8, boxShadow: '0 4px 16px rgba(0,0,0,0.18)', padding: 8 },
  line: { color: '#1f2329', margin: '2px 4px' },
  note: { color: '#8f959e', fontSize: 12, margin: '2px 4px 6px' },
  error: { color: '#d54941', fontSize: 12, margin: '2px 4px 6px' },
  steps: { display: 'flex', flexWrap: 'wrap', gap: 6 },
  step: { border: '1px solid #dcdfe6', borderRadius: 4, background: '#f5f6f7', padding: '3px 8px', fontSize: 12, cursor: 'pointer', color: '#1f2329' },
};

export function DevClock({ onMoved = () => window.location.reload() }: { onMoved?: () => void }) {
  const [open, setOpen] = useState(false);
  const [clock, setClock] = useState<Clock | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, redraw] = useState(0);

  useEffect(() => {
    let live = true;
    fetch('/api/dev/clock')
      .then((r) => r.json())
      .then((body: Clock) => live && setClock(body))
      .catch(() => live && setProblem('读不到本地云的时钟'));
    const timer = setInterval(() => redraw((n) => n + 1), REDRAW_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const move = async (step: DevClockMove) => {
    setBusy(true);
    setProblem(null);
    let answer: { status: number; body: { message?: unknown } } | null;
    try {
      const res = await fetch('/api/dev/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(step) });
      answer = { status: res.status, body: await res.json() };
    } catch {
      answer = null;
    }
    setBusy(false);
    if (!answer) return setProblem('本地云没有回应');
    if (answer.status !== 200) return setProblem(typeof answer.body.message === 'string' ? answer.body.message : '本地云没有移动时钟');
    setClock(answer.body as Clock);
    onMoved();
  };

  // the clock flows on between moves: its lead over real time is what stays
  const now = clock && shanghaiTime(new Date(Date.now() + clock.offsetMinutes * 60_000).toISOString());
  const moved = !!clock && Math.round(clock.offsetMinutes) !== 0;
  return (
    <div style={s.dock} className="dev-clock">
      {/* Collapsed it shows no time, so it never doubles a time the page under test shows. */}
      <button type="button" style={s.pill} onClick={() => setOpen(!open)} title={now ? `本地云时间：${now}（仅 H5 开发环境）` : '本地云时钟（仅 H5 开发环境）'}>
        <span style={{ color: moved ? '#e37318' : '#2ba471' }}>●</span> 时钟 {open ? '▴' : '▾'}
      </button>
      {open && (
        <div style={s.panel}>
          <div style={s.line}>本地云时间：{now ?? '…'}</div>
          {clock && <div style={s.note}>{offsetWords(clock.offsetMinutes)}</div>}
          {problem && <div style={s.error}>{problem}</div>}
          <div style={s.steps}>
            {STEPS.map((step) => (
              <button type="button" key={step.label} style={s.step} disabled={busy} onClick={() => void move(step.move)}>
                {step.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
