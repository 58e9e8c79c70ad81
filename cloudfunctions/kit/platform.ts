import cloud from 'wx-server-sdk';
import type { Ports } from './ports';

// The only module that touches wx-server-sdk. `DYNAMIC_CURRENT_ENV` keeps the env id out of
// the code: the cloud (or the local cloud) says which environment a call runs in. The SDK's
// own typings declare it a symbol that `init` does not accept, though `init` is built for it.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export function platformPorts(): Ports {
  const { OPENID } = cloud.getWXContext();
  return {
    caller: OPENID ? { openid: String(OPENID) } : null,
    db: cloud.database(),
    clock: { now: () => new Date() },
  };
}
