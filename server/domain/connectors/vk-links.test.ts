import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseVkCommunityLink, parseVkPostLink, vkCommentUrl, vkCommunityIdOf, vkPostKey, vkPostUrl } from "./vk-links";

describe("parseVkPostLink", () => {
  it.each([
    ["https://vk.com/wall-123_456", -123, 456],
    ["https://vk.com/wall-123_456/", -123, 456],
    ["http://m.vk.com/wall-123_456", -123, 456],
    ["https://www.vk.ru/wall-123_456?utm_source=tg", -123, 456],
    ["https://vk.com/wall77_5", 77, 5],
    ["https://vk.com/club123?w=wall-123_456", -123, 456],
    ["https://vk.com/public123?w=wall-123_456", -123, 456],
    ["https://vk.com/feed?w=wall-1_2", -1, 2],
    ["https://VK.COM/wall-123_456", -123, 456],
  ])("reads %s as the post", (url, ownerId, postId) => {
    expect(parseVkPostLink(url)).toEqual({ ownerId, postId, commentId: null });
  });

  it("reads the comment of a comment link", () => {
    expect(parseVkPostLink("https://vk.com/wall-123_456?reply=789")).toEqual({
      ownerId: -123,
      postId: 456,
      commentId: 789,
    });
    expect(parseVkPostLink("https://vk.com/wall-123_456?reply=abc")?.commentId).toBeNull();
  });

  it.each([
    "https://vk.com/public123",
    "https://vk.com/club123",
    "https://vk.com/photo-1_2",
    "https://vk.com/wall-123",
    "https://vk.com/wall0_5",
    "https://vk.com/wall-1_0",
    "https://vk.com/some/wall-1_2",
    "https://vk.com.example.ru/wall-1_2",
    "https://evil-vk.com/wall-1_2",
    "https://ok.ru/wall-1_2",
    "javascript:alert(1)//vk.com/wall-1_2",
    "vk.com/wall-1_2",
    "https://vk.com/wall-99999999999999999999_1",
  ])("refuses %s", (url) => {
    expect(parseVkPostLink(url)).toBeNull();
  });

  it("reads back every link it writes, a comment link included", () => {
    const id = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(id, fc.boolean(), id, id, (owner, community, post, comment) => {
        const ownerId = community ? -owner : owner;
        expect(parseVkPostLink(vkPostUrl(ownerId, post))).toEqual({ ownerId, postId: post, commentId: null });
        expect(parseVkPostLink(vkCommentUrl(ownerId, post, comment))).toEqual({
          ownerId,
          postId: post,
          commentId: comment,
        });
        expect(vkPostKey(parseVkPostLink(`https://m.vk.ru/club${owner}?w=wall${ownerId}_${post}`)!)).toBe(
          vkPostKey({ ownerId, postId: post }),
        );
      }),
    );
  });
});

describe("VK communities", () => {
  it("reads a community's number from its page link", () => {
    expect(parseVkCommunityLink("https://vk.com/club123")).toBe(123);
    expect(parseVkCommunityLink("https://m.vk.com/public45")).toBe(45);
    expect(parseVkCommunityLink("https://vk.ru/event7/")).toBe(7);
    expect(parseVkCommunityLink("https://vk.com/myasnikovsky")).toBeNull();
    expect(parseVkCommunityLink("https://vk.com/club0")).toBeNull();
    expect(parseVkCommunityLink("https://ok.ru/club123")).toBeNull();
  });

  it("takes the account's recorded id as typed, else its page link", () => {
    expect(vkCommunityIdOf({ externalId: "123", url: "https://vk.com/adm" })).toBe(123);
    expect(vkCommunityIdOf({ externalId: " -123 ", url: "https://vk.com/adm" })).toBe(123);
    expect(vkCommunityIdOf({ externalId: "club5", url: "https://vk.com/adm" })).toBe(5);
    expect(vkCommunityIdOf({ externalId: null, url: "https://vk.com/public77" })).toBe(77);
    expect(vkCommunityIdOf({ externalId: "adm", url: "https://vk.com/public77" })).toBe(77);
    expect(vkCommunityIdOf({ externalId: null, url: "https://vk.com/adm" })).toBeNull();
    expect(vkCommunityIdOf({ externalId: "0", url: "https://vk.com/adm" })).toBeNull();
  });
});
