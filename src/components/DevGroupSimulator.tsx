import type { CSSProperties } from 'react';
import { devGroupOfLocation } from '../services/devGroupEntry';

/**
 * H5 only (never in the weapp build, see DevDock): act as if this page was opened from a share
 * card inside a WeChat group, by adding `devGroup=<name>` to the address and reloading; the local
 * cloud turns the name into that group's opengid. Plain DOM: a developer tool.
 */
const pill: CSSProperties = {
  position: 'fixed', right: 8, bottom: 84, zIndex: 1000, border: '1px solid #c9cdd4', borderRadius: 999,
  background: 'rgba(255,255,255,0.85)', color: '#1f2329', padding: '4px 10px', fontSize: 12, cursor: 'pointer',
  boxShadow: '0 1px 4px rgba(0,0,0,0.12)', fontFamily: 'system-ui, sans-serif',
};

function withDevGroup(href: string, group: string | null): string {
  const [base, query = ''] = href.split('?');
  const params = new URLSearchParams(query);
  if (group) params.set('devGroup', group);
  else params.delete('devGroup');
  const next = params.toString();
  return next ? `${base}?${next}` : base;
}

export function DevGroupSimulator() {
  const current = devGroupOfLocation(window.location.href)?.group ?? null;
  const choose = () => {
    const group = window.prompt('模拟从哪个微信群打开（群名，留空则不从群打开）', current ?? '');
    if (group === null) return;
    window.location.href = withDevGroup(window.location.href, group.trim() || null);
    window.location.reload();
  };
  return (
    <button type="button" style={pill} onClick={choose} title="仅 H5 开发环境">
      {current ? '群聊打开 ▾' : '模拟群聊打开'}
    </button>
  );
}
