import { devOutbox, uploadPhoto } from '../../tests/support/appealKit';
import { openCloudDb, readAll } from '../../tests/support/cloudDb';
import { LocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud.stop());

const resident = 'resident-mediacheck';
const chief = 'demo-chief-GS-0102';

async function traceIdOf(fileID: string): Promise<string> {
  const name = fileID.split('/').pop()!;
  const call = (await devOutbox(cloud)).find((c) => c.api === 'security.mediaCheckAsync' && c.params.media_url?.includes(name));
  return call!.reply.trace_id;
}

const push = async (event: object) => (await fetch(`${cloud.url}/api/dev/push/mediacheck`, { method: 'POST', body: JSON.stringify(event) })).json();

it('a photo WeChat later judges risky disappears from the appeal, and the other photos stay', async () => {
  const [bad, good] = [await uploadPhoto(cloud, resident, 'appealPhoto', 'bad.jpg'), await uploadPhoto(cloud, resident, 'appealPhoto', 'good.jpg')];
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
  const [bad, good] = [await uploadPhoto(cloud, chief, 'noticeImage', 'notice-bad.jpg'), await uploadPhoto(cloud, chief, 'noticeImage', 'notice-good.jpg')];
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

it('a staff reply or resolution photo WeChat later judges risky disappears from the timeline for everyone, with an audit record', async () => {
  const db = openCloudDb(cloud.url);
  const { body: filed } = await cloud.call(
    'appeal',
    { action: 'submit', gridCode: 'GS-0102', category: 'sanitation', content: '楼道里的杂物一直没人清理', requestId: 'media-check-work' },
    resident,
  );
  const [replyBad, replyGood, resolveBad] = [
    await uploadPhoto(cloud, chief, 'workPhoto', 'reply-bad.jpg'),
    await uploadPhoto(cloud, chief, 'workPhoto', 'reply-good.jpg'),
    await uploadPhoto(cloud, chief, 'workPhoto', 'resolve-bad.jpg'),
  ];
  await cloud.call('appeal', { action: 'reply', id: filed.data.id, text: '明早到现场清理', photos: [replyBad, replyGood] }, chief);
  await cloud.call('appeal', { action: 'resolve', id: filed.data.id, note: '已清理完毕', photos: [resolveBad] }, chief);
  const [stored] = await readAll(db, 'appeals', { _id: filed.data.id });
  expect(stored.media).toEqual([replyBad, replyGood, resolveBad].map((fileID) => ({ fileID, traceId: expect.stringMatching(/\S/), hidden: false })));

  for (const bad of [replyBad, resolveBad]) {
    expect(await push({ Event: 'wxa_media_check', trace_id: await traceIdOf(bad), result: { suggest: 'risky', label: 20002 } })).toEqual({ ok: true, data: { hidden: 1 } });
  }
  for (const who of [resident, chief]) {
    const { body } = await cloud.call('appeal', { action: 'detail', id: filed.data.id }, who);
    const photosOf = (type: string) => body.data.timeline.find((e: { type: string }) => e.type === type).photos;
    expect([photosOf('replied'), photosOf('resolved')]).toEqual([[replyGood], []]);
  }
  const audits = await readAll(db, 'audit', { appealId: filed.data.id });
  expect(audits.map((a) => a.after.fileID).sort()).toEqual([replyBad, resolveBad].sort());
  expect(audits.map((a) => [a.change, a.after.hidden])).toEqual([['photoHidden', true], ['photoHidden', true]]);
});

it('a check-in’s work photo WeChat later judges risky is hidden on the check-in and never attached again, with an audit record', async () => {
  const db = openCloudDb(cloud.url);
  const [bad, good] = [await uploadPhoto(cloud, chief, 'workPhoto', 'patrol-bad.jpg'), await uploadPhoto(cloud, chief, 'workPhoto', 'patrol-good.jpg')];
  const { body: made } = await cloud.call('presence', { action: 'checkIn', kind: 'patrol', scanned: 'g=GS-0102', location: null, photos: [bad, good] }, chief);
  expect(made.ok).toBe(true);

  const reply = await push({ Event: 'wxa_media_check', trace_id: await traceIdOf(bad), result: { suggest: 'risky', label: 20002 } });
  expect(reply).toEqual({ ok: true, data: { hidden: 1 } });
  const [stored] = await readAll(db, 'checkins', { _id: made.data.id });
  expect(stored.photos.map((p: { fileID: string; hidden: boolean }) => [p.fileID, p.hidden])).toEqual([
    [bad, true],
    [good, false],
  ]);
  const [record] = await readAll(db, 'audit', { checkinId: made.data.id });
  expect(record).toMatchObject({ change: 'photoHidden', actor: { kind: 'system' }, before: { fileID: bad, hidden: false }, after: { fileID: bad, hidden: true } });
  const again = await cloud.call('presence', { action: 'checkIn', kind: 'patrol', scanned: 'g=GS-0102', location: null, photos: [bad] }, chief);
  expect(again.body).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('未通过微信安全检测') });
});

describe('a grid’s group QR', () => {
  const code = 'GS-0103';
  const gridChief = `demo-chief-${code}`;
  const groupChat = async () => (await cloud.call('grid', { action: 'resolve', code }, resident)).body.data.groupChat;

  it('goes to WeChat’s media check when set, and disappears from the grid page once judged risky, with an audit record', async () => {
    const qr = await uploadPhoto(cloud, gridChief, 'groupQr', 'group-bad.jpg');
    expect((await cloud.call('grid', { action: 'setGroupChat', code, kind: 'qr', fileID: qr }, gridChief)).body).toMatchObject({ ok: true });
    expect(await groupChat()).toMatchObject({ kind: 'qr', image: qr });

    const traceId = await traceIdOf(qr);
    expect(await push({ Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'risky', label: 20002 } })).toEqual({ ok: true, data: { hidden: 1 } });
    expect(await groupChat()).toBeNull();
    expect((await cloud.call('grid', { action: 'resolve', code }, gridChief)).body.data.groupChat).toBeNull();
    const db = openCloudDb(cloud.url);
    const [grid] = await readAll(db, 'grids', { code });
    expect(grid.groupChat).toMatchObject({ fileID: qr, traceId, hidden: true });
    const [record] = await readAll(db, 'audit', { gridId: grid._id });
    expect(record).toMatchObject({ change: 'groupQrHidden', actor: { kind: 'system' }, before: { fileID: qr, hidden: false }, after: { fileID: qr, hidden: true } });
  });

  it('a late verdict on a QR already replaced hides nothing: the new QR stays', async () => {
    const [old, fresh] = [await uploadPhoto(cloud, gridChief, 'groupQr', 'group-old.jpg'), await uploadPhoto(cloud, gridChief, 'groupQr', 'group-new.jpg')];
    await cloud.call('grid', { action: 'setGroupChat', code, kind: 'qr', fileID: old }, gridChief);
    await cloud.call('grid', { action: 'setGroupChat', code, kind: 'qr', fileID: fresh }, gridChief);
    expect(await push({ Event: 'wxa_media_check', trace_id: await traceIdOf(old), result: { suggest: 'risky', label: 20002 } })).toEqual({ ok: true, data: { hidden: 0 } });
    expect(await groupChat()).toMatchObject({ kind: 'qr', image: fresh });
  });
});

it('a passing verdict changes nothing', async () => {
  const photo = await uploadPhoto(cloud, resident, 'appealPhoto', 'fine.jpg');
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
