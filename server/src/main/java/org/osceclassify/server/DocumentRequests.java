package org.osceclassify.server;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.osceclassify.classifier.Classification;
import org.osceclassify.classifier.OsceClassifier;
import org.osceclassify.model.CorpusException;
import org.osceclassify.model.OsceDocument;
import org.osceclassify.model.Origin;

/**
 * One document of a request, in the three forms the API takes: {@code {"text": ...}}, {@code {"title": ...,
 * "body": ...}} or {@code {"page": ...}} (a whole scraped page as users copy it), each with an optional {@code id}.
 * A form the API does not know is a 400 naming what is wrong, never a guess.
 */
final class DocumentRequests {

    private static final Set<String> KNOWN = Set.of("id", "text", "title", "body", "page");

    private DocumentRequests() {
    }

    /** A document read from a request, not yet classified: a page is parsed when it is classified. */
    record DocumentRequest(String id, String text, String title, String body, String page) {

        /** Classifies this document with {@code classifier}; {@code explain} adds the words that weighed most. */
        Classification classify(OsceClassifier classifier, boolean explain) {
            OsceDocument doc = document();
            return explain ? classifier.classify(doc) : classifier.scores(doc);
        }

        /** The document, a page parsed. @throws ApiException (400) when a page has neither title nor body */
        OsceDocument document() {
            if (page != null) {
                try {
                    return OsceClassifier.pageDocument(id, page);
                } catch (CorpusException e) {
                    throw ApiException.badRequest(id + ": not a page: " + ModelHolder.oneLine(e));
                }
            }
            return text != null ? OsceDocument.ofText(id, text, Origin.of(id))
                    : new OsceDocument(id, title, body, null, null, null, null, null, Origin.of(id));
        }
    }

    /**
     * Reads one document from a JSON object; {@code defaultId} names it when it has no {@code id}.
     *
     * @throws ApiException (400) when it is not an object, has none of the forms, mixes them, or holds a field
     *                      that is not a string
     */
    static DocumentRequest read(JsonNode node, String defaultId) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(defaultId + ": a document is a JSON object with \"text\", "
                    + "\"title\" and \"body\", or \"page\"");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw ApiException.badRequest(defaultId + ": unknown field \"" + name
                        + "\" (a document has \"text\", \"title\" and \"body\", or \"page\", and may have \"id\")");
            }
        }
        String id = string(node, "id", defaultId);
        String text = string(node, "text", id);
        String title = string(node, "title", id);
        String body = string(node, "body", id);
        String page = string(node, "page", id);
        int forms = (text != null ? 1 : 0) + (title != null || body != null ? 1 : 0) + (page != null ? 1 : 0);
        if (forms == 0) {
            throw ApiException.badRequest(id + ": missing text: give \"text\", \"title\" and \"body\", or \"page\"");
        }
        if (forms > 1) {
            throw ApiException.badRequest(id + ": give one of \"text\", \"title\" and \"body\", or \"page\", not "
                    + "several");
        }
        return new DocumentRequest(id == null ? defaultId : id, text, title, body, page);
    }

    private static String string(JsonNode node, String field, String id) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return field.equals("id") ? id : null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(id + ": \"" + field + "\" must be a string");
        }
        return value.textValue();
    }
}
