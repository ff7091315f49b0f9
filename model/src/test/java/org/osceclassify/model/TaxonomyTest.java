package org.osceclassify.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The label taxonomy")
class TaxonomyTest {

    private static final Taxonomy BUNDLED = Taxonomy.bundled();

    /** Every distinct value of a multi-valued column of the seed corpus. */
    private static Set<String> seedValues(String column) throws Exception {
        Set<String> values = new TreeSet<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(TestFiles.seedCorpus(), java.nio.charset.StandardCharsets.UTF_8,
                format)) {
            for (CSVRecord r : parser) {
                for (String v : r.get(column).split(";")) {
                    if (!v.isBlank()) {
                        values.add(v.strip());
                    }
                }
            }
        }
        return values;
    }

    @Nested
    @DisplayName("as bundled")
    class Bundled {

        @Test
        @DisplayName("has the 23 fields of work the site lists, the 57 participating States and the main bodies")
        void sizes() {
            assertEquals(23, BUNDLED.fields().size());
            assertEquals("Arms control", BUNDLED.fields().get(0).name());
            assertEquals("Youth", BUNDLED.fields().get(22).name());
            assertEquals(57, BUNDLED.states().size());
            assertTrue(BUNDLED.sources().size() >= 41, "at least every source of the seed corpus");
        }

        @Test
        @DisplayName("is the same as the labels/ folder of the repository, and is read only once")
        void sameAsFolder() {
            assertEquals(Taxonomy.load(TestFiles.repository().resolve("labels")), BUNDLED);
            assertSame(BUNDLED, Taxonomy.bundled());
        }

        @Test
        @DisplayName("lists every field of work of the seed page's own menu")
        void seedMenuFields() {
            List<String> lines = TestFiles.read(TestFiles.seedPage()).lines().toList();
            int start = lines.indexOf("Fields of work") + 1;
            List<String> menu = lines.subList(start, start + 23).stream().map(l -> l.substring(2)).toList();
            assertEquals(menu, BUNDLED.fields().stream().map(Taxonomy.Field::name).toList());
        }

        @Test
        @DisplayName("maps every fields, sources and locations value of the seed corpus")
        void mapsSeedCorpus() throws Exception {
            assertAll(
                    () -> assertEquals(Set.of(), unmapped(seedValues("fields"), n -> BUNDLED.field(n).isPresent())),
                    () -> assertEquals(Set.of(), unmapped(seedValues("sources"), n -> BUNDLED.source(n).isPresent())),
                    () -> assertEquals(Set.of(), unmapped(seedValues("locations"), n -> BUNDLED.state(n).isPresent())));
        }

        private Set<String> unmapped(Set<String> names, java.util.function.Predicate<String> known) {
            Set<String> out = new TreeSet<>(names);
            out.removeIf(known);
            return out;
        }

        @ParameterizedTest(name = "\"{0}\" is the field \"{1}\"")
        @CsvSource(delimiter = '|', value = {
                "Safety of journalists|Media freedom and development",
                "Media pluralism|Media freedom and development",
                "Digital switchover|Media freedom and development",
                "Climate change|Environmental activities",
                "Disaster risk reduction|Environmental activities",
                "Combating human trafficking|Combating trafficking in human beings",
                "Cyber/ICT security|Cyber/ICT Security",
                "  ELECTIONS |Elections",
                "Roma and Sinti|Roma and Sinti"})
        @DisplayName("folds sub-topics and other spellings into the field of work")
        void fields(String name, String field) {
            assertEquals(Optional.of(field), BUNDLED.field(name));
        }

        @Test
        @DisplayName("keeps a sub-topic at the topic level, and a field's own name or alias at field level")
        void topics() {
            assertEquals(Optional.of("Safety of journalists"), BUNDLED.topic("safety of journalists"));
            assertEquals(Optional.of("Combating trafficking in human beings"),
                    BUNDLED.topic("Combating human trafficking"));
            assertEquals(Optional.empty(), BUNDLED.topic("Basket weaving"));
        }

        @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
        @CsvSource(delimiter = '|', value = {
                "OSCE Chairmanship|OSCE Chairpersonship",
                "ODIHR|OSCE Office for Democratic Institutions and Human Rights",
                "Office for Democratic Institutions and Human Rights|OSCE Office for Democratic Institutions and Human Rights",
                "RFoM|OSCE Representative on Freedom of the Media",
                "HCNM|OSCE High Commissioner on National Minorities",
                "OSCE Mission to Croatia (closed)|OSCE Mission to Croatia",
                "OSCE Centre in Astana|OSCE Programme Office in Astana",
                "Centre in Astana|OSCE Programme Office in Astana",
                "Mission to Serbia|OSCE Mission to Serbia",
                "OSCE Special Monitoring Mission to Ukraine (closed)|OSCE Special Monitoring Mission to Ukraine",
                "OSCE Observer Mission at the Russian Checkpoints Gukovo and Donetsk (discontinued)|OSCE Observer Mission at the Russian Checkpoints Gukovo and Donetsk",
                "OSCE Minsk Group|Minsk Group"})
        @DisplayName("maps former, closed and short names of a body to its current name")
        void sources(String name, String canonical) {
            assertEquals(Optional.of(canonical), BUNDLED.source(name).map(Taxonomy.SourceBody::name));
        }

        @ParameterizedTest(name = "{0}: {1}, {2}")
        @CsvSource(delimiter = '|', value = {
                "OSCE Mission to Serbia|field-operation|Belgrade",
                "ODIHR|institution|Warsaw",
                "RFoM|institution|Vienna",
                "HCNM|institution|The Hague",
                "OSCE Parliamentary Assembly|parliamentary-assembly|Copenhagen",
                "OSCE Secretariat|secretariat|Vienna",
                "OSCE Special Monitoring Mission to Ukraine|field-operation|Kyiv",
                "OSCE Mission in Kosovo|field-operation|Pristina",
                "Permanent Council|decision-making-body|Vienna",
                "OSCE Chairmanship|chairpersonship|''"})
        @DisplayName("knows what kind of body a source is and where it sits")
        void kinds(String name, String kind, String city) {
            Taxonomy.SourceBody body = BUNDLED.source(name).orElseThrow();
            assertEquals(kind, body.kind());
            assertEquals(city, body.homeCity());
        }

        @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
        @CsvSource(delimiter = '|', value = {
                "Turkey|Türkiye", "Türkiye|Türkiye", "former Yugoslav Republic of Macedonia|North Macedonia",
                "the former Yugoslav Republic of Macedonia|North Macedonia", "Czech Republic|Czechia",
                "Republic of Moldova|Moldova", "Kyrgyz Republic|Kyrgyzstan", "Netherlands|The Netherlands",
                "Vatican|Holy See", "Russia|Russian Federation", "USA|United States of America",
                "United States|United States of America", "UK|United Kingdom"})
        @DisplayName("maps the other names of a participating State")
        void states(String name, String canonical) {
            assertEquals(Optional.of(canonical), BUNDLED.state(name).map(Taxonomy.State::name));
        }

        @Test
        @DisplayName("compares names in the Unicode compatibility form: a decomposed ü is still Türkiye")
        void unicodeForms() {
            assertEquals(Optional.of("Türkiye"), BUNDLED.state("Tu\u0308rkiye").map(Taxonomy.State::name));
        }
    }

    @Test
    @DisplayName("keys a name in NFKC and lower case, with each run of white space as one space and none at the ends")
    void key() {
        assertEquals("press release", Taxonomy.key("  Press\u00A0 \tRelease\n"));
        assertEquals("osce mission", Taxonomy.key("ＯＳＣＥ\u2028Mission"));
        assertEquals("", Taxonomy.key(" \u3000 "));
    }

    @Nested
    @DisplayName("as files")
    class Files_ {

        @TempDir
        Path dir;

        private void writeFiles(Map<String, String> files) {
            files.forEach((name, text) -> TestFiles.write(dir.resolve(name), text));
        }

        @Test
        @DisplayName("writes and reads back to an equal taxonomy")
        void roundTrip() {
            Map<String, String> csv = BUNDLED.toCsv();
            assertEquals(BUNDLED, Taxonomy.fromCsv(csv));
            writeFiles(csv);
            assertEquals(BUNDLED, Taxonomy.load(dir));
        }

        @Test
        @DisplayName("a missing file is an error naming it")
        void missingFile() {
            Map<String, String> csv = new LinkedHashMap<>(BUNDLED.toCsv());
            csv.remove(Taxonomy.STATES_FILE);
            writeFiles(csv);
            CorpusException e = assertThrows(CorpusException.class, () -> Taxonomy.load(dir));
            assertEquals(dir.resolve(Taxonomy.STATES_FILE) + ": no such file", e.getMessage());
        }

        @Test
        @DisplayName("a missing column is an error on line 1")
        void missingColumn() {
            Map<String, String> csv = new LinkedHashMap<>(BUNDLED.toCsv());
            csv.put(Taxonomy.SOURCES_FILE, "source,aliases\nODIHR,\n");
            CorpusException e = assertThrows(CorpusException.class, () -> Taxonomy.fromCsv(csv));
            assertTrue(e.getMessage().startsWith(Taxonomy.SOURCES_FILE + ":1: missing column 'kind'"), e.getMessage());
        }

        @Test
        @DisplayName("one name for two entries is an error naming the line")
        void ambiguousName() {
            Map<String, String> csv = new LinkedHashMap<>(BUNDLED.toCsv());
            csv.put(Taxonomy.FIELDS_FILE, "field,topics,aliases\nElections,,\nDemocratization,,ELECTIONS\n");
            CorpusException e = assertThrows(CorpusException.class, () -> Taxonomy.fromCsv(csv));
            assertEquals(Taxonomy.FIELDS_FILE + ":3: the name 'ELECTIONS' is already given to 'Elections'", e.getMessage());
        }

        @Test
        @DisplayName("a row with the wrong number of fields is an error naming the line")
        void wrongFieldCount() {
            Map<String, String> csv = new LinkedHashMap<>(BUNDLED.toCsv());
            csv.put(Taxonomy.STATES_FILE, "state,aliases\nAlbania,\nAndorra\n");
            CorpusException e = assertThrows(CorpusException.class, () -> Taxonomy.fromCsv(csv));
            assertEquals(Taxonomy.STATES_FILE + ":3: expected 2 fields, found 1", e.getMessage());
        }

        @Test
        @DisplayName("an unclosed quote is an error naming the line where it opens")
        void unclosedQuote() {
            Map<String, String> csv = new LinkedHashMap<>(BUNDLED.toCsv());
            csv.put(Taxonomy.STATES_FILE, "state,aliases\nAlbania,\n\"Andorra,\nAustria,\n");
            CorpusException e = assertThrows(CorpusException.class, () -> Taxonomy.fromCsv(csv));
            assertEquals(Taxonomy.STATES_FILE + ":3", e.origin().toString());
        }

        @Test
        @DisplayName("a header naming a column twice is an error on line 1")
        void duplicateHeader() {
            Map<String, String> csv = new LinkedHashMap<>(BUNDLED.toCsv());
            csv.put(Taxonomy.STATES_FILE, "state,aliases,state\nAlbania,,\n");
            CorpusException e = assertThrows(CorpusException.class, () -> Taxonomy.fromCsv(csv));
            assertEquals(Taxonomy.STATES_FILE + ":1", e.origin().toString());
        }

        @Test
        @DisplayName("the files in labels/ are exactly what toCsv writes, so editing them by hand stays diff-friendly")
        void canonicalFiles() throws Exception {
            Path labels = TestFiles.repository().resolve("labels");
            for (Map.Entry<String, String> e : BUNDLED.toCsv().entrySet()) {
                assertEquals(e.getValue(), Files.readString(labels.resolve(e.getKey())), e.getKey());
            }
        }
    }
}
