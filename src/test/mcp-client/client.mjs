// An independent MCP client for kb mcp, on the official TypeScript SDK. McpServerIT runs it as
//   node client.mjs '<server command as a JSON array>'
// It prints one line per check ("ok ..." or "FAIL ...") and exits 1 if any check failed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [command, ...args] = JSON.parse(process.argv[2]);
const transport = new StdioClientTransport({ command, args, stderr: "pipe" });
const stderr = [];
transport.stderr?.on("data", (d) => stderr.push(d.toString()));
let failures = 0;
const check = (ok, what, detail) => {
  console.log((ok ? "ok   " : "FAIL ") + what + (ok ? "" : ": " + JSON.stringify(detail)));
  if (!ok) failures++;
};
const text = (r) => (r.content ?? []).map((c) => c.text ?? "").join("");

const client = new Client({ name: "kb-mcp-it", version: "1.0.0" });
try {
  await client.connect(transport);
  check(client.getServerVersion()?.name === "kb", "initialize names the server kb", client.getServerVersion());

  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  check(JSON.stringify(names) === JSON.stringify(
      ["document_contents", "list_documents", "query", "read_page", "search", "status"]),
      "tools/list offers the six tools", names);
  check(tools.every((t) => t.annotations?.readOnlyHint === true), "every tool is read-only", tools.map((t) => t.annotations));

  const search = await client.callTool({ name: "search", arguments: { query: "Fresnel lens lantern", limit: 3 } });
  const first = search.structuredContent?.results?.[0];
  check(!search.isError && text(search).includes("guide.pdf") && first?.page === 3
      && first?.wikilink === "[[sources/guide]]" && first?.path === "wiki/sources/guide.md",
      "search finds the page with its wikilink and path", search);

  const page = await client.callTool({ name: "read_page", arguments: { page: first?.wikilink ?? "", source_page: first?.page ?? 1 } });
  check(!page.isError && text(page).includes("Fresnel") && !text(page).includes("Thomas Marwick"),
      "read_page reads the result's page by wikilink", page);

  const lines = await client.callTool({ name: "read_page", arguments: { page: "wiki/sources/ferries.md", offset: 3, limit: 1 } });
  check(!lines.isError && text(lines).includes("lines 3–3 of") && text(lines).includes("morning ferry"),
      "read_page reads a stretch of lines by path", lines);

  const answer = await client.callTool({ name: "query", arguments: { question: "Who built the Skerry Light?" } });
  check(!answer.isError && answer.structuredContent?.answered === true
      && answer.structuredContent?.citations?.[0]?.page === 2, "query answers with a citation to page 2", answer);

  const docs = await client.callTool({ name: "list_documents", arguments: {} });
  check(!docs.isError && text(docs).startsWith("2 documents") && text(docs).includes("[[summaries/guide]]"),
      "list_documents lists both documents", docs);
  const contents = await client.callTool({ name: "document_contents", arguments: { doc: "guide" } });
  check(!contents.isError && text(contents).includes("The lantern (page 3)"), "document_contents lists the sections", contents);
  const status = await client.callTool({ name: "status", arguments: {} });
  check(!status.isError && text(status).includes("Documents: 2"), "status", status);

  const missing = await client.callTool({ name: "read_page", arguments: { page: "sources/no-such-page" } });
  check(missing.isError === true && text(missing).includes("no page 'sources/no-such-page'"),
      "a missing page is a tool error", missing);
  const outside = await client.callTool({ name: "read_page", arguments: { page: "../.kb/config.yaml" } });
  check(outside.isError === true, "a path outside the wiki is a tool error", outside);
  const badArgs = await client.callTool({ name: "search", arguments: { limit: "x" } });
  check(badArgs.isError === true, "bad arguments are a tool error", badArgs);
  const noDoc = await client.callTool({ name: "document_contents", arguments: { doc: "nothing-like-it" } });
  check(noDoc.isError === true && text(noDoc).includes("no document matches"), "an unknown document is a tool error", noDoc);

  const again = await client.callTool({ name: "status", arguments: {} });
  check(!again.isError, "the server still answers after the errors", again);
} catch (e) {
  check(false, "the session ran to the end", String(e?.stack ?? e));
} finally {
  await client.close();
}
if (failures > 0) {
  console.log("server stderr:\n" + stderr.join(""));
}
process.exit(failures === 0 ? 0 : 1);
