package org.osceclassify.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/**
 * Reading request bodies within limits: the media type is checked first (415), a declared length over the limit is
 * refused before a byte is read, and a body without a length is counted as it streams in (413 either way), so an
 * oversized upload never fills the heap.
 */
final class Bodies {

    private Bodies() {
    }

    /** The request's media type, lower case, without parameters such as {@code charset}; empty when none. */
    static String mediaType(Context ctx) {
        String type = ctx.contentType();
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** @throws ApiException 415 unless the request is {@code application/json} */
    static void requireJson(Context ctx) {
        if (!mediaType(ctx).equals("application/json")) {
            throw ApiException.unsupportedType("expected Content-Type: application/json, got "
                    + (mediaType(ctx).isEmpty() ? "none" : mediaType(ctx)));
        }
    }

    /** The body as a stream that fails with 413 past {@code limit} bytes. */
    static InputStream limited(Context ctx, long limit) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            drain(ctx.req().getInputStream());
            throw tooLarge(limit);
        }
        return new Limited(ctx.req().getInputStream(), limit);
    }

    /** Parses the body as one JSON value, within {@code limit} bytes. @throws ApiException 400 or 413 */
    static JsonNode json(Context ctx, long limit) throws IOException {
        try (InputStream in = limited(ctx, limit)) {
            JsonNode node = ClassificationJson.MAPPER.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("the body is empty: expected a JSON document");
            }
            return node;
        } catch (JacksonException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** How much of a refused body is read and dropped, so that a client still sending it receives the 413. */
    private static final long DRAIN = 16L * 1024 * 1024;

    /**
     * Reads and drops up to 16 MB of a refused body: a server that answers and closes while the client is still
     * writing makes many clients (java.net.http among them) see a broken connection instead of the 413.
     */
    private static void drain(InputStream in) {
        try {
            byte[] buffer = new byte[64 * 1024];
            long dropped = 0;
            for (int n; dropped < DRAIN && (n = in.read(buffer)) > 0; ) {
                dropped += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    static ApiException tooLarge(long limit) {
        return ApiException.tooLarge("the body is larger than the limit of " + limit + " bytes");
    }

    /** Counts bytes as they are read and fails past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                drain(in);
                throw tooLarge(limit);
            }
        }
    }
}
