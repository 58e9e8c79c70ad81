import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { DevIdentity } from '../../types/api';
import { getDevOpenId, setDevOpenId } from '../services/devIdentity';

/**
 * H5 only (never in the weapp build, see DevDock): pick which demo identity the browser acts as.
 * The choice lives in localStorage; the cloud client sends it as `X-Dev-OpenId`.
 * Plain DOM + inline styles: this is a developer tool, outside the app's design system.
 */

const ROLE_LABELS: Record<DevIdentity['role'], string> = {
  resident: '居民',
  chief: '网格长',
  worker: '网格员',
  community: '社区',
  street: '街道',
};
const ROLE_ORDER: DevIdentity['role'][] = ['resident', 'chief', 'worker', 'community', 'street'];

function asIdentities(body: unknown): DevIdentity[] {
  const list = Array.isArray(body) ? body : (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) return [];
  return list.filter((x): x is DevIdentity => !!x && typeof x.openid === 'string' && typeof x.label === 'string');
}

const s: Record<string, CSSProperties> = {
  dock: { position: 'fixed', left: 8, bottom: 84, zIndex: 1000, display: 'flex', flexDirection: 'column-reverse', alignItems: 'flex-start', fontSize: 13, lineHeight: 1.4, fontFamily: 'system-ui, sans-serif' },
  pill: {
    border: '1px solid #c9cdd4', borderRadius: 999, background: 'rgba(255,255,255,0.85)', color: '#1f2329',
    padding: '4px 10px', fontSize: 12, cursor: 'pointer', boxShadow: '0 1px 4px rgba(0,0,0,0.12)', maxWidth: 180,
    whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis',
  },
  panel: {
    marginBottom: 6, width: 260, maxHeight: '60vh', overflowY: 'auto', background: '#fff', borderRadius: 8,
    boxShadow: '0 4px 16px rgba(0,0,0,0.18)', padding: 8,
  },
  filter: { width: '100%', boxSizing: 'border-box', padding: '4px 6px', marginBottom: 6, border: '1px solid #dcdfe6', borderRadius: 4, fontSize: 13 },
  group: { color: '#8f959e', fontSize: 12, margin: '6px 4px 2px' },
  item: { display: 'block', width: '100%', textAlign: 'left', border: 'none', background: 'none', padding: '5px 6px', borderRadius: 4, cursor: 'pointer', fontSize: 13, color: '#1f2329' },
  current: { background: '#e8f0fe', color: '#1f6feb', fontWeight: 600 },
};

export function DevIdentitySwitcher() {
  const [open, setOpen] = useState(false);
  const [identities, setIdentities] = useState<DevIdentity[] | null>(null);
  const [filter, setFilter] = useState('');
  const current = getDevOpenId();

  useEffect(() => {
    let live = true;
    fetch('/api/dev/identities')
      .then((r) => r.json())
      .then((body: unknown) => live && setIdentities(asIdentities(body)))
      .catch(() => live && setIdentities([]));
    return () => {
      live = false;
    };
  }, []);

  const currentLabel = current === null ? '未登录' : (identities?.find((i) => i.openid === current)?.label ?? current);

  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const shown = (identities ?? []).filter((i) => !f || i.label.toLowerCase().includes(f) || i.openid.toLowerCase().includes(f));
    return ROLE_ORDER.map((role) => ({ role, items: shown.filter((i) => i.role === role) })).filter((g) => g.items.length > 0);
  }, [identities, filter]);

  const choose = (openid: string | null) => {
    setDevOpenId(openid);
    setOpen(false);
    window.location.reload(); // the page refetches as the new identity
  };

  return (
    <div style={s.dock} className="dev-identity">
      {/* Collapsed it shows no name or code, so it never doubles text the page under test shows. */}
      <button type="button" style={s.pill} onClick={() => setOpen(!open)} title={`当前演示身份：${currentLabel}（仅 H5 开发环境）`}>
        <span style={{ color: current === null ? '#c9cdd4' : '#2ba471' }}>●</span> 切换身份 {open ? '▴' : '▾'}
      </button>
      {open && (
        <div style={s.panel}>
          <div style={s.group}>当前：{currentLabel}</div>
          <input style={s.filter} placeholder="筛选身份" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button type="button" style={{ ...s.item, ...(current === null ? s.current : {}) }} onClick={() => choose(null)}>
            未登录
          </button>
          {identities === null && <div style={s.group}>加载中…</div>}
          {groups.map((g) => (
            <div key={g.role}>
              <div style={s.group}>{ROLE_LABELS[g.role]}</div>
              {g.items.map((i) => (
                <button
                  type="button"
                  key={i.openid}
                  style={{ ...s.item, ...(i.openid === current ? s.current : {}) }}
                  onClick={() => choose(i.openid)}
                >
                  {i.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
