package org.unionplatform.common.rows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's SAX event API: rows stream through, the workbook is
 * never built in memory (the user model would need gigabytes for 100,000 rows).
 */
public final class XlsxRows implements RowReader {

    @Override
    public String describe() {
        return "XLSX";
    }

    @Override
    public void read(Path file, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            var strings = new ReadOnlySharedStringsTable(pkg);
            var reader = new XSSFReader(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Rows(handler), new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("Not a readable XLSX workbook", e);
        } catch (RowFailure failure) {
            throw failure.io;
        } catch (UnsupportedFileFormatException | InvalidOperationException | POIXMLException notAWorkbook) {
            // POI says "not a workbook" with runtime exceptions: for the caller it is an unreadable file like any.
            throw new IOException("Not a readable XLSX workbook", notAWorkbook);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>(8);

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                if (!cells.stream().allMatch(String::isBlank)) {
                    handler.row(rowNum + 1L, List.copyOf(cells));
                }
            } catch (IOException e) {
                throw new RowFailure(e);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }

    private static final class RowFailure extends RuntimeException {
        private final IOException io;

        RowFailure(IOException io) {
            super(io);
            this.io = io;
        }
    }
}
