package org.osceclassify.model;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small table as CSV text, in the one form the project writes its tables in (the taxonomy's files, reports):
 * RFC 4180 with a header line and a line feed after every record, so that the same rows give the same bytes on
 * every platform.
 */
public final class CsvTable {

    /** Prints the rows of a table. */
    public interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private CsvTable() {
    }

    /** The table of {@code header} and {@code rows}, each row a record of as many cells as the header. */
    public static String text(List<String> header, List<? extends List<String>> rows) {
        return text(header, printer -> {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        });
    }

    /** The table of {@code header} and the records {@code rows} prints. */
    public static String text(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be written", e);
        }
        return out.toString();
    }
}
