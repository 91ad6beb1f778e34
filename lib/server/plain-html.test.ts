import { describe, expect, it } from "vitest";
import { withoutClientRuntime } from "./plain-html.mjs";
import { storedValue } from "./cache-handler.mjs";

// the shape of a Next 16 App Router page's HTML (abridged from a real KPI page)
const page = [
  '<!DOCTYPE html><html lang="ja"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  '<script src="/_next/static/chunks/poly.js" noModule=""></script>',
  '<title>No 6 | KPI</title><link rel="icon" href="/favicon.ico"/>',
  '<script type="application/ld+json">{"@type":"Dataset"}</script>',
  '</head><body><main><h1>県が育成した防災士の資格取得者数</h1><a href="/orgs">団体一覧</a>',
  '<svg viewBox="0 0 360 290" role="img"><title>推移</title><circle cx="1" cy="2" r="4"></circle></svg></main>',
  '<script data-without-runtime="">(function () { document.getElementById("filter-division"); })();</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script>"])</script>',
  "</body></html>",
].join("");

describe("the signed-out readers' copies as plain HTML", () => {
  it("keep the content, the styles and data blocks, and lose Next's scripts and their preloads", () => {
    const plain = withoutClientRuntime(page)!;
    expect(plain).not.toMatch(/<script(?![^>]*(application\/ld\+json|data-without-runtime))/);
    expect(plain).toContain('<script data-without-runtime="">(function () { document.getElementById("filter-division"); })();</script>');
    expect(plain).not.toContain("__next_f");
    expect(plain).not.toContain('as="script"');
    expect(plain).toContain('<script type="application/ld+json">{"@type":"Dataset"}</script>');
    expect(plain).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(plain).toContain("<h1>県が育成した防災士の資格取得者数</h1>");
    expect(plain).toContain('<circle cx="1" cy="2" r="4"></circle></svg></main>');
    expect(plain.endsWith("</script></body></html>")).toBe(true);
  });

  it("read attribute names whole: data-src or data-type do not make Next's script a data block or a foreign one", () => {
    const html = '<html><head><script data-type="application/ld+json" src="/_next/a.js" async=""></script><script data-src="https://example.jp/x.js" src="/_next/b.js"></script><script type="application/ld+json" data-x="1">{}</script></head><body></body></html>';
    expect(withoutClientRuntime(html)).toBe('<html><head><script type="application/ld+json" data-x="1">{}</script></head><body></body></html>');
  });

  it("leave a page alone whose content a script still has to reveal (a Suspense boundary streamed out of order)", () => {
    const streamed = page.replace("</main>", '</main><div hidden id="S:0"><p>後から届いた内容</p></div><script>$RC("B:0","S:0")</script>');
    expect(withoutClientRuntime(streamed)).toBeNull();
    expect(withoutClientRuntime(page.replace("<main>", "<main><template id=\"B:0\"></template>"))).toBeNull();
  });

  it("are what the cache handler stores for /anonymous/ pages only; other pages and data keep their scripts", () => {
    const entry = { kind: "APP_PAGE", html: page, rscData: Buffer.from("x"), headers: {}, status: 200 };
    // Next 16's key of a page entry (the hash is the build's)
    const anonymous = storedValue("/route-cache/APP_PAGE/d3ab4ce85e7941e6/$/anonymous/orgs/430005/plans/kumamoto-2020/measures/6", entry) as typeof entry;
    expect(anonymous.html).toBe(withoutClientRuntime(page));
    expect(anonymous.rscData).toBe(entry.rscData); // a client-side navigation of a reader with JavaScript still gets its payload
    expect((storedValue("/anonymous/home/default", entry) as typeof entry).html).toBe(withoutClientRuntime(page));
    expect(storedValue("/route-cache/APP_PAGE/d3ab4ce85e7941e6/$/orgs/430005/plans/kumamoto-2020", entry)).toBe(entry);
    expect(storedValue("/route-cache/APP_PAGE/d3ab4ce85e7941e6/$/accessibility", entry)).toBe(entry);
    const datum = { kind: "FETCH", data: { body: "<script>x</script>" } };
    expect(storedValue("/anonymous/x", datum)).toBe(datum);
  });
});
