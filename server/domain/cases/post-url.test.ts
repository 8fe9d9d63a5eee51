import { describe, expect, it } from "vitest";
import { findThreadKey, normalizeHost, normalizePostUrl, parseHttpUrl } from "./post-url";

describe("post links", () => {
  it("compares the same post pasted in different ways as equal", () => {
    const forms = [
      "https://vk.com/wall-123_456",
      "http://www.vk.com/wall-123_456/",
      "https://m.vk.com/wall-123_456?utm_source=share&utm_medium=copy",
      "https://VK.com/wall-123_456#comments",
      "https://vk.com/wall-123_456?fbclid=abc&ysclid=x1",
    ];
    for (const form of forms) expect(normalizePostUrl(form)).toBe("vk.com/wall-123_456");
  });

  it("keeps parameters that name the post, in a stable order", () => {
    expect(normalizePostUrl("https://vk.com/feed?z=photo1_2&w=wall-1_2")).toBe("vk.com/feed?w=wall-1_2&z=photo1_2");
    expect(normalizePostUrl("https://ok.ru/dk?st.cmd=x&utm_campaign=y")).toBe("ok.ru/dk?st.cmd=x");
  });

  it("a link to a comment belongs to the post's thread", () => {
    expect(findThreadKey("https://vk.com/wall-123_456?reply=789&thread=700")).toBe("vk.com/wall-123_456");
    expect(normalizePostUrl("https://vk.com/wall-123_456?reply=789")).toBe("vk.com/wall-123_456?reply=789");
  });

  it("refuses what is not an http(s) link", () => {
    expect(normalizePostUrl("javascript:alert(1)")).toBeNull();
    expect(findThreadKey("not a url")).toBeNull();
    expect(parseHttpUrl("ftp://vk.com")).toBeNull();
  });

  it("normalises hosts but never strips a host down to its top-level domain", () => {
    expect(normalizeHost("WWW.M.VK.COM.")).toBe("vk.com");
    expect(normalizeHost("m.me")).toBe("m.me");
    expect(normalizeHost("www.ru")).toBe("www.ru");
  });
});
