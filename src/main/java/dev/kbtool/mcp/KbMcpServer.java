package dev.kbtool.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.session.KbServices;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * kb's tools served over the Model Context Protocol on stdio, with the official MCP Java SDK.
 * The protocol owns the output stream: nothing else may write there. The server answers until
 * the client closes its input.
 */
public final class KbMcpServer {
    static final String INSTRUCTIONS = "A kb knowledge base: a wiki compiled from documents (PDF, Markdown, HTML,"
            + " DOCX, CSV, text) with a summary per document, concept and entity pages, and each document's text."
            + " Use search to find passages, query for an answer with citations, read_page to read a page or a"
            + " search result (by wikilink or path), list_documents and document_contents to browse, status for an"
            + " overview. Everything is read-only. Cite answers by document and page, with the wikilink.";

    private final KbServices kb;
    private final String version;

    public KbMcpServer(KbServices kb, String version) {
        this.kb = kb;
        this.version = version;
    }

    /** Serves until {@code in} ends, writing the protocol (and only it) to {@code out}. */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return ended(super.read(buffer, offset, length));
            }

            private int ended(int n) {
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        // A fresh default mapper, as the SDK expects: kb's own mappers are configured for pages.
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, watched, out);
        List<SyncToolSpecification> tools = new ArrayList<>();
        for (KbTools.Tool t : new KbTools(kb).all()) {
            tools.add(SyncToolSpecification.builder()
                    .tool(Tool.builder(t.name(), t.schema()).description(t.description())
                            .annotations(new ToolAnnotations(null, true, false, true, false, null)).build())
                    .callHandler((exchange, request) -> result(KbTools.run(t, request.arguments())))
                    .build());
        }
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("kb", version)
                .instructions(INSTRUCTIONS)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .tools(tools)
                .build();
        try {
            closed.await();
        } finally {
            server.closeGracefully();
        }
    }

    private static CallToolResult result(KbTools.Reply reply) {
        CallToolResult.Builder b = CallToolResult.builder().addTextContent(reply.text()).isError(reply.error());
        if (reply.structured() != null) {
            b.structuredContent(reply.structured());
        }
        return b.build();
    }
}
