import type { DB } from 'wx-server-sdk/index';
import type { TextVerdict } from '../domain/contentPolicy';

/** Who is calling, as the platform says: never taken from the event. */
export type Caller = { openid: string } | null;

export type Clock = { now(): Date };


export type SubscribeMessage = { touser: string; templateId: string; page: string; data: Record<string, { value: string }> };

/** The WeChat open APIs GridLink uses; each throws an error carrying `errCode` when WeChat refuses. */
export type WxApi = {
  sendSubscribe(message: SubscribeMessage): Promise<void>;
  /** msgSecCheck v2 for text a user wrote. */
  checkText(openid: string, content: string): Promise<TextVerdict>;
  /** mediaCheckAsync v2: the verdict comes later by message push; returns its trace id. */
  checkImage(openid: string, fileID: string): Promise<string>;
  /** cloud.getOpenData: what a CloudID holds, opened for the calling user; null when it does not open. */
  openData(cloudID: string): Promise<Record<string, unknown> | null>;
  /** wxacode.getUnlimited: the PNG of a mini-program code opening `page` with `scene` (≤ 32 characters). */
  miniProgramCode(scene: string, page: string): Promise<Buffer>;
};

/** Cloud storage: files the functions keep (mini-program codes) and links to hand them out. */
export type Files = {
  /** Stores `content` at `cloudPath`; returns its fileID. */
  put(cloudPath: string, content: Buffer): Promise<string>;
  /** A stored file's bytes. */
  get(fileID: string): Promise<Buffer>;
  /** Temporary download links, by fileID; a file without one is left out. */
  tempUrls(fileIDs: string[]): Promise<Map<string, string>>;
  /** The cloud path a fileID names in this environment's storage; null for any other environment's. */
  pathOf(fileID: string): string | null;
};

/** What a handler may touch, built once per invocation by `platform.ts` (or by a test). */
export type Ports = {
  caller: Caller;
  /** `wx_client` for a user's call, `wx_trigger` for a timer. */
  source: string;
  db: DB.Database;
  clock: Clock;
  wx: WxApi;
  files: Files;
};
