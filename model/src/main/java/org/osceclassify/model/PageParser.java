package org.osceclassify.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an OSCE web page as users scrape it into an {@link OsceDocument}.
 *
 * <p>A scraped page is, in order: the site's navigation menu (lines {@code -} and {@code - item}, with section
 * headings such as {@code Fields of work} each right after a bare {@code -}); the content type; the title; a
 * metadata block of {@code - Key:} lines each followed by its {@code - value} lines (Date, Place, Source, Fields
 * of work, Location); and the body paragraphs. Every part but the body may be missing.
 *
 * <p>The menu ends at the first line that is neither a {@code -} line nor a section heading, a heading being a
 * line after a bare {@code -} that is itself followed by a {@code -} item. That line is the content type when it
 * is one the site uses, or when the next line is the title of a metadata block; otherwise it is the title. So no
 * menu item ever reaches the body, and a page without menu, content type or metadata still parses. Labels are
 * returned exactly as the page writes them; {@link LabelNormaliser} maps them to the taxonomy.
 */
final class PageParser {

    static final Set<String> CONTENT_TYPES = Set.of("press release", "news", "statement", "press statement",
            "daily report", "spot report", "weekly report", "status report", "report", "factsheet",
            "guide / manual / handbook", "poster", "speech", "publication", "feature", "story", "op-ed",
            "interview", "event", "announcement");

    private static final Pattern KEY = Pattern.compile("^-\\s*(\\p{L}[\\p{L} ]{0,40}):\\s*(.*)$");

    private PageParser() {
    }

    static OsceDocument parse(String text, String id, Origin origin) {
        String[] raw = text.split("\\R", -1);
        List<String> lines = new ArrayList<>(raw.length);
        for (String line : raw) {
            String s = line.strip();
            if (!s.isEmpty()) {
                lines.add(s);
            }
        }
        if (!lines.isEmpty() && lines.get(0).charAt(0) == '\uFEFF') {
            lines.set(0, lines.get(0).substring(1).strip());
        }

        int i = skipMenu(lines);
        boolean menu = i > 0;

        String contentType = "";
        if (i < lines.size() && isContentType(lines, i)) {
            contentType = lines.get(i++);
        }
        String title = "";
        if (i < lines.size() && !isDash(lines.get(i))) {
            title = lines.get(i++);
        }

        List<String> dates = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<String> current = null;
        boolean metadata = i < lines.size() && KEY.matcher(lines.get(i)).matches();
        if (!menu && contentType.isEmpty() && !metadata) {
            return plainText(text, id, origin);
        }
        while (metadata && i < lines.size() && isDash(lines.get(i))) {
            String line = lines.get(i++);
            Matcher key = KEY.matcher(line);
            if (key.matches()) {
                current = switch (key.group(1).strip().toLowerCase(Locale.ROOT)) {
                    case "date", "published", "publication date" -> dates;
                    case "place", "dateline" -> places;
                    case "source", "sources" -> sources;
                    case "fields of work", "field of work", "fields", "topics", "what we do" -> fields;
                    case "location", "locations", "country", "countries" -> locations;
                    default -> new ArrayList<>();
                };
                if (!key.group(2).isBlank()) {
                    current.add(key.group(2).strip());
                }
            } else if (current != null && !line.equals("-")) {
                current.add(line.substring(1).strip());
            }
        }
        String body = String.join("\n", lines.subList(i, lines.size()));

        Optional<Datelines.Dateline> dateline = Datelines.find(body);
        Optional<LocalDate> date = dates.stream().map(Datelines::parseDate).flatMap(Optional::stream).findFirst()
                .or(() -> dateline.map(Datelines.Dateline::date));
        String place = places.isEmpty() ? dateline.map(Datelines.Dateline::place).orElse("")
                : Datelines.normalisePlace(places.get(0));

        return new OsceDocument(id, title, body, date, place, contentType, locations,
                new Labels(sources, fields), origin);
    }

    /**
     * Text without the page's structure (no menu, no content type, no metadata block), such as a statement saved
     * to a {@code .txt} file: read as {@link OsceDocument#ofText} reads text on stdin, the whole of it the body
     * (a leading byte-order mark dropped), so that the same statement gives the same document either way.
     */
    private static OsceDocument plainText(String text, String id, Origin origin) {
        String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return OsceDocument.ofText(id, body, origin);
    }

    private static int skipMenu(List<String> lines) {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean heading = i > 0 && lines.get(i - 1).equals("-") && i + 1 < lines.size()
                    && isDash(lines.get(i + 1)) && !KEY.matcher(lines.get(i + 1)).matches();
            if (!isDash(line) && !heading) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isContentType(List<String> lines, int i) {
        if (CONTENT_TYPES.contains(lines.get(i).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return i + 2 < lines.size() && !isDash(lines.get(i + 1)) && KEY.matcher(lines.get(i + 2)).matches();
    }

    private static boolean isDash(String line) {
        return line.equals("-") || line.startsWith("- ") || KEY.matcher(line).matches();
    }
}
