package org.osceclassify.features;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * {@link LanguageDetection} by the Lingua library (character n-gram models), built once from a few languages only,
 * in Lingua's low-accuracy mode (trigram models): about 20 MB of heap and a third of a second to load the models,
 * on first use, against hundreds of MB and seconds for its high-accuracy mode. The models of a script's languages
 * are loaded only when a text in that script is first seen. Thread-safe.
 *
 * <p>Lingua rates each language relative to the most likely one (which rates 1). A text counts as being in another
 * language only when every expected language rates below {@link #SAME_LANGUAGE}: on the bundled English corpus the
 * lowest rating of English is 0.93, while French, German, Russian and Latin prose rates English at 0.8 or below.
 */
final class LinguaDetection implements LanguageDetection {

    /** How close an expected language must rate to the most likely one for a text to count as in it. */
    static final double SAME_LANGUAGE = 0.9;

    /**
     * How much of a text is judged: its start, which is plenty (the bundled corpus still rates English at 0.93 or
     * more), and keeps detection, which costs in proportion to the text, from slowing the classification of long
     * documents.
     */
    static final int MAX_CHARS = 500;

    /**
     * The OSCE's six working languages, a few more of the OSCE area, and Latin, so that placeholder text ("Lorem
     * ipsum") is recognised as not English.
     */
    static final Set<Language> LANGUAGES = EnumSet.of(Language.ENGLISH, Language.FRENCH, Language.GERMAN,
            Language.ITALIAN, Language.RUSSIAN, Language.SPANISH, Language.UKRAINIAN, Language.SERBIAN,
            Language.TURKISH, Language.POLISH, Language.LATIN);

    private static final class Holder {
        static final LinguaDetection SHARED = new LinguaDetection();
    }

    private final LanguageDetector detector;
    private final Set<String> codes;

    private LinguaDetection() {
        this.detector = LanguageDetectorBuilder.fromLanguages(LANGUAGES.toArray(Language[]::new))
                .withLowAccuracyMode()
                .build();
        this.codes = LANGUAGES.stream().map(LinguaDetection::code).collect(Collectors.toCollection(TreeSet::new));
    }

    static LinguaDetection shared() {
        return Holder.SHARED;
    }

    @Override
    public Set<String> languages() {
        return java.util.Collections.unmodifiableSet(codes);
    }

    @Override
    public Optional<String> detect(String text) {
        return ratings(text).map(r -> code(r.firstKey()));
    }

    @Override
    public Optional<String> otherLanguage(String text, Set<String> expected) {
        Optional<SortedMap<Language, Double>> ratings = ratings(text);
        if (ratings.isEmpty() || expected.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<Language, Double> rating : ratings.get().entrySet()) {
            if (expected.contains(code(rating.getKey())) && rating.getValue() >= SAME_LANGUAGE) {
                return Optional.empty();
            }
        }
        return Optional.of(code(ratings.get().firstKey()));
    }

    /** Each language's rating, most likely first; empty when the text is too short to judge. */
    private Optional<SortedMap<Language, Double>> ratings(String text) {
        String start = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (letters(start) < MIN_LETTERS) {
            return Optional.empty();
        }
        SortedMap<Language, Double> ratings = detector.computeLanguageConfidenceValues(start);
        return ratings.isEmpty() ? Optional.empty() : Optional.of(ratings);
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }
}
