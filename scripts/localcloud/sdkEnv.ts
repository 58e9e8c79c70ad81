/**
 * The one place that points the real wx-server-sdk at a local cloud (see
 * shared/notes-cloud-emulator.md), for the function runner, the tests' database client, the
 * SDK harness and the bench alike: fake credentials (else an un-awaited credential check kills
 * Node), `TENCENTCLOUD` (else a metadata lookup on every call), the env name, and the endpoint.
 * Only loopback endpoints: nothing here may ever reach the real cloud.
 */
export const LOCAL_ENV_ID = 'local-env';

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]', '::1'];

/** `TCB_CONTEXT_CNFG`'s value for an endpoint; throws for anything but loopback. */
export function sdkEndpoint(adminUrl: string): string {
  const { hostname } = new URL(adminUrl);
  if (!LOOPBACK.includes(hostname)) throw new Error(`refusing a non-loopback cloud endpoint: ${adminUrl}`);
  return JSON.stringify({ URL: adminUrl });
}

/** Every variable the SDK reads, for `adminUrl` (`http://127.0.0.1:<port>/admin[/c/<callId>]`). */
export function sdkEnvironment(adminUrl: string): Record<string, string> {
  return {
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: LOCAL_ENV_ID,
    TCB_ENV: LOCAL_ENV_ID,
    TCB_CONTEXT_CNFG: sdkEndpoint(adminUrl),
  };
}
