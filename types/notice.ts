import * as z from 'zod/mini';
import { Cursor, FileId, RequestId } from './appeal';
import { GridCode } from './grid';
import { typedText } from './typedText';

/** Limits staff see while typing; the notice function enforces the same numbers. */
export const NOTICE_LIMITS = {
  titleMax: 40,
  bodyMax: 2000,
  imagesMax: 9,
  pageSize: 20,
  /** How much of the body a list shows. */
  excerpt: 60,
} as const;

const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '编号格式不正确' }));

/** Who a notice is for: one grid, every grid of a community, or every grid of a street. */
export const NOTICE_SCOPE_KINDS = ['grid', 'community', 'street'] as const;
export const NoticeScopeKind = z.enum(NOTICE_SCOPE_KINDS);
export type NoticeScopeKind = z.infer<typeof NoticeScopeKind>;

/** How a scope reads on the publish form, before the server names the place. */
export const NOTICE_SCOPE_CHOICES: Record<NoticeScopeKind, string> = {
  grid: '本网格',
  community: '本社区全部网格',
  street: '本街道全部网格',
};

export const NoticeScope = z.object({ kind: NoticeScopeKind, id: Id });
export type NoticeScope = z.infer<typeof NoticeScope>;

export const PublishNoticeInput = z.object({
  scope: NoticeScope,
  title: typedText('标题', NOTICE_LIMITS.titleMax, { shape: 'line' }),
  body: typedText('正文', NOTICE_LIMITS.bodyMax),
  images: z._default(
    z.array(FileId).check(z.maxLength(NOTICE_LIMITS.imagesMax, { error: `最多上传 ${NOTICE_LIMITS.imagesMax} 张图片` })),
    [],
  ),
  pinned: z._default(z.boolean(), false),
  /** Made once per form by the app: a publish retried after a lost reply finds the first notice. */
  requestId: z.optional(RequestId),
});
export type PublishNoticeInput = z.input<typeof PublishNoticeInput>;

export const ListNoticesInput = z.object({ gridCode: GridCode, cursor: z.optional(Cursor) });
export const NoticeRef = z.object({ id: Id });

/** A notice in a grid's list ("全部通知"). */
export type NoticeItem = {
  id: string;
  title: string;
  excerpt: string;
  pinned: boolean;
  publishedAt: string;
  /** e.g. "平阳社区第一网格", "平阳社区全体网格", "钢山街道全体网格". */
  scopeLabel: string;
  reads: number;
};

export type NoticeDetail = {
  id: string;
  title: string;
  body: string;
  images: string[];
  pinned: boolean;
  publishedAt: string;
  author: { name: string; title: string } | null;
  scope: { kind: NoticeScopeKind; id: string; label: string };
  /** How many people have read it, each counted once (anonymous readers are not counted). */
  reads: number;
  /** What the caller may do: the author and staff above the notice's scope may take it down. */
  can: Array<'unpublish'>;
};
