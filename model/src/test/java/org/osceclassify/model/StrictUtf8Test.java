package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text given as bytes")
class StrictUtf8Test {

    @Test
    @DisplayName("valid UTF-8 decodes to its text")
    void validUtf8() {
        assertEquals("Café talks, Київ", Corpora.decodeUtf8("Café talks, Київ".getBytes(StandardCharsets.UTF_8),
                "<stdin>"));
    }

    @Test
    @DisplayName("Latin-1 bytes are refused, never replaced")
    void latin1IsRefused() {
        CorpusException e = assertThrows(CorpusException.class,
                () -> Corpora.decodeUtf8("Café".getBytes(StandardCharsets.ISO_8859_1), "<stdin>"));
        assertEquals("<stdin>:1: invalid UTF-8 (byte 0xE9)", e.getMessage());
    }

    @Test
    @DisplayName("invalid UTF-8 given a source name is an error naming it and the line of the first bad byte")
    void invalidUtf8NamesTheLine() {
        assertEquals("Café", Corpora.decodeUtf8("Café".getBytes(StandardCharsets.UTF_8), "<stdin>"));
        CorpusException bad = assertThrows(CorpusException.class,
                () -> Corpora.decodeUtf8(new byte[] {'o', 'k', '\n', 'b', 'a', 'd', ' ', (byte) 0xFF, '\n'}, "<stdin>"));
        assertEquals("<stdin>:2: invalid UTF-8 (byte 0xFF)", bad.getMessage());
        CorpusException cut = assertThrows(CorpusException.class,
                () -> Corpora.decodeUtf8(new byte[] {'a', '\n', '\n', (byte) 0xD0}, "<stdin>"));
        assertEquals("<stdin>:3: invalid UTF-8 (byte 0xD0)", cut.getMessage());
    }
}
