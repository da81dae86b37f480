import { describe, expect, it } from "vitest";
import { html } from "./html";

describe("html template", () => {
  it("escapes user text and keeps nested fragments", () => {
    const comment = `<script>alert("x")</script> & 'co'`;
    const row = html`<td>${comment}</td>`;
    expect(html`<tr>${row}</tr>`.toString()).toBe("<tr><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</td></tr>");
  });
  it("renders lists and skips empty values", () => {
    expect(html`<ul>${["a<", "b"].map((item) => html`<li>${item}</li>`)}${null}${false}</ul>`.toString()).toBe("<ul><li>a&lt;</li><li>b</li></ul>");
  });
});
