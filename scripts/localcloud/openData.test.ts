import { localGroupCloudID } from '../../src/services/devGroupEntry';
import { localOpengid, resolveCloudIDs } from './openData';

/** The platform's side of `wx.cloud.CloudID`, as the local cloud plays it for the H5 dev groups. */
describe('resolving CloudIDs in a client call’s event', () => {
  const id = localGroupCloudID('平阳一网格居民群', 'res-1');

  it('a top-level CloudID becomes { cloudID, data } with the group’s opengid', () => {
    expect(resolveCloudIDs({ action: 'groupEnter', code: 'GS-0101', group: { cloudID: id } }, 'res-1')).toEqual({
      action: 'groupEnter',
      code: 'GS-0101',
      group: { cloudID: id, data: { opengid: localOpengid('平阳一网格居民群') } },
    });
  });

  it('one group is one opengid for everybody, shaped like WeChat’s; another group is another', () => {
    const a = localOpengid('A');
    expect(a).toMatch(/^tG[A-Za-z0-9_-]{26}$/);
    expect(resolveCloudIDs({ g: { cloudID: localGroupCloudID('A', 'res-2') } }, 'res-2')).toEqual({ g: { cloudID: expect.any(String), data: { opengid: a } } });
    expect(localOpengid('B')).not.toBe(a);
  });

  it('data the client sent along with the id is thrown away', () => {
    const event = resolveCloudIDs({ group: { cloudID: id, data: { opengid: 'tGforgedxxxxxxxxxxxxxxxxxxxx' } } }, 'res-1');
    expect(event.group).toEqual({ cloudID: id, data: { opengid: localOpengid('平阳一网格居民群') } });
  });

  it('an id minted for someone else, or not minted here, is the platform’s error object', () => {
    expect(resolveCloudIDs({ group: { cloudID: id } }, 'res-2').group).toEqual({ cloudID: id, errCode: -601007, errMsg: 'cloudID and calling user does not match' });
    expect(resolveCloudIDs({ group: { cloudID: '27_Ih-9vxDaOhIbh48Bdpk90DUk' } }, 'res-1').group).toEqual({
      cloudID: '27_Ih-9vxDaOhIbh48Bdpk90DUk',
      errCode: -601005,
      errMsg: 'invalid cloudID',
    });
    expect(resolveCloudIDs({ group: { cloudID: 'local-group.!!!' } }, 'res-1').group).toMatchObject({ errCode: -601005 });
  });

  it('only top-level fields are resolved; strings and nested ids stay as sent', () => {
    const event = { group: id, nested: { group: { cloudID: id } } };
    expect(resolveCloudIDs(event, 'res-1')).toEqual(event);
  });
});
