package org.osceclassify.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

import org.osceclassify.model.OsceDocument;

/**
 * Uncertainty sampling: the documents a model is least sure of, best to label first, so that an analyst's
 * corrections go where they teach the model most.
 *
 * <p>How unsure, in [0, 1], for each task the model has:
 * <ul>
 *   <li>fields of work: how close the field nearest to its threshold came to it, {@code 1 - min |p - t| / max(t,
 *       1 - t)} over the fields ({@code p} the calibrated probability, {@code t} the field's threshold): 1 when a
 *       field sits on its threshold, 0 when every field is as far from it as it can be;</li>
 *   <li>source bodies: the entropy of the source distribution divided by its largest value, {@code log K}: 1 when
 *       every source is equally likely, 0 when one has all the probability.</li>
 * </ul>
 * A document's uncertainty is, by {@link Measure}, the mean of the two (or the one the model has), or one of them
 * alone (when only one task's labels are to be corrected); ties keep input order. A document
 * the model cannot classify (another language, no known words) is not queued: no label would teach it.
 */
public final class ReviewQueue {

    /** Which task's uncertainty ranks the queue. */
    public enum Measure {
        /** The mean of the fields' and the sources' (or the one the model has). */
        BOTH,
        /** The fields' closeness to their thresholds only. */
        FIELDS,
        /** The sources' normalised entropy only. */
        SOURCES
    }

    /** Every field's and source's score of one document, none thresholded away, and the fields predicted. */
    record Scores(List<ScoredLabel> fields, List<ScoredLabel> sources, List<ScoredLabel> predicted) {
    }

    /**
     * One document of the queue.
     *
     * @param document         the document, as read
     * @param uncertainty      the combined uncertainty, in [0, 1]; the queue's order, highest first
     * @param fieldUncertainty the fields' part, NaN when the model has no fields task
     * @param sourceEntropy    the sources' part, NaN when the model has no sources task
     * @param fields           the fields the model predicts, best first
     * @param source           the source the model ranks first, or empty
     */
    public record Candidate(OsceDocument document, double uncertainty, double fieldUncertainty, double sourceEntropy,
                            List<ScoredLabel> fields, String source) {
        public Candidate {
            Objects.requireNonNull(document, "document");
            fields = List.copyOf(fields);
        }
    }

    private ReviewQueue() {
    }

    /**
     * The {@code top} documents of {@code documents} the classifier is least sure of, least sure first. Reads the
     * documents once, keeping only {@code top} of them.
     */
    public static List<Candidate> rank(OsceClassifier classifier, Iterable<OsceDocument> documents, int top) {
        return rank(classifier, documents, top, Measure.BOTH);
    }

    /**
     * The {@code top} documents the classifier is least sure of by {@code measure}, least sure first. With
     * {@link Measure#FIELDS} or {@link Measure#SOURCES}, a model without that task ranks by the other.
     */
    public static List<Candidate> rank(OsceClassifier classifier, Iterable<OsceDocument> documents, int top,
                                       Measure measure) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, was " + top);
        }
        TrainedClassifier trained = classifier.trained();
        Comparator<Ranked> worstFirst = Comparator.comparingDouble((Ranked r) -> r.candidate.uncertainty())
                .thenComparing(Comparator.comparingLong((Ranked r) -> r.order).reversed());
        PriorityQueue<Ranked> kept = new PriorityQueue<>(worstFirst);
        long order = 0;
        for (OsceDocument doc : documents) {
            long position = order++;
            trained.allScores(doc).ifPresent(scores -> {
                kept.add(new Ranked(candidate(trained, doc, scores, measure), position));
                if (kept.size() > top) {
                    kept.poll();
                }
            });
        }
        List<Ranked> out = new ArrayList<>(kept);
        out.sort(worstFirst.reversed());
        return out.stream().map(r -> r.candidate).toList();
    }

    /** The CSV columns of the queue, as {@code osce-classify review} writes them. */
    public static List<String> csvHeader() {
        return List.of("rank", "id", "uncertainty", "field_uncertainty", "source_entropy", "fields", "source",
                "origin");
    }

    /** The cells of the queue's {@code rank}-th document (from 1); a task the model lacks has an empty cell. */
    public static List<String> csvRecord(int rank, Candidate c) {
        return List.of(Integer.toString(rank), c.document().id(), decimal(c.uncertainty()),
                decimal(c.fieldUncertainty()), decimal(c.sourceEntropy()),
                String.join(";", c.fields().stream().map(ScoredLabel::label).toList()), c.source(),
                c.document().origin().toString());
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    private record Ranked(Candidate candidate, long order) {
    }

    private static Candidate candidate(TrainedClassifier trained, OsceDocument doc, Scores scores, Measure measure) {
        double fieldPart = fieldUncertainty(scores.fields(), trained.thresholds());
        double sourcePart = sourceEntropy(scores.sources());
        double combined = Double.isNaN(fieldPart) ? sourcePart
                : Double.isNaN(sourcePart) ? fieldPart
                : measure == Measure.FIELDS ? fieldPart
                : measure == Measure.SOURCES ? sourcePart : (fieldPart + sourcePart) / 2;
        return new Candidate(doc, combined, fieldPart, sourcePart, scores.predicted(),
                scores.sources().isEmpty() ? "" : scores.sources().get(0).label());
    }

    /** 1 minus the smallest normalised distance of a field's probability to its threshold; NaN without fields. */
    static double fieldUncertainty(List<ScoredLabel> fields, Map<String, Double> thresholds) {
        double nearest = Double.NaN;
        for (ScoredLabel f : fields) {
            double t = thresholds.getOrDefault(f.label(), 0.5);
            double gap = Math.abs(f.probability() - t) / Math.max(t, 1 - t);
            nearest = Double.isNaN(nearest) ? gap : Math.min(nearest, gap);
        }
        return Double.isNaN(nearest) ? Double.NaN : 1 - Math.min(1, nearest);
    }

    /** The entropy of the source probabilities over its largest value, log K; NaN without sources. */
    static double sourceEntropy(List<ScoredLabel> sources) {
        if (sources.isEmpty()) {
            return Double.NaN;
        }
        if (sources.size() == 1) {
            return 0;
        }
        double total = sources.stream().mapToDouble(ScoredLabel::probability).sum();
        double entropy = 0;
        for (ScoredLabel s : sources) {
            double p = s.probability() / total;
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return entropy / Math.log(sources.size());
    }
}
