/**
 * Open data sent as a CloudID (`getGroupEnterInfo`'s), without zod: the app's cloud client, in the
 * mini-program's main package, marks it; groupChat.ts re-exports both names.
 */

/**
 * How the H5 build marks a CloudID for the local cloud (the mini-program's `wx.cloud.CloudID` has
 * its own): only an object with this field is opened; any other object, even one shaped like an
 * opened CloudID, reaches the function as sent, as it would through the platform.
 */
export const H5_CLOUD_ID_FIELD = 'cloudIDRef';

declare const sealedCloudID: unique symbol;
/** What `cloudID()` of the app's cloud client returns: only the platform may open it. */
export type SealedCloudID = { readonly [sealedCloudID]: true };
