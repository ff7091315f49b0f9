package org.osceclassify.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The label taxonomy: the OSCE fields of work with their sub-topics, the source bodies, and the participating
 * States, each with the other names users and the site have for them.
 *
 * <p>It lives in three CSV files that a user can read and edit ({@value #FIELDS_FILE}, {@value #SOURCES_FILE},
 * {@value #STATES_FILE}); the copy in the repository's {@code labels/} folder ships inside the jar as
 * {@link #bundled()}. Look-ups ignore case, Unicode compatibility forms and runs of white space.
 */
public final class Taxonomy {

    public static final String FIELDS_FILE = "fields.csv";
    public static final String SOURCES_FILE = "sources.csv";
    public static final String STATES_FILE = "participating-states.csv";

    private static final String[] FIELD_COLUMNS = {"field", "topics", "aliases"};
    private static final String[] SOURCE_COLUMNS = {"source", "kind", "home_city", "aliases"};
    private static final String[] STATE_COLUMNS = {"state", "aliases"};
    private static final String BUNDLED_PREFIX = "/org/osceclassify/model/labels/";

    /** A field of work, the finer sub-topics filed under it, and its other names. */
    public record Field(String name, List<String> topics, List<String> aliases) {
        public Field {
            Objects.requireNonNull(name, "name");
            topics = List.copyOf(topics);
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * An issuing body.
     *
     * @param name     the current name, as the site names it
     * @param kind     what sort of body it is: institution, secretariat, field operation, ...
     * @param homeCity the city it sits in, or empty where it has none
     * @param aliases  former, closed and alternative names
     */
    public record SourceBody(String name, String kind, String homeCity, List<String> aliases) {
        public SourceBody {
            Objects.requireNonNull(name, "name");
            kind = Objects.requireNonNullElse(kind, "");
            homeCity = Objects.requireNonNullElse(homeCity, "");
            aliases = List.copyOf(aliases);
        }
    }

    /** A participating State and its other names. */
    public record State(String name, List<String> aliases) {
        public State {
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
        }
    }

    private final List<Field> fields;
    private final List<SourceBody> sources;
    private final List<State> states;
    private final Map<String, Field> fieldByKey = new HashMap<>();
    private final Map<String, String> topicByKey = new HashMap<>();
    private final Map<String, SourceBody> sourceByKey = new HashMap<>();
    private final Map<String, State> stateByKey = new HashMap<>();

    public Taxonomy(List<Field> fields, List<SourceBody> sources, List<State> states) {
        this.fields = List.copyOf(fields);
        this.sources = List.copyOf(sources);
        this.states = List.copyOf(states);
        for (Field f : this.fields) {
            index(fieldByKey, f.name(), f);
            f.aliases().forEach(a -> index(fieldByKey, a, f));
            f.topics().forEach(t -> {
                index(fieldByKey, t, f);
                topicByKey.putIfAbsent(key(t), t);
            });
        }
        for (SourceBody s : this.sources) {
            index(sourceByKey, s.name(), s);
            s.aliases().forEach(a -> index(sourceByKey, a, s));
        }
        for (State s : this.states) {
            index(stateByKey, s.name(), s);
            s.aliases().forEach(a -> index(stateByKey, a, s));
        }
    }

    private static <V> void index(Map<String, V> map, String name, V value) {
        V previous = map.putIfAbsent(key(name), value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalArgumentException("the name '" + name + "' is given to two entries");
        }
    }

    /**
     * The key by which names and metadata values are compared: NFKC, lower case ({@link Locale#ROOT}), each run
     * of white space ({@link Character#isWhitespace} or {@link Character#isSpaceChar}) as one space, none at
     * either end; empty for a blank name. "Press  Release " and "press release" have the same key. Written
     * without regular expressions: it runs for every label and metadata value of every document.
     */
    public static String key(String name) {
        String s = name;
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                s = Normalizer.normalize(s, Normalizer.Form.NFKC);
                break;
            }
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The taxonomy that ships with osce-classify, the same as the repository's {@code labels/} folder. */
    public static Taxonomy bundled() {
        return Bundled.INSTANCE;
    }

    /** Read once, on first use: a taxonomy is immutable, so every caller can share it. */
    private static final class Bundled {
        static final Taxonomy INSTANCE = readBundled();
    }

    private static Taxonomy readBundled() {
        return read(BUNDLED_PREFIX, name -> {
            InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED_PREFIX + name);
            if (in == null) {
                throw new CorpusException(Origin.of(BUNDLED_PREFIX + name), "the bundled taxonomy is missing");
            }
            return new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
        });
    }

    /** Reads the three CSV files from a folder such as {@code labels/}. */
    public static Taxonomy load(Path dir) {
        return read(dir.toString() + "/", name -> {
            Path file = dir.resolve(name);
            try {
                return Files.newBufferedReader(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CorpusException(Origin.of(file.toString()), "no such file");
            } catch (IOException e) {
                throw new CorpusException(Origin.of(file.toString()), "cannot read: " + e.getMessage(), e);
            }
        });
    }

    /** Reads the three CSV files from their text, keyed by file name, as {@link #toCsv()} writes them. */
    public static Taxonomy fromCsv(Map<String, String> csvByFileName) {
        return read("", name -> {
            String text = csvByFileName.get(name);
            if (text == null) {
                throw new CorpusException(Origin.of(name), "missing from the taxonomy");
            }
            return new StringReader(text);
        });
    }

    private static Taxonomy read(String prefix, Function<String, Reader> open) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> fieldNames = new HashMap<>();
        readRows(prefix + FIELDS_FILE, open.apply(FIELDS_FILE), FIELD_COLUMNS, r -> {
            Field field = new Field(r.get(0), ListCells.split(r.get(1)), ListCells.split(r.get(2)));
            List<String> names = new ArrayList<>(field.topics());
            names.addAll(field.aliases());
            claim(fieldNames, field.name(), names);
            fields.add(field);
        });
        List<SourceBody> sources = new ArrayList<>();
        Map<String, String> sourceNames = new HashMap<>();
        readRows(prefix + SOURCES_FILE, open.apply(SOURCES_FILE), SOURCE_COLUMNS, r -> {
            SourceBody source = new SourceBody(r.get(0), r.get(1), r.get(2), ListCells.split(r.get(3)));
            claim(sourceNames, source.name(), source.aliases());
            sources.add(source);
        });
        List<State> states = new ArrayList<>();
        Map<String, String> stateNames = new HashMap<>();
        readRows(prefix + STATES_FILE, open.apply(STATES_FILE), STATE_COLUMNS, r -> {
            State state = new State(r.get(0), ListCells.split(r.get(1)));
            claim(stateNames, state.name(), state.aliases());
            states.add(state);
        });
        return new Taxonomy(fields, sources, states);
    }

    /**
     * Records that the names of one row belong to its entry, so that a name given to two entries is reported on
     * the line that gives it the second time, not after the whole file has been read.
     */
    private static void claim(Map<String, String> owners, String entry, List<String> otherNames) {
        List<String> names = new ArrayList<>(otherNames);
        names.add(0, entry);
        for (String name : names) {
            String owner = owners.putIfAbsent(key(name), entry);
            if (owner != null && !owner.equals(entry)) {
                throw new IllegalArgumentException("the name '" + name + "' is already given to '" + owner + "'");
            }
        }
    }

    private interface RowHandler {
        void accept(List<String> row);
    }

    private static void readRows(String file, Reader reader, String[] columns, RowHandler handler) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        long linesDone = 0;
        try (reader; CSVParser parser = parseHeader(file, reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new CorpusException(Origin.of(file, 1),
                            "missing column '" + column + "' (expected " + String.join(",", columns) + ")");
                }
            }
            linesDone = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = linesDone + 1;
                linesDone = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new CorpusException(Origin.of(file, line),
                            "expected " + header.size() + " fields, found " + record.size());
                }
                List<String> row = new ArrayList<>(columns.length);
                for (String column : columns) {
                    row.add(record.get(column).strip());
                }
                if (row.get(0).isEmpty()) {
                    throw new CorpusException(Origin.of(file, line), "empty name in column '" + columns[0] + "'");
                }
                try {
                    handler.accept(row);
                } catch (IllegalArgumentException e) {
                    throw new CorpusException(Origin.of(file, line), e.getMessage(), e);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new CorpusException(Origin.of(file, linesDone + 1), "malformed CSV: " + cause.getMessage(), e);
        }
    }

    private static CSVParser parseHeader(String file, Reader reader, CSVFormat format) throws IOException {
        try {
            return CSVParser.parse(reader, format);
        } catch (IllegalArgumentException e) {
            throw new CorpusException(Origin.of(file, 1), "bad header: " + e.getMessage(), e);
        }
    }

    /** The three files as CSV text, keyed by file name, so that a model bundle can carry the taxonomy. */
    public Map<String, String> toCsv() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FIELDS_FILE, CsvTable.text(List.of(FIELD_COLUMNS), fields.stream()
                .map(f -> List.of(f.name(), ListCells.join(f.topics()), ListCells.join(f.aliases()))).toList()));
        files.put(SOURCES_FILE, CsvTable.text(List.of(SOURCE_COLUMNS), sources.stream()
                .map(s -> List.of(s.name(), s.kind(), s.homeCity(), ListCells.join(s.aliases()))).toList()));
        files.put(STATES_FILE, CsvTable.text(List.of(STATE_COLUMNS), states.stream()
                .map(s -> List.of(s.name(), ListCells.join(s.aliases()))).toList()));
        return files;
    }


    public List<Field> fields() {
        return fields;
    }

    public List<SourceBody> sources() {
        return sources;
    }

    public List<State> states() {
        return states;
    }

    /** The field of work a name stands for: a field's own name, one of its sub-topics, or an alias. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fieldByKey.get(key(name))).map(Field::name);
    }

    /**
     * The finest label a name stands for: the sub-topic itself where the name is one, else its field of work.
     * This is the label set of the {@code topics} level of the fields task.
     */
    public Optional<String> topic(String name) {
        String topic = topicByKey.get(key(name));
        return topic != null ? Optional.of(topic) : field(name);
    }

    /** The source body a name stands for, current or former. */
    public Optional<SourceBody> source(String name) {
        return Optional.ofNullable(sourceByKey.get(key(name)));
    }

    /** The participating State a name stands for. */
    public Optional<State> state(String name) {
        return Optional.ofNullable(stateByKey.get(key(name)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Taxonomy t && fields.equals(t.fields) && sources.equals(t.sources)
                && states.equals(t.states);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, sources, states);
    }
}
