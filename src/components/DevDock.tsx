import type { ComponentType } from 'react';

/**
 * H5 only: the demo identity switcher. The condition is a build-time constant, so webpack drops
 * the require (and the switcher with it) from the mini-program bundle.
 */
const Switcher: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? require('./DevIdentitySwitcher').DevIdentitySwitcher : null;

export function DevDock() {
  return Switcher ? <Switcher /> : null;
}
