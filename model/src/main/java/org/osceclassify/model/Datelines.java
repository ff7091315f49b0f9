package org.osceclassify.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the OSCE writes them ({@code 3 December 2015}, {@code December 3, 2015}, {@code 2015-12-03}), place
 * names normalised to title case ({@code MITROVO POLJE} to {@code Mitrovo Polje}), and the dateline that opens a
 * release: {@code BELGRADE, 3 December 2015 - ...}, with a hyphen, an en dash or an em dash.
 */
final class Datelines {

    /** The place and date of a dateline; the place is empty when the dateline gives only a date. */
    record Dateline(String place, LocalDate date) {
    }

    private static final List<DateTimeFormatter> FORMATS = List.of(
            format("d MMMM uuuu"), format("d MMM uuuu"), format("MMMM d, uuuu"), format("MMM d, uuuu"),
            format("MMMM d uuuu"), format("d.M.uuuu"), DateTimeFormatter.ISO_LOCAL_DATE);

    private static final String DATE = "\\d{1,2}\\s+\\p{L}+\\.?\\s+\\d{4}|\\p{L}+\\.?\\s+\\d{1,2},?\\s+\\d{4}";
    /** One to four words, each capitalised or in capitals: a city, not the start of a sentence. */
    private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
    private static final String PLACE = WORD + "(?:[ /]" + WORD + "){0,3}";
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?:(" + PLACE + ")\\s*,\\s*)?(" + DATE + ")\\s*[-–—]");

    private Datelines() {
    }

    private static DateTimeFormatter format(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    /** A date in any of the forms the site uses, or empty when the text is not one. */
    static Optional<LocalDate> parseDate(String text) {
        String s = collapseWhitespace(text.strip());
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(s, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** The dateline at the start of a body, if it opens with one. */
    static Optional<Dateline> find(String body) {
        Matcher m = DATELINE.matcher(body);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        return parseDate(m.group(2)).map(date ->
                new Dateline(m.group(1) == null ? "" : normalisePlace(m.group(1)), date));
    }

    /**
     * A place name in title case: words written all in capitals become {@code Capitalised}, including each part
     * of a hyphenated, slashed or dotted name ({@code D.C.}); words already in mixed case are left as written.
     */
    static String normalisePlace(String place) {
        String s = collapseWhitespace(place.strip());
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-' || c == '/' || c == '.') {
                out.append(titleCase(word)).append(c);
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        return out.append(titleCase(word)).toString();
    }

    /** Each run of ASCII whitespace (regex {@code \s}) as one space, without a regex: it runs for every CSV row. */
    private static String collapseWhitespace(String s) {
        boolean single = true;
        for (int i = 0; i < s.length() && single; i++) {
            char c = s.charAt(i);
            single = !isSpace(c) || c == ' ' && (i == 0 || !isSpace(s.charAt(i - 1)));
        }
        if (single) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = isSpace(c);
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String titleCase(CharSequence word) {
        String w = word.toString();
        if (w.isEmpty() || !w.equals(w.toUpperCase(Locale.ROOT)) || w.equals(w.toLowerCase(Locale.ROOT))) {
            return w;
        }
        int first = w.offsetByCodePoints(0, 1);
        return w.substring(0, first) + w.substring(first).toLowerCase(Locale.ROOT);
    }
}
