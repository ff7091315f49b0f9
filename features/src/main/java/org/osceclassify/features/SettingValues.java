package org.osceclassify.features;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a configuration's settings, in the order the configuration lists them: immutable; {@link #with}
 * gives a copy with one value changed. Equal when every value is equal.
 */
public final class SettingValues {

    private final Map<Setting<?>, Object> values;

    private SettingValues(Map<Setting<?>, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Every setting at its default. */
    public static SettingValues defaults(List<Setting<?>> settings) {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        settings.forEach(s -> values.put(s, s.defaultValue()));
        return new SettingValues(values);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException("not a setting of this configuration: " + setting);
        }
        return (T) values.get(setting);
    }

    /** These values with {@code setting} set to {@code value}, once it passed the setting's check. */
    public <T> SettingValues with(Setting<T> setting, T value) {
        get(setting);
        Map<Setting<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(setting, setting.checked(value));
        return new SettingValues(changed);
    }

    /** Each setting's name and the text form of its value. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((setting, value) -> text.put(setting.name(), setting.format(value)));
        return Collections.unmodifiableMap(text);
    }

    /**
     * These values with every setting that has a text form read from {@code text}. A setting of {@code addedLater}
     * (one that text written before it existed lacks) keeps its value here when {@code text} does not name it:
     * its default, which reproduces how what that text describes was made.
     *
     * @throws IllegalArgumentException naming the setting, when another one is missing or its value is not one it
     *                                  takes
     */
    public SettingValues withText(Map<String, String> text, Collection<Setting<?>> addedLater) {
        SettingValues read = this;
        for (Setting<?> setting : values.keySet()) {
            if (setting.textual()) {
                String value = text.get(setting.name());
                if (value == null && addedLater.contains(setting)) {
                    continue;
                }
                if (value == null) {
                    throw new IllegalArgumentException("the setting " + setting.name() + " is missing");
                }
                read = read.withParsed(setting, value);
            }
        }
        return read;
    }

    private <T> SettingValues withParsed(Setting<T> setting, String text) {
        return with(setting, setting.parse(text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues v && values.equals(v.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@code {name=value, ...}}, values in their text form. */
    @Override
    public String toString() {
        return asText().toString();
    }
}
