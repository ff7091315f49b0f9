package org.osceclassify.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads files as UTF-8 and refuses anything else, naming the line of the first bad byte: invalid UTF-8 is
 * reported, never silently replaced, and a file with NUL bytes is taken for a binary file, not a document.
 * A leading byte-order mark is dropped.
 */
final class StrictUtf8 {

    private static final char BOM = '\uFEFF';

    private StrictUtf8() {
    }

    static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * {@code bytes} decoded as UTF-8; when they are not valid UTF-8, an error naming {@code source} and the line of
     * the first bad byte, as for a file.
     */
    static String decode(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder().decode(in, out, true).isError()) {
            throw invalid(source, bytes, in.position(), "input", "");
        }
        return out.flip().toString();
    }

    /** The whole text of a small file such as a scraped page. */
    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        checkNotBinary(file, bytes, bytes.length);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder().decode(in, out, true);
        if (result.isError()) {
            throw invalid(file, bytes, in.position());
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /**
     * A reader over a large file, decoding strictly as it goes: a decoding error surfaces as a
     * {@link java.nio.charset.CharacterCodingException}, which {@link #invalidAt(Path)} turns into a message
     * with the right line. The first few kilobytes are checked for NUL bytes before anything is read.
     */
    static Reader open(Path file) {
        try {
            byte[] head;
            try (var in = Files.newInputStream(file)) {
                head = in.readNBytes(8192);
            }
            checkNotBinary(file, head, head.length);
            BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder()));
            try {
                reader.mark(1);
                int first = reader.read();
                if (first != BOM && first != -1) {
                    reader.reset();
                }
                return reader;
            } catch (IOException e) {
                reader.close();
                throw e;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw invalidAt(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** The error for the first invalid UTF-8 sequence of a file, found by decoding it again from the start. */
    static CorpusException invalidAt(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CoderResult result = decoder().decode(in, CharBuffer.allocate(bytes.length), true);
            return result.isError() ? invalid(file, bytes, in.position())
                    : new CorpusException(Origin.of(file.toString()), "not valid UTF-8");
        } catch (IOException e) {
            return cannotRead(file, e);
        }
    }

    static CorpusException cannotRead(Path file, IOException e) {
        Origin origin = Origin.of(file.toString());
        if (e instanceof NoSuchFileException) {
            return new CorpusException(origin, "no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new CorpusException(origin, "cannot read: permission denied");
        }
        if (Files.isDirectory(file)) {
            return new CorpusException(origin, "is a directory, not a file");
        }
        return new CorpusException(origin, "cannot read: " + e.getMessage(), e);
    }

    private static void checkNotBinary(Path file, byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                throw new CorpusException(Origin.of(file.toString(), lineOf(bytes, i)),
                        "binary file (NUL byte), not UTF-8 text");
            }
        }
    }

    private static CorpusException invalid(Path file, byte[] bytes, int offset) {
        return invalid(file.toString(), bytes, offset, "file", "; save the file as UTF-8");
    }

    private static CorpusException invalid(String source, byte[] bytes, int offset, String whole, String advice) {
        return new CorpusException(Origin.of(source, lineOf(bytes, offset)),
                offset < bytes.length
                        ? String.format("invalid UTF-8 (byte 0x%02X)", bytes[offset] & 0xFF) + advice
                        : "invalid UTF-8 (truncated at the end of the " + whole + ")" + advice);
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
