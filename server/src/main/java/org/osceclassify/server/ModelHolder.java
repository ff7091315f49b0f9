package org.osceclassify.server;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model being served, swapped whole on reload. A request takes {@link #current()} once and classifies with
 * that instance to the end, so a reload never changes the model under a request in flight: it finishes on the old
 * one, which the garbage collector frees when the last such request is done.
 */
final class ModelHolder {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);

    /** The outcome of the last reload: when, and the one-line reason it was refused, if it was. */
    record ReloadOutcome(Instant at, Optional<String> error) {
    }

    private final AtomicReference<ServedModel> current;
    private final AtomicReference<ReloadOutcome> lastReload = new AtomicReference<>();
    private final Consumer<ServedModel> onSwap;
    private final Object reloading = new Object();

    ModelHolder(ServedModel initial, Consumer<ServedModel> onSwap) {
        this.current = new AtomicReference<>(initial);
        this.onSwap = onSwap;
        onSwap.accept(initial);
    }

    ServedModel current() {
        return current.get();
    }

    Optional<ReloadOutcome> lastReload() {
        return Optional.ofNullable(lastReload.get());
    }

    /**
     * Reads the bundle again from the same path, checks it fully and swaps it in. A bundle that does not load is
     * refused: the old model keeps serving, and the reason is logged and kept for {@code GET /v1/model}. Reloads
     * run one at a time; classification does not wait for them.
     *
     * @throws IOException with a one-line message when the new bundle is refused
     */
    ServedModel reload() throws IOException {
        synchronized (reloading) {
            ServedModel old = current.get();
            try {
                ServedModel fresh = ServedModel.load(old.path());
                current.set(fresh);
                onSwap.accept(fresh);
                lastReload.set(new ReloadOutcome(Instant.now(), Optional.empty()));
                LOG.info("reloaded {}: model {} (was {})", fresh.path(), fresh.id(), old.id());
                return fresh;
            } catch (IOException | RuntimeException e) {
                String reason = oneLine(e);
                lastReload.set(new ReloadOutcome(Instant.now(), Optional.of(reason)));
                LOG.warn("reload refused, still serving model {}: {}", old.id(), reason);
                throw new IOException(reason, e);
            }
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
