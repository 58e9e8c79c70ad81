import type { ComponentType } from 'react';

/**
 * H5 only: the demo identity switcher, the "opened from a group" simulator, the local cloud's
 * clock and "模拟扫码" (what a scan of a sign returns). The condition is a build-time constant, so webpack drops the requires (and the tools
 * with them) from the mini-program bundle.
 */
const Switcher: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? require('./DevIdentitySwitcher').DevIdentitySwitcher : null;
const GroupSimulator: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? require('./DevGroupSimulator').DevGroupSimulator : null;
const Clock: ComponentType | null = process.env.TARO_ENV === 'h5' ? require('./DevClock').DevClock : null;
const ScanSimulator: ComponentType | null = process.env.TARO_ENV === 'h5' ? require('./DevScanSimulator').DevScanSimulator : null;

export function DevDock() {
  return Switcher && GroupSimulator && Clock && ScanSimulator ? (
    <>
      <Switcher />
      <GroupSimulator />
      <Clock />
      <ScanSimulator />
    </>
  ) : null;
}
