import { normalizeHost, parseHttpUrl } from "../cases/post-url";

/**
 * VK links as people paste them, and the links the connector writes. VK names a wall post by
 * its wall's owner (a community is negative: -123) and the post's number on that wall; the same
 * post opens from `vk.com/wall-123_456`, from a community page with `?w=wall-123_456`, on the
 * mobile site and on vk.ru. A comment is the post's link with `?reply=<comment id>`.
 */

/** VK's own hosts, compared after `www.`/`m.` are dropped (normalizeHost). */
const VK_HOSTS = new Set(["vk.com", "vk.ru"]);

/** `wall-123_456`, `wall123_456`: the owner (negative for a community) and the post. */
const WALL_POST = /^wall(-?\d{1,18})_(\d{1,18})$/u;
/** A community page by number: club123 (group), public123 (page), event123 (event). */
const COMMUNITY_PAGE = /^(?:club|public|event)(\d{1,18})$/u;

export interface TVkPostRef {
  /** The wall's owner: negative for a community, positive for a person. */
  ownerId: number;
  postId: number;
  /** Set when the link points at a comment of the post (`?reply=`). */
  commentId: number | null;
}

function toSafeInt(digits: string): number | null {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

function vkUrl(value: string): URL | null {
  const url = parseHttpUrl(value);
  if (url === null || !VK_HOSTS.has(normalizeHost(url.hostname))) return null;
  return url;
}

function wallPostOf(token: string | null | undefined): { ownerId: number; postId: number } | null {
  const match = WALL_POST.exec(token ?? "");
  if (!match) return null;
  const ownerId = toSafeInt(match[1] ?? "");
  const postId = toSafeInt(match[2] ?? "");
  if (ownerId === null || postId === null || ownerId === 0 || postId <= 0) return null;
  return { ownerId, postId };
}

/**
 * The wall post a VK link points at, or null for anything that is not a link to one post on
 * vk.com / vk.ru (a community page, a photo, another site, `vk.com.example.ru`).
 */
export function parseVkPostLink(value: string): TVkPostRef | null {
  const url = vkUrl(value);
  if (url === null) return null;
  const segments = url.pathname.split("/").filter(Boolean);
  // The post itself (vk.com/wall-1_2), or a post opened over another page (vk.com/club1?w=wall-1_2).
  const post = (segments.length === 1 ? wallPostOf(segments[0]) : null) ?? wallPostOf(url.searchParams.get("w"));
  if (post === null) return null;
  const reply = url.searchParams.get("reply");
  const commentId = reply !== null && /^\d{1,18}$/u.test(reply) ? toSafeInt(reply) : null;
  return { ...post, commentId: commentId !== null && commentId > 0 ? commentId : null };
}

/**
 * The community a VK page link names by number (vk.com/club123, /public123, /event123), or
 * null: a short name (vk.com/myasnikovsky) needs VK itself to resolve.
 */
export function parseVkCommunityLink(value: string): number | null {
  const url = vkUrl(value);
  if (url === null) return null;
  const segments = url.pathname.split("/").filter(Boolean);
  if (segments.length !== 1) return null;
  const match = COMMUNITY_PAGE.exec(segments[0] ?? "");
  const id = match ? toSafeInt(match[1] ?? "") : null;
  return id !== null && id > 0 ? id : null;
}

/**
 * The VK community of an official account: its recorded id (as an administrator may type it:
 * `123`, `-123`, `club123`, `public123`), else the number in its page link. Null when neither
 * names one.
 */
export function vkCommunityIdOf(account: { externalId: string | null; url: string }): number | null {
  const recorded = account.externalId?.trim() ?? "";
  const match = /^-?(?:club|public|event)?(\d{1,18})$/u.exec(recorded);
  if (match) {
    const id = toSafeInt(match[1] ?? "");
    if (id !== null && id > 0) return id;
  }
  return parseVkCommunityLink(account.url);
}

/** The canonical link of a wall post. */
export function vkPostUrl(ownerId: number, postId: number): string {
  return `https://vk.com/wall${ownerId}_${postId}`;
}

/** The link of a comment under a wall post, as VK itself shares it. */
export function vkCommentUrl(ownerId: number, postId: number, commentId: number): string {
  return `${vkPostUrl(ownerId, postId)}?reply=${commentId}`;
}

/** A key that is equal for two links to the same post, whatever their form. */
export function vkPostKey(ref: { ownerId: number; postId: number }): string {
  return `${ref.ownerId}_${ref.postId}`;
}
