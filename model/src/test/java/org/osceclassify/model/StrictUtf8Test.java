package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text given as bytes")
class StrictUtf8Test {

    @Test
    @DisplayName("valid UTF-8 decodes to its text")
    void validUtf8() {
        assertEquals(Optional.of("Café talks, Київ"),
                Corpora.decodeUtf8("Café talks, Київ".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("invalid or truncated UTF-8 is refused, never replaced")
    void invalidUtf8() {
        assertEquals(Optional.empty(), Corpora.decodeUtf8("Café".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), Corpora.decodeUtf8(new byte[] {'a', (byte) 0xD0}));
    }
}
