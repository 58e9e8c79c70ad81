/**
 * The variables that point the real wx-server-sdk at a local cloud (see
 * shared/notes-cloud-emulator.md): fake credentials (else an un-awaited credential check kills
 * Node), `TENCENTCLOUD` (else a metadata lookup on every call), the env name, and the endpoint.
 * Only loopback endpoints: nothing here may ever reach the real cloud.
 */
export function sdkEnvironment(adminUrl: string): Record<string, string> {
  const { hostname } = new URL(adminUrl);
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname)) throw new Error(`refusing a non-loopback cloud endpoint: ${adminUrl}`);
  return {
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: 'local-env',
    TCB_ENV: 'local-env',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
  };
}
