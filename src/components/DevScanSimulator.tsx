import Taro from '@tarojs/taro';
import { useState, type CSSProperties } from 'react';
import { DEV_SCAN_KEY } from '../services/scan';

/**
 * H5 only (never in the weapp build, see DevDock): "模拟扫码" sets what the next scan of a sign
 * returns, as the sign's ordinary link `/g/<code>`, so browsers and tests can check in. Plain
 * DOM: a developer tool.
 */
const pill: CSSProperties = {
  position: 'fixed', right: 8, bottom: 152, zIndex: 1000, border: '1px solid #c9cdd4', borderRadius: 999,
  background: 'rgba(255,255,255,0.85)', color: '#1f2329', padding: '4px 10px', fontSize: 12, cursor: 'pointer',
  boxShadow: '0 1px 4px rgba(0,0,0,0.12)', fontFamily: 'system-ui, sans-serif',
};

const codeOf = (scanned: unknown) => (typeof scanned === 'string' ? scanned.replace(/^\/g\//, '') : '');

export function DevScanSimulator() {
  const [code, setCode] = useState(() => codeOf(Taro.getStorageSync(DEV_SCAN_KEY)));
  const choose = () => {
    const typed = window.prompt('模拟扫描哪个网格的标牌（网格码，留空则不模拟）', code);
    if (typed === null) return;
    const next = typed.trim();
    if (next) Taro.setStorageSync(DEV_SCAN_KEY, `/g/${next}`);
    else Taro.removeStorageSync(DEV_SCAN_KEY);
    setCode(next);
  };
  return (
    <button type="button" style={pill} onClick={choose} title="仅 H5 开发环境">
      {code ? `模拟扫码：${code}` : '模拟扫码'}
    </button>
  );
}
