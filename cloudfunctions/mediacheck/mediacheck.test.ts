import { openCloudDb, readAll } from '../../tests/support/cloudDb';
import { LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

const resident = 'resident-mediacheck';
const chief = 'demo-chief-GS-0102';

async function upload(name: string): Promise<string> {
  const res = await fetch(`${cloud.url}/api/dev/upload?name=${name}`, { method: 'POST', body: Buffer.from(`image ${name}`) });
  return ((await res.json()) as { data: { fileID: string } }).data.fileID;
}

async function traceIdOf(fileID: string): Promise<string> {
  const calls = (await (await fetch(`${cloud.url}/api/dev/outbox`)).json()) as Array<{ api: string; params: { media_url?: string }; reply: { trace_id: string } }>;
  const name = fileID.split('/').pop()!;
  const call = calls.find((c) => c.api === 'security.mediaCheckAsync' && c.params.media_url?.includes(name));
  return call!.reply.trace_id;
}

const push = async (event: object) => (await fetch(`${cloud.url}/api/dev/push/mediacheck`, { method: 'POST', body: JSON.stringify(event) })).json();

it('a photo WeChat later judges risky disappears from the appeal, and the other photos stay', async () => {
  const [bad, good] = [await upload('bad.jpg'), await upload('good.jpg')];
  const { body: filed } = await cloud.call(
    'appeal',
    { action: 'submit', gridCode: 'GS-0102', category: 'sanitation', content: '小区门口堆满了建筑垃圾', photos: [bad, good], requestId: 'media-check-1' },
    resident,
  );
  expect(filed.data.photos).toEqual([bad, good]);

  const reply = await push({ Event: 'wxa_media_check', trace_id: await traceIdOf(bad), result: { suggest: 'risky', label: 20002 } });
  expect(reply).toEqual({ ok: true, data: { hidden: 1 } });

  for (const who of [resident, chief]) {
    const { body } = await cloud.call('appeal', { action: 'detail', id: filed.data.id }, who);
    expect(body.data.photos).toEqual([good]);
  }
});

it('an image of a notice WeChat later judges risky disappears from the notice, with an audit record', async () => {
  const [bad, good] = [await upload('notice-bad.jpg'), await upload('notice-good.jpg')];
  const publish = { action: 'publish', scope: { kind: 'grid', id: 'grid-GS-0102' }, title: '楼道清理通知', body: '本周六上午统一清理楼道杂物', images: [bad, good], requestId: 'notice-media-1' };
  const { body: published } = await cloud.call('notice', publish, chief);
  expect(published.data.images).toEqual([bad, good]);

  const reply = await push({ Event: 'wxa_media_check', trace_id: await traceIdOf(bad), result: { suggest: 'risky', label: 20002 } });
  expect(reply).toEqual({ ok: true, data: { hidden: 1 } });
  const { body } = await cloud.call('notice', { action: 'detail', id: published.data.id }, resident);
  expect(body.data.images).toEqual([good]);
  const [record] = await readAll(openCloudDb(cloud.url), 'audit', { noticeId: published.data.id });
  expect(record).toMatchObject({ change: 'imageHidden', actor: { kind: 'system' }, before: { fileID: bad, hidden: false }, after: { fileID: bad, hidden: true } });
});

it('a passing verdict changes nothing', async () => {
  const photo = await upload('fine.jpg');
  const { body: filed } = await cloud.call(
    'appeal',
    { action: 'submit', gridCode: 'GS-0102', category: 'repair', content: '单元门禁坏了打不开', photos: [photo], requestId: 'media-check-2' },
    resident,
  );
  expect(await push({ Event: 'wxa_media_check', trace_id: await traceIdOf(photo), result: { suggest: 'pass' } })).toEqual({ ok: true, data: { hidden: 0 } });
  const { body } = await cloud.call('appeal', { action: 'detail', id: filed.data.id }, resident);
  expect(body.data.photos).toEqual([photo]);
});

it('refuses a verdict sent by a mini-program user', async () => {
  const { body } = await cloud.call('mediacheck', { Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'risky' } }, resident);
  expect(body.code).toBe('FORBIDDEN');
});
