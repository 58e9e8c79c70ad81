import { cloudPathIn, filesToAttach, newFile, type FileRecord, type FileUse } from './files';
import { Refusal } from './refusal';
import { shanghaiTime } from './time';

const NOW = shanghaiTime('2026-11-24 10:00').toDate();

describe('a new upload', () => {
  it.each([
    ['a photo', 'appealPhoto', 'IMG_0001.JPG', /^appeals\/202611\/t1\.jpg$/],
    ['a temp path with a query', 'workPhoto', 'wxfile://tmp/a.png?x=1', /^work\/202611\/t1\.png$/],
    ['a group QR', 'groupQr', 'qr.webp', /^groupqr\/202611\/t1\.webp$/],
    ['a registry sheet', 'registrySheet', '钢山街道网格台账.xlsx', /^imports\/202611\/t1\.xlsx$/],
  ] as const)('%s goes under its purpose’s folder and month (Asia/Shanghai), named by its token', (_, purpose, name, path) => {
    const file = newFile({ token: 't1', owner: 'res-1', purpose, name }, NOW);
    expect(file).toEqual({ _id: 't1', cloudPath: expect.stringMatching(path), owner: 'res-1', purpose, createdAt: NOW, attachedTo: null, attachedAt: null });
  });

  it('is filed by the month in Zoucheng, not in UTC (07:00 on 1 December there is still November in UTC)', () => {
    expect(newFile({ token: 't', owner: 'o', purpose: 'noticeImage', name: 'a.gif' }, shanghaiTime('2026-12-01 07:00').toDate()).cloudPath).toBe('notices/202612/t.gif');
  });

  it.each([
    ['a page as a photo', 'appealPhoto', 'page.html'],
    ['a photo as a sheet', 'registrySheet', 'sheet.jpg'],
    ['an old .xls workbook', 'registrySheet', 'old.xls'],
    ['no extension', 'groupQr', 'blob:http://x/abc'],
  ] as const)('refuses %s as INVALID_INPUT', (_, purpose, name) => {
    expect(() => newFile({ token: 't', owner: 'o', purpose, name }, NOW)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('the cloud path of a fileID', () => {
  it.each([
    ['this environment’s file', 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/appeals/202611/t.jpg', 'appeals/202611/t.jpg'],
    ['another environment’s file', 'cloud://other-env.6f74-other-env-1300000000/appeals/202611/t.jpg', null],
    ['an environment whose id starts the same', 'cloud://prod-1a2bX.1/appeals/t.jpg', null],
    ['no path', 'cloud://prod-1a2b.7072-prod-1a2b-1300000000', null],
    ['not a cloud file', 'https://example.com/appeals/t.jpg', null],
  ])('%s', (_, fileID, path) => {
    expect(cloudPathIn('prod-1a2b', fileID)).toBe(path);
  });
});

describe('who may use a file for what, where', () => {
  const appealA = { collection: 'appeals', id: 'a' } as const;
  const file = (over: Partial<FileRecord> = {}): FileRecord => ({
    _id: 'f1', cloudPath: 'appeals/202611/f1.jpg', owner: 'res-1', purpose: 'appealPhoto', createdAt: NOW, attachedTo: null, attachedAt: null, ...over,
  });
  const use: FileUse = { by: 'res-1', purpose: 'appealPhoto', record: appealA };
  const outcome = (stored: FileRecord[], as: FileUse = use, path: string | null = 'appeals/202611/f1.jpg') => {
    try {
      return filesToAttach([path], stored, as).map((f) => f._id);
    } catch (error) {
      return (error as Refusal).code;
    }
  };

  it.each([
    ['their own fresh upload for that purpose', [file()], use, ['f1']],
    ['their own upload already on this record (nothing more to attach)', [file({ attachedTo: appealA })], use, []],
    ['a colleague’s file already on this record', [file({ owner: 'st-2', attachedTo: appealA })], use, []],
    ['their own upload on another record', [file({ attachedTo: { collection: 'appeals', id: 'b' } })], use, 'FORBIDDEN'],
    ['their own upload on a record of another kind with the same id', [file({ attachedTo: { collection: 'notices', id: 'a' } })], use, 'FORBIDDEN'],
    ['someone else’s fresh upload', [file({ owner: 'res-2' })], use, 'FORBIDDEN'],
    ['their own upload for another purpose', [file({ purpose: 'registrySheet' })], use, 'FORBIDDEN'],
    ['a file nobody recorded', [], use, 'FORBIDDEN'],
  ] as const)('%s', (_, stored, as, expected) => {
    expect(outcome([...stored], as)).toEqual(expected);
  });

  it('a fileID of another environment is refused, whatever is recorded at its path', () => {
    expect(outcome([file()], use, null)).toBe('FORBIDDEN');
  });

  it('the same fresh file twice in one call is attached once', () => {
    expect(filesToAttach(['appeals/202611/f1.jpg', 'appeals/202611/f1.jpg'], [file()], use).map((f) => f._id)).toEqual(['f1']);
  });

  it('says in Chinese what is wrong, telling another person’s file and a missing one alike', () => {
    const message = (stored: FileRecord[]) => {
      try {
        filesToAttach(['appeals/202611/f1.jpg'], stored, use);
      } catch (error) {
        return (error as Refusal).message;
      }
    };
    expect(message([file({ owner: 'res-2' })])).toBe(message([]));
    expect(message([file({ owner: 'res-2' })])).toBe('只能使用您本人上传的诉求照片，请重新上传');
    expect(message([file({ purpose: 'noticeImage' })])).toBe('这个文件不是作为诉求照片上传的，请重新上传');
    expect(message([file({ attachedTo: { collection: 'appeals', id: 'b' } })])).toBe('这个文件已用在别处，请重新上传诉求照片');
  });
});
