package org.osceclassify.features;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One setting of a configuration ({@link FeatureConfig}, and the classifier's training settings): its name, its
 * default, the check every value must pass, and how it is written as text and read back. A configuration lists
 * its settings once, and its equality, text form, copies and stored form all go through that list.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    private final String name;
    private final T defaultValue;
    private final Consumer<? super T> check;
    private final Function<? super T, String> format;
    private final Function<String, ? extends T> parse;

    private Setting(String name, T defaultValue, Consumer<? super T> check, Function<? super T, String> format,
                    Function<String, ? extends T> parse) {
        this.name = Objects.requireNonNull(name, "name");
        this.check = Objects.requireNonNull(check, "check");
        this.format = Objects.requireNonNull(format, "format");
        this.parse = parse;
        this.defaultValue = checked(defaultValue);
    }

    /**
     * A setting written as text by {@code String.valueOf} (an enum by its name) and read back by {@code parse}, or
     * not stored as text when {@code parse} is null.
     *
     * @param check throws {@link IllegalArgumentException}, saying why, for a value the setting does not take
     */
    public static <T> Setting<T> of(String name, T defaultValue, Consumer<? super T> check,
                                    Function<String, ? extends T> parse) {
        return new Setting<>(name, defaultValue, check, v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v),
                parse);
    }

    /** A setting with its own text form. */
    public static <T> Setting<T> of(String name, T defaultValue, Consumer<? super T> check,
                                    Function<? super T, String> format, Function<String, ? extends T> parse) {
        return new Setting<>(name, defaultValue, check, format, parse);
    }

    public String name() {
        return name;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The value, once it passed the check. */
    public T checked(T value) {
        Objects.requireNonNull(value, name);
        check.accept(value);
        return value;
    }

    /** Whether the setting has a text form that reads back. */
    public boolean textual() {
        return parse != null;
    }

    /** The text form of a value of this setting. */
    String format(Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return format.apply(typed);
    }

    /** A value read from its text form, checked. */
    public T parse(String text) {
        if (parse == null) {
            throw new IllegalStateException(name + " has no text form");
        }
        return checked(parse.apply(text));
    }

    /** A check that fails with {@code reason} unless {@code ok} holds. */
    public static void require(boolean ok, String reason) {
        if (!ok) {
            throw new IllegalArgumentException(reason);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
