import { localGroupCloudID } from '../../src/services/devGroupEntry';
import { H5_CLOUD_ID_FIELD } from '../../types/groupChat';
import { localOpengid, resolveCloudIDs } from './openData';

const ref = (cloudID: string) => ({ [H5_CLOUD_ID_FIELD]: cloudID });

/** The platform's side of `wx.cloud.CloudID`, as the local cloud plays it for the H5 dev groups. */
describe('resolving CloudIDs in a client call’s event', () => {
  const id = localGroupCloudID('平阳一网格居民群', 'res-1');

  it('a top-level CloudID becomes { cloudID, data } with the group’s opengid', () => {
    expect(resolveCloudIDs({ action: 'groupEnter', code: 'GS-0101', group: ref(id) }, 'res-1')).toEqual({
      action: 'groupEnter',
      code: 'GS-0101',
      group: { cloudID: id, data: { opengid: localOpengid('平阳一网格居民群') } },
    });
  });

  it('one group is one opengid for everybody, shaped like WeChat’s; another group is another', () => {
    const a = localOpengid('A');
    expect(a).toMatch(/^tG[A-Za-z0-9_-]{26}$/);
    expect(resolveCloudIDs({ g: ref(localGroupCloudID('A', 'res-2')) }, 'res-2')).toEqual({ g: { cloudID: expect.any(String), data: { opengid: a } } });
    expect(localOpengid('B')).not.toBe(a);
  });

  it('an object merely shaped like an opened CloudID passes through as sent, as it would through the platform', () => {
    const forged = { cloudID: id, data: { opengid: 'tGforgedxxxxxxxxxxxxxxxxxxxx' } };
    expect(resolveCloudIDs({ group: forged }, 'res-1').group).toEqual(forged);
  });

  it('an id minted for someone else, or not minted here, is the platform’s error object', () => {
    expect(resolveCloudIDs({ group: ref(id) }, 'res-2').group).toEqual({ cloudID: id, errCode: -601007, errMsg: 'cloudID and calling user does not match' });
    expect(resolveCloudIDs({ group: ref('27_Ih-9vxDaOhIbh48Bdpk90DUk') }, 'res-1').group).toEqual({
      cloudID: '27_Ih-9vxDaOhIbh48Bdpk90DUk',
      errCode: -601005,
      errMsg: 'invalid cloudID',
    });
    expect(resolveCloudIDs({ group: ref('local-group.!!!') }, 'res-1').group).toMatchObject({ errCode: -601005 });
  });

  it('only top-level fields are resolved; strings and nested ids stay as sent', () => {
    const event = { group: id, nested: { group: ref(id) } };
    expect(resolveCloudIDs(event, 'res-1')).toEqual(event);
  });
});
